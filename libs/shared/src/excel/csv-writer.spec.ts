import { describe, expect, it } from '@jest/globals';
import { CsvStreamWriter, csvField } from './csv-writer.js';

describe('csvField', () => {
  it.each<[unknown, string]>([
    ['plain', 'plain'],
    ['零售户', '零售户'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    [12.5, '12.5'],
    [0, '0'],
    [Number.NaN, ''],
    [null, ''],
    [undefined, ''],
    // A spreadsheet would run these as formulas (CSV injection): defused with an apostrophe.
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+86 138', "'+86 138"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['=1,2', `"'=1,2"`],
  ])('%j → %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('CsvStreamWriter', () => {
  it('writes a byte-order mark, the header and CRLF rows, and counts only data rows', async () => {
    const writer = new CsvStreamWriter(['许可证号', '金额（元）']);
    const chunks: Buffer[] = [];
    writer.output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => writer.output.on('end', resolve));
    writer.addRow(['360000000001', 12.5]);
    writer.addRow(['360000000002', 3]);
    expect(await writer.drain()).toBe(true);
    await writer.finish();
    await ended;
    expect(Buffer.concat(chunks).toString('utf8')).toBe(
      '\ufeff许可证号,金额（元）\r\n360000000001,12.5\r\n360000000002,3\r\n',
    );
    expect(writer.rows).toBe(2);
  });

  it('stops when the reader goes away', async () => {
    const writer = new CsvStreamWriter(['a']);
    writer.output.destroy();
    expect(await writer.drain()).toBe(false);
  });
});
