import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { KPI_CODES, KPI_DEFINITIONS } from './domain/index.js';

/** The README's KPI definitions table is where a definition is written down: every KPI of the code has its row. */
describe('the README KPI definitions table', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const table = readme.slice(readme.indexOf('### KPI definitions'));
  const rows = table.slice(0, table.indexOf('\n\n', table.indexOf('| KPI (code)'))).split('\n');

  it.each(KPI_CODES)('has a row for %s with its Chinese label', (code) => {
    const row = rows.find((line) => line.includes(`\`${code}\``));
    expect(row).toBeDefined();
    expect(row).toContain(KPI_DEFINITIONS[code].label);
  });

  it('has no row for a KPI the code does not know', () => {
    const codes = rows.flatMap((line) => [...line.matchAll(/^\| [^|`]*`(\w+)`/g)].map((m) => m[1]));
    expect(codes.filter((code) => !(KPI_CODES as string[]).includes(code))).toEqual([]);
  });
});
