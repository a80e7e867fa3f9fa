import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { readFirstSheet } from './xlsx-reader.js';

const SHOPS = ['张记便利店', '鑫源烟酒行', '好又多平价超市', '东乡镇李家村小卖部', '红星茶楼（棋牌室）'];
const rows = Array.from({ length: 12_000 }, (_, i) => [
  `${SHOPS[i % SHOPS.length]}${i}`,
  `示范县城关镇人民路${i}号`,
  i,
]);

async function streamed(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = book.addWorksheet('零售户');
  sheet.addRow(['店铺名称', '经营地址', '序号']).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

async function inMemory(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('零售户');
  sheet.addRow(['店铺名称', '经营地址', '序号']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()); // shared strings
}

describe('readFirstSheet (utf8-safe reading)', () => {
  it.each([
    ['inline strings', streamed],
    ['shared strings', inMemory],
  ])('reads every Chinese character intact across chunk boundaries (%s)', async (_, make) => {
    const sheet = await readFirstSheet(await make(), { maxRows: 20_000 });
    expect(sheet.header).toEqual(['店铺名称', '经营地址', '序号']);
    expect(sheet.rows).toHaveLength(rows.length);
    const broken = sheet.rows.filter((r) =>
      r.cells.some((c) => typeof c === 'string' && c.includes('\uFFFD')),
    );
    expect(broken).toEqual([]);
    expect(sheet.rows.map((r) => r.cells)).toEqual(rows);
    expect(sheet.rows[0].rowNumber).toBe(2);
  });

  it('refuses a sheet with more rows than allowed, and what is not a workbook', async () => {
    await expect(readFirstSheet(await streamed(), { maxRows: 100 })).rejects.toMatchObject({
      code: 'IMPORT_TOO_MANY_ROWS',
    });
    await expect(
      readFirstSheet(Buffer.from('PK\u0003\u0004 not really a zip'), { maxRows: 10 }),
    ).rejects.toMatchObject({
      code: 'IMPORT_FILE_NOT_XLSX',
    });
  });
});
