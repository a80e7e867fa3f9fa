import ExcelJS from 'exceljs';

/** A workbook with one sheet of the given rows (cells as given: strings, numbers, dates). */
export async function xlsxOf(rows: unknown[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface ReadBook {
  sheets: string[];
  /** Rows of a sheet by name, cells 0-based, trailing empties dropped; dates as Date. */
  rows: (sheet: string) => unknown[][];
}

export async function readXlsx(buffer: Buffer): Promise<ReadBook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return {
    sheets: workbook.worksheets.map((s) => s.name),
    rows: (name) => {
      const sheet = workbook.getWorksheet(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      const rows: unknown[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => {
        const values = (row.values as unknown[]).slice(1);
        rows.push(Array.from(values, (v) => (v === undefined || v === null ? '' : v)));
      });
      return rows;
    },
  };
}

/** supertest: collect a binary body into a Buffer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function binary(res: any, callback: (error: Error | null, body: any) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
  res.on('error', (error: Error) => callback(error, Buffer.alloc(0)));
}
