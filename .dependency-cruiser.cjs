/**
 * The lib graph's rules (docs/conventions.md), checked in CI by `npm run lint:deps`; `npm run graph:libs`
 * draws the graph the README shows. ESLint already keeps domain/ and the kernel pure file by file; these
 * rules hold the graph as a whole.
 */
const LIB = '^libs/([^/]+)/';

module.exports = {
  forbidden: [
    {
      name: 'lib-through-index',
      comment: 'Another lib is used only through what its index.ts exports (#libs/<name>).',
      severity: 'error',
      from: { path: LIB },
      to: { path: '^libs/([^/]+)/src/(?!index\\.ts$)', pathNot: '^libs/$1/' },
    },
    {
      name: 'no-lib-cycle',
      comment: 'The lib graph is one-way: no lib reaches itself through others.',
      severity: 'error',
      from: { path: LIB },
      to: { circular: true, via: { pathNot: '^libs/$1/' } },
    },
    {
      name: 'no-file-cycle',
      severity: 'error',
      from: { path: '^(libs|apps/api|db)/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment:
        'domain/ imports its own lib’s domain/ and the kernel, nothing else (not even node: built-ins).',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/domain/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: '^libs/($1/src/domain|kernel)/' },
    },
    {
      name: 'kernel-imports-nothing',
      severity: 'error',
      from: { path: '^libs/kernel/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: '^libs/kernel/' },
    },
    {
      name: 'libs-not-apps',
      comment: 'Libs never reach into the applications that compose them.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'web-not-server',
      comment: 'The console talks to the API over HTTP only.',
      severity: 'error',
      from: { path: '^apps/web/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^(libs|db|apps/api)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'default'],
      extensions: ['.ts', '.tsx', '.js'],
      mainFields: ['types', 'module', 'main'],
    },
  },
};
