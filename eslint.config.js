import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      // Decorator metadata makes constructor parameter types runtime values (Nest DI needs them).
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
      globals: { process: 'readonly', console: 'readonly', globalThis: 'readonly', setTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/libs/*/src/**', '../../libs/**'],
              message: 'Import another lib through its index: #libs/<name>.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tool configurations that must be CommonJS (dependency-cruiser's).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    // The console runs in the browser (and its service worker in a worker).
    files: ['apps/web/**/*.{ts,tsx,js}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        location: 'readonly',
        fetch: 'readonly',
        crypto: 'readonly',
        indexedDB: 'readonly',
        self: 'readonly',
        caches: 'readonly',
        URL: 'readonly',
        Response: 'readonly',
      },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/features/*/*', '!@/features/*/index'],
              message: 'Use a feature through its index (features/<name>/index.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // Domain rules are plain TypeScript: no framework or ORM in domain/.
    files: ['libs/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg'],
              message: 'domain/ stays free of Nest, TypeORM and other libs.',
            },
            {
              // A regex: in the gitignore syntax of `group` a leading # starts a comment.
              regex: '^#libs/(?!kernel$)',
              message: 'domain/ imports no lib but the pure #libs/kernel.',
            },
          ],
        },
      ],
    },
  },
  {
    // The kernel is what every domain/ may import, so it imports nothing but itself.
    files: ['libs/kernel/src/**/*.ts'],
    ignores: ['libs/kernel/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!\\.{1,2}/)', message: 'libs/kernel imports nothing outside itself.' }] },
      ],
    },
  },
);
