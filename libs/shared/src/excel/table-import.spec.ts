import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../errors/domain-error.js';
import { normalizeCell } from './cell.js';
import {
  dateCell,
  digitsText,
  type ImportColumn,
  integerCell,
  mapHeaders,
  parseRows,
  textCell,
  yesNoCell,
} from './table-import.js';

const columns: ImportColumn<'code' | 'name' | 'grade' | 'flag'>[] = [
  { key: 'code', header: '编码', required: true, parse: digitsText, note: '', example: '1' },
  {
    key: 'name',
    header: '名称',
    aliases: ['店名'],
    required: true,
    parse: textCell(4),
    note: '',
    example: 'a',
  },
  { key: 'grade', header: '档位', required: false, parse: integerCell(1, 30), note: '', example: 1 },
  { key: 'flag', header: '短信可达', required: false, parse: yesNoCell, note: '', example: '是' },
];

function headerError(header: string[], ignorable: string[] = []): unknown {
  try {
    mapHeaders(header, columns, ignorable);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('mapHeaders', () => {
  it('finds columns in any order, by header or alias, ignoring spaces and a required marker', () => {
    const { index } = mapHeaders(['档位', ' 店 名 ', '编码*', '片区名称'], columns, ['片区名称']);
    expect(Object.fromEntries(index)).toEqual({ grade: 0, name: 1, code: 2 });
  });

  it('lists missing required, unknown and repeated headers together', () => {
    const error = headerError(['编码', '编码', '等级']) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('IMPORT_HEADERS_INVALID');
    expect(error.details).toMatchObject({ missing: ['名称'], unknown: ['等级'], duplicate: ['编码'] });
  });
});

describe('parseRows', () => {
  it('reports every bad cell of every row, with the Excel row number and the header', () => {
    const headers = mapHeaders(['编码', '名称', '档位', '短信可达'], columns);
    const { records, errors } = parseRows(
      [
        { rowNumber: 2, cells: ['001', '张记', 5, '是'] },
        { rowNumber: 3, cells: [null, '名字太长了吧', 31, 'maybe'] },
        { rowNumber: 5, cells: ['002', '李记', null, null] },
      ],
      columns,
      headers,
    );
    expect(records.map((r) => r.values)).toEqual([
      { code: '001', name: '张记', grade: 5, flag: true },
      { code: null, name: null, grade: null, flag: null },
      { code: '002', name: '李记', grade: null, flag: null },
    ]);
    expect(errors).toEqual([
      { row: 3, column: '编码', value: '', reason: '必填' },
      { row: 3, column: '名称', value: '名字太长了吧', reason: '不能超过4个字' },
      { row: 3, column: '档位', value: '31', reason: '应在1到30之间' },
      { row: 3, column: '短信可达', value: 'maybe', reason: '应为“是”或“否”' },
    ]);
  });
});

describe('cell readers', () => {
  it.each([
    [new Date(Date.UTC(2026, 4, 1)), '2026-05-01'],
    ['2026-05-01', '2026-05-01'],
    ['2026/5/1', '2026-05-01'],
    ['2026.05.01', '2026-05-01'],
    ['2026年5月1日', '2026-05-01'],
    [46143, '2026-05-01'], // Excel serial day number
  ])('reads the date %p as %s', (cell, expected) => {
    expect(dateCell(cell)).toEqual({ ok: true, value: expected });
  });

  it.each(['2026-02-30', '01/05/2026', 'tomorrow', true])('refuses %p as a date', (cell) => {
    expect(dateCell(cell).ok).toBe(false);
  });

  it('reads digit codes from text, and from whole-number cells only', () => {
    expect(digitsText(' 012345678901 ')).toEqual({ ok: true, value: '012345678901' });
    expect(digitsText(362501000001)).toEqual({ ok: true, value: '362501000001' });
    expect(digitsText(3.5).ok).toBe(false);
  });

  it('reduces rich text, formulas and hyperlinks to their value', () => {
    expect(normalizeCell({ richText: [{ text: '张' }, { text: '记' }] })).toBe('张记');
    expect(normalizeCell({ formula: 'A1+1', result: 7 })).toBe(7);
    expect(normalizeCell({ text: '官网', hyperlink: 'https://example.com' })).toBe('官网');
    expect(normalizeCell('   ')).toBeNull();
  });
});
