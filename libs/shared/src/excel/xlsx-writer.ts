import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel's row limit per sheet; the header takes one. */
export const EXCEL_MAX_DATA_ROWS = 1_048_575;

export interface SheetColumn {
  header: string;
  width?: number;
}

export interface XlsxStreamOptions {
  sheetName: string;
  columns: readonly SheetColumn[];
  /** Data rows per sheet before the export continues on a new sheet (default: Excel's limit). */
  maxRowsPerSheet?: number;
  /** Bold header and per-row fonts; costs about half the throughput, so only for small reports. */
  styled?: boolean;
}

/** A row's font in a styled workbook (e.g. red for rows with errors). */
export interface RowStyle {
  color?: string;
  bold?: boolean;
}

/** exceljs's per-sheet buffer stream (StreamBuf) and the zip entry stream it pipes into. */
interface SheetBuffer {
  pipes?: Writable[];
}

/**
 * Whether a stream asked its writers to wait. The sheet's buffer is piped into archiver's PassThrough from
 * readable-stream 2, which predates `writableNeedDrain`: its state says it instead.
 */
function needsDrain(stream: Writable): boolean {
  return (
    stream.writableNeedDrain ??
    (stream as unknown as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain ??
    false
  );
}

/** The stream a sheet of exceljs's streaming writer writes into, when it asked its writers to wait. */
function blockedSheet(sheet: ExcelJS.Worksheet): Writable | undefined {
  const buffer = (sheet as unknown as { _stream?: SheetBuffer })._stream;
  return buffer?.pipes?.find(needsDrain);
}

/**
 * For any streamed workbook (`ExcelJS.stream.xlsx.WorkbookWriter`): resolves once the zip has taken what the
 * sheet's committed rows wrote, so they never pile up in memory. Call every few hundred rows.
 */
export async function sheetDrained(sheet: ExcelJS.Worksheet): Promise<void> {
  for (let blocked = blockedSheet(sheet); blocked; blocked = blockedSheet(sheet)) {
    await new Promise((resolve) => blocked!.once('drain', resolve));
  }
}

/** Resolves on the stream's `drain`, or when the output closes (the reader went away), without leaking listeners. */
function drained(stream: NodeJS.EventEmitter, output: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      output.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    output.on('close', done);
  });
}

/**
 * A streamed .xlsx for large exports: exceljs's streaming writer, each row committed as it is added, and
 * `drain()` to wait while the pipeline (the zip entry, the HTTP client) is behind, so memory stays flat
 * however many rows.
 * Unstyled cells (styles halve exceljs's throughput); the header row is frozen and filterable. Past Excel's
 * row limit the rows continue on "<name> (2)", "<name> (3)", ….
 */
export class XlsxStreamWriter {
  readonly output = new PassThrough();
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly maxRows: number;
  private sheet: ExcelJS.Worksheet;
  private sheetCount = 0;
  private sheetRows = 0;
  private rowCount = 0;

  private sheetOptions: XlsxStreamOptions;

  constructor(options: XlsxStreamOptions) {
    this.sheetOptions = options;
    this.maxRows = options.maxRowsPerSheet ?? EXCEL_MAX_DATA_ROWS;
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: this.output,
      useStyles: options.styled ?? false,
      useSharedStrings: false,
    });
    this.sheet = this.openSheet();
  }

  /** The reader went away (client disconnected): stop producing. */
  get closed(): boolean {
    return this.output.destroyed || this.output.writableEnded;
  }

  get rows(): number {
    return this.rowCount;
  }

  addRow(values: readonly unknown[], style?: RowStyle): void {
    if (this.sheetRows >= this.maxRows) {
      this.sheet.commit();
      this.sheet = this.openSheet();
    }
    const row = this.sheet.addRow(values as unknown[]);
    if (style) row.font = { bold: style.bold, color: style.color ? { argb: style.color } : undefined };
    row.commit();
    this.sheetRows++;
    this.rowCount++;
  }

  /** Ends the current sheet and continues on a new one with its own name and columns. */
  nextSheet(sheetName: string, columns: readonly SheetColumn[]): void {
    this.sheet.commit();
    this.sheetOptions = { ...this.sheetOptions, sheetName, columns };
    this.sheetCount = 0;
    this.sheet = this.openSheet();
  }

  /**
   * Resolves once the pipeline has caught up; false when the reader is gone. Call after each batch of rows.
   *
   * Committed rows go into the sheet's own buffer stream, which exceljs pipes into the zip entry's stream
   * without looking at `write()`'s answer: waiting on the output alone does not stop rows from piling up
   * there while compression is behind. So this waits for `drain` on the stream the sheet writes into as well
   * as on the output, and memory stays flat however many rows (see the README's export figures).
   */
  async drain(): Promise<boolean> {
    for (;;) {
      if (this.closed) return false;
      const blocked = this.blockedStream();
      if (blocked === undefined) return true;
      await drained(blocked, this.output);
    }
  }

  async finish(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }

  /** Ends the response abruptly (the client sees a broken download, never a truncated file taken for whole). */
  abort(error: Error): void {
    this.output.destroy(error);
  }

  /** What the writer waits for: the output when the reader is behind, the sheet's zip entry when compression is. */
  private blockedStream(): NodeJS.EventEmitter | undefined {
    if (this.output.writableNeedDrain) return this.output;
    return blockedSheet(this.sheet);
  }

  private openSheet(): ExcelJS.Worksheet {
    this.sheetCount++;
    const { sheetName, columns, styled } = this.sheetOptions;
    const name = this.sheetCount === 1 ? sheetName : `${sheetName} (${this.sheetCount})`;
    const sheet = this.workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    if (styled) sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    this.sheetRows = 0;
    return sheet;
  }
}

/**
 * Lets a streamed export fill `writer` in the background: once `filling` (its batches, each awaiting
 * `drain()`) resolves, the file is finished unless the reader already went away; if it rejects, the failure
 * is logged with the rows written so far and the download is broken off (never a truncated file taken for whole).
 */
export function finishInBackground(
  writer: XlsxStreamWriter,
  filling: Promise<unknown>,
  logger: { error(message: string): void },
  what: string,
): void {
  void filling
    .then(() => (writer.closed ? undefined : writer.finish()))
    .catch((error: Error) => {
      logger.error(`${what} failed after ${writer.rows} rows: ${error.message}`);
      writer.abort(error);
    });
}

export interface SheetSpec {
  name: string;
  columns: readonly SheetColumn[];
  rows: ReadonlyArray<readonly unknown[]>;
  /** Per-column font colour of the header (ARGB), e.g. to mark required columns. */
  headerColors?: ReadonlyArray<string | undefined>;
  /** Column indexes (0-based) whose cells are shown in red, e.g. an error column. */
  alertColumns?: readonly number[];
  /** Cell comments on the header, by column index: what to type there. */
  headerNotes?: ReadonlyArray<string | undefined>;
}

/** A small styled workbook in memory (templates, error reports): bold frozen header, notes, widths. */
export async function workbookBuffer(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    spec.columns.forEach((_, i) => {
      const cell = header.getCell(i + 1);
      const color = spec.headerColors?.[i];
      if (color) cell.font = { bold: true, color: { argb: color } };
      const note = spec.headerNotes?.[i];
      if (note) cell.note = note;
    });
    for (const row of spec.rows) sheet.addRow(row as unknown[]);
    for (const column of spec.alertColumns ?? []) {
      sheet.getColumn(column + 1).eachCell((cell, rowNumber) => {
        if (rowNumber > 1) cell.font = { color: { argb: 'FFC00000' } };
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
