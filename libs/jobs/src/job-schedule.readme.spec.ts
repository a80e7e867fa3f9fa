import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { JOB_SCHEDULE } from './domain/index.js';

/**
 * The README's day of jobs is the schedule table as written down: every job once, in the table's order (the
 * order of jobs due at the same minute), each after the jobs the table says it waits for.
 */
describe('the README table of a day’s jobs', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const table = readme.slice(readme.indexOf('A day, in business time'));
  const rows = table
    .slice(table.indexOf('\n|'), table.indexOf('\n\n', table.indexOf('\n|')))
    .split('\n')
    .filter((line) => line.startsWith('|') && !line.startsWith('| when') && !line.startsWith('| ---'))
    .map((line) => line.split('|').map((cell) => cell.trim()));
  const names = (cell: string) => [...cell.matchAll(/`([\w.-]+)`/g)].map((m) => m[1]);

  it('lists every job once, in the table’s order', () => {
    expect(rows.map((cells) => names(cells[2])[0])).toEqual(JOB_SCHEDULE.map((entry) => entry.name));
  });

  it('names for each job the jobs it waits for', () => {
    expect(rows.map((cells) => ({ job: names(cells[2])[0], after: names(cells[4]) }))).toEqual(
      JOB_SCHEDULE.map((entry) => ({ job: entry.name, after: [...entry.after] })),
    );
  });
});
