import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { XlsxStreamWriter } from './xlsx-writer.js';

const COLUMNS = Array.from({ length: 12 }, (_, i) => ({ header: `列${i + 1}` }));
const row = (i: number) => [
  `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
  '城关客户服务部',
  `零售户${i}`,
  i,
  i * 2.5,
  ...Array(7).fill('x'.repeat(12)),
];

describe('XlsxStreamWriter backpressure', () => {
  it('holds the writer while nobody reads, and lets it go once the reader catches up', async () => {
    const writer = new XlsxStreamWriter({ sheetName: '订单明细', columns: COLUMNS });
    // Far more than the stream buffers hold: the pipeline must report itself full.
    for (let i = 0; i < 20_000; i++) writer.addRow(row(i));
    let drained = false;
    const waiting = writer.drain().then((open) => {
      drained = open;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(drained).toBe(false);
    const chunks: Buffer[] = [];
    writer.output.on('data', (chunk: Buffer) => chunks.push(chunk));
    await waiting;
    expect(drained).toBe(true);
    const ended = new Promise((resolve) => writer.output.on('end', resolve));
    await writer.finish();
    await ended;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    expect(book.worksheets[0].rowCount).toBe(20_001);
    expect(book.worksheets[0].getRow(20_001).getCell(4).value).toBe(19_999);
  });

  it('waits on the sheet when compression is behind even though the output is being read', async () => {
    const writer = new XlsxStreamWriter({ sheetName: '订单明细', columns: COLUMNS });
    writer.output.resume(); // a reader that takes everything at once
    let waits = 0;
    for (let batch = 0; batch < 20; batch++) {
      for (let i = 0; i < 5_000; i++) writer.addRow(row(batch * 5_000 + i));
      const before = Date.now();
      expect(await writer.drain()).toBe(true);
      if (Date.now() > before) waits++;
    }
    // Committed rows are not left piling up in the sheet's buffer: the writer did wait for the zip.
    expect(waits).toBeGreaterThan(0);
    await writer.finish();
  });
});
