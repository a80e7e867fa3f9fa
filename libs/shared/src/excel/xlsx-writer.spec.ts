import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { XlsxStreamWriter } from './xlsx-writer.js';

async function collect(writer: XlsxStreamWriter): Promise<Buffer> {
  const chunks: Buffer[] = [];
  writer.output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await new Promise((resolve) => writer.output.on('end', resolve));
  return Buffer.concat(chunks);
}

describe('XlsxStreamWriter', () => {
  it('continues on a new sheet, header repeated, when a sheet is full', async () => {
    const writer = new XlsxStreamWriter({
      sheetName: '零售户',
      columns: [{ header: '许可证号' }, { header: '档位' }],
      maxRowsPerSheet: 2,
    });
    const done = collect(writer);
    for (let i = 1; i <= 5; i++) writer.addRow([`36000000000${i}`, i]);
    await writer.finish();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await done) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['零售户', '零售户 (2)', '零售户 (3)']);
    const values = book.worksheets.map((s) =>
      s
        .getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1)),
    );
    expect(values).toEqual([
      [
        ['许可证号', '档位'],
        ['360000000001', 1],
        ['360000000002', 2],
      ],
      [
        ['许可证号', '档位'],
        ['360000000003', 3],
        ['360000000004', 4],
      ],
      [
        ['许可证号', '档位'],
        ['360000000005', 5],
      ],
    ]);
    expect(writer.rows).toBe(5);
  });

  it('stops when the reader goes away', async () => {
    const writer = new XlsxStreamWriter({ sheetName: 's', columns: [{ header: 'a' }] });
    writer.output.destroy();
    expect(await writer.drain()).toBe(false);
    expect(writer.closed).toBe(true);
  });
});
