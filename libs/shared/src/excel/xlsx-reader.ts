import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
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

/** Yields text decoded across chunk boundaries (a character's bytes may arrive in two chunks). */
async function* utf8Text(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

type ReaderInternals = {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
};

/**
 * exceljs 4.4's streaming reader decodes each inflated chunk of XML on its own, so a Chinese character
 * whose three UTF-8 bytes straddle two chunks becomes "��" (exceljs issues #2063, #2084; in our 30,000-row
 * benchmark, 16 cells). The shared strings and the sheets are decoded here instead, across chunks.
 * These are internals of exceljs: `utf8-safe reading` in the spec fails loudly if an upgrade moves them.
 */
class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  _parseSharedStrings(entry: NodeJS.ReadableStream) {
    entry.setEncoding('utf8');
    return (
      ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals
    )._parseSharedStrings.call(this, entry);
  }

  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
    return (ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals)._parseWorksheet.call(
      this,
      utf8Text(iterator),
      sheetNo,
    );
  }
}

/** Thrown as a bug (500), not as a bad file, if an exceljs upgrade removed what the fix above relies on. */
function assertReaderInternals(): void {
  const internals = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Partial<ReaderInternals>;
  if (
    typeof internals._parseSharedStrings !== 'function' ||
    typeof internals._parseWorksheet !== 'function'
  ) {
    throw new Error('exceljs WorkbookReader internals changed: revisit Utf8WorkbookReader in xlsx-reader.ts');
  }
}

/**
 * Reads the first worksheet of an .xlsx workbook with exceljs's streaming reader (about twice as fast as
 * loading the whole workbook, and a quarter of the memory): row 1 is the header, blank rows are skipped.
 */
export async function readFirstSheet(buffer: Buffer, options: ReadSheetOptions): Promise<ReadSheet> {
  assertReaderInternals();
  const reader = new Utf8WorkbookReader(Readable.from([buffer]), {
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
