import { describe, expect, it } from '@jest/globals';
import { BRAND_EXPORT_COLUMNS, BRAND_EXPORT_ONLY_HEADERS, BRAND_IMPORT_COLUMNS } from './brand-columns.js';

const parse = (header: string, value: string | number) =>
  BRAND_IMPORT_COLUMNS.find((c) => c.header === header)!.parse(value);

describe('brand import columns', () => {
  it.each([
    ['16.5', 1650],
    [16.5, 1650],
    ['16.49', 1649],
    [100, 10000],
    ['0.01', 1],
  ])('reads the price %p yuan as %d fen', (cell, fen) => {
    expect(parse('批发价（元/条）', cell)).toEqual({ ok: true, value: fen });
  });

  it.each(['12.345', '-1', '0', 'abc', 16.505])('refuses the price %p', (cell) => {
    expect(parse('批发价（元/条）', cell).ok).toBe(false);
  });

  it('reads codes typed as numbers (barcodes) as their digits, and refuses spaces', () => {
    expect(parse('规格编码', 6901028075862)).toEqual({ ok: true, value: '6901028075862' });
    expect(parse('规格编码', 'A B').ok).toBe(false);
  });

  it('exports the import columns, then the export-only ones (ignored when imported back)', () => {
    expect(BRAND_EXPORT_COLUMNS.map((c) => c.header)).toEqual([
      ...BRAND_IMPORT_COLUMNS.map((c) => c.header),
      ...BRAND_EXPORT_ONLY_HEADERS,
    ]);
  });
});
