import { describe, expect, it } from '@jest/globals';
import { BACKUP_FORMAT, backupName, isBackupName, manifestProblem } from './backup-manifest.js';
import { backupsToPrune } from './backup-retention.rule.js';
import { tableLoadOrder } from './table-load-order.rule.js';

describe('backup names', () => {
  it('name a backup by its UTC instant, to the second, sortable as text', () => {
    expect(backupName(new Date('2026-12-07T19:30:05.123Z'))).toBe('backup-20261207T193005Z');
    expect(backupName(new Date('2027-01-01T00:00:00Z')) > backupName(new Date('2026-12-31T23:59:59Z'))).toBe(
      true,
    );
  });

  it('recognise only the names this application writes', () => {
    expect(isBackupName('backup-20261207T193005Z')).toBe(true);
    expect(isBackupName('backup-20261207T193005Z.partial')).toBe(false);
    expect(isBackupName('notes.txt')).toBe(false);
  });
});

describe('retention', () => {
  const names = ['backup-20261203T191500Z', 'backup-20261201T191500Z', 'backup-20261202T191500Z'];

  it('deletes the oldest beyond the count kept', () => {
    expect(backupsToPrune(names, 2)).toEqual(['backup-20261201T191500Z']);
    expect(backupsToPrune(names, 1)).toEqual(['backup-20261201T191500Z', 'backup-20261202T191500Z']);
  });

  it('deletes nothing while there are no more than the count kept', () => {
    expect(backupsToPrune(names, 3)).toEqual([]);
    expect(backupsToPrune([], 7)).toEqual([]);
  });

  it('never touches folders it did not write', () => {
    expect(backupsToPrune(['my-copy', 'backup-20261201T191500Z.partial', ...names], 1)).toEqual([
      'backup-20261201T191500Z',
      'backup-20261202T191500Z',
    ]);
  });

  it('refuses to keep none: that would delete the backup just taken', () => {
    expect(() => backupsToPrune(names, 0)).toThrow(RangeError);
    expect(() => backupsToPrune(names, 1.5)).toThrow(RangeError);
  });
});

describe('table load order', () => {
  it('loads referenced tables first', () => {
    expect(
      tableLoadOrder(
        ['order_lines', 'demands', 'retailers', 'org_units'],
        [
          { table: 'order_lines', references: 'demands' },
          { table: 'demands', references: 'retailers' },
          { table: 'retailers', references: 'org_units' },
          { table: 'order_lines', references: 'retailers' },
        ],
      ),
    ).toEqual(['org_units', 'retailers', 'demands', 'order_lines']);
  });

  it('keeps unrelated tables in alphabetical order and ignores self references and unknown tables', () => {
    expect(
      tableLoadOrder(
        ['users', 'org_units', 'brands'],
        [
          { table: 'org_units', references: 'org_units' },
          { table: 'users', references: 'org_units' },
          { table: 'users', references: 'schema_migrations' },
        ],
      ),
    ).toEqual(['brands', 'org_units', 'users']);
  });

  it('reports a cycle between tables with the tables in it', () => {
    expect(() =>
      tableLoadOrder(
        ['a', 'b', 'c'],
        [
          { table: 'a', references: 'b' },
          { table: 'b', references: 'a' },
        ],
      ),
    ).toThrow('foreign keys form a cycle between: a, b');
  });
});

describe('manifest check', () => {
  const manifest = {
    format: BACKUP_FORMAT,
    takenAt: '2026-12-07T19:15:00.000Z',
    migration: 'Init1700000000000',
    serverVersion: '18',
    tables: [{ name: 'brands', columns: ['id', 'code'], rows: 2, file: 'brands.copy.gz', sha256: 'ab' }],
    sequences: [],
  };

  it('accepts a manifest this application wrote', () => {
    expect(manifestProblem(manifest)).toBeNull();
  });

  it('refuses another format, a missing migration and names that could carry SQL', () => {
    expect(manifestProblem({ ...manifest, format: 'other/1' })).toMatch(/format/);
    expect(manifestProblem({ ...manifest, migration: '' })).toMatch(/migration/);
    expect(manifestProblem(null)).toMatch(/not an object/);
    const table = manifest.tables[0];
    expect(
      manifestProblem({ ...manifest, tables: [{ ...table, name: 'brands; DROP TABLE users' }] }),
    ).toMatch(/malformed/);
    expect(manifestProblem({ ...manifest, tables: [{ ...table, columns: ['id"'] }] })).toMatch(/malformed/);
    expect(manifestProblem({ ...manifest, tables: [{ ...table, file: '../../etc/passwd' }] })).toMatch(
      /malformed/,
    );
  });
});
