import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type CellValue, normalizeCell } from './cell.js';
import { excelError } from './excel.errors.js';

export interface SheetRow {
  /** The row number people see in Excel (the header is row 1). */
  rowNumber: number;
  /** Cells by column, 0-based. */
  cells: CellValue[];
}

export interface ReadSheet {
  header: string[];
  rows: SheetRow[];
}

export interface ReadSheetOptions {
  /** Refuse the file when it has more data rows than this. */
  maxRows: number;
}

/**
 * Reads the first worksheet of an .xlsx workbook with exceljs's streaming reader (about twice as fast as
 * loading the whole workbook, and a quarter of the memory): row 1 is the header, blank rows are skipped.
 */
export async function readFirstSheet(buffer: Buffer, options: ReadSheetOptions): Promise<ReadSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let header: string[] | null = null;
  const rows: SheetRow[] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        // exceljs row values are 1-based: index 0 is always empty.
        const cells = values.slice(1).map(normalizeCell);
        if (header === null) {
          if (row.number !== 1) break;
          header = cells.map((cell) => (cell === null ? '' : String(cell).trim()));
          continue;
        }
        if (cells.every((cell) => cell === null)) continue;
        if (rows.length >= options.maxRows) {
          throw excelError('IMPORT_TOO_MANY_ROWS', { maxRows: options.maxRows });
        }
        rows.push({ rowNumber: row.number, cells });
      }
      break; // the first sheet only
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'IMPORT_TOO_MANY_ROWS') throw error;
    throw excelError('IMPORT_FILE_NOT_XLSX', { reason: (error as Error).message?.slice(0, 200) });
  }
  if (header === null || header.every((h) => h === '') || rows.length === 0) {
    throw excelError('IMPORT_FILE_EMPTY');
  }
  return { header, rows };
}
