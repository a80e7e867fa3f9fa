// Draws the lib graph (one node per lib under libs/) as a Mermaid flowchart between the README's markers.
// `node scripts/lib-graph.mjs --check` fails when the README's graph is not the code's (CI).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const BEGIN = '<!-- lib-graph:begin -->';
const END = '<!-- lib-graph:end -->';
const README = 'README.md';

const mermaid = execFileSync(
  'npx',
  [
    'depcruise',
    'libs',
    '--config',
    '.dependency-cruiser.cjs',
    '--include-only',
    '^libs/',
    '--exclude',
    '\\.spec\\.ts$',
    '--collapse',
    '^libs/[^/]+',
    '--output-type',
    'mermaid',
  ],
  { encoding: 'utf8' },
).trim();

const readme = readFileSync(README, 'utf8');
const start = readme.indexOf(BEGIN);
const end = readme.indexOf(END);
if (start < 0 || end < start) throw new Error(`${README} has no ${BEGIN} … ${END} block`);
// Blank lines around the fence, as prettier writes Markdown.
const next = `${readme.slice(0, start + BEGIN.length)}\n\n\`\`\`mermaid\n${mermaid}\n\`\`\`\n\n${readme.slice(end)}`;

if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error(`${README}: the lib graph is out of date; run npm run graph:libs`);
    process.exit(1);
  }
} else {
  writeFileSync(README, next);
}
