import { PassThrough } from 'node:stream';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Lines are gathered into chunks of about this many characters before they are written. */
const CHUNK_CHARS = 64 * 1024;

/**
 * A CSV value: RFC 4180 quoting (a field with a comma, quote or line break is quoted, quotes doubled), and
 * a leading `=`, `+`, `-`, `@`, tab or carriage return defused with an apostrophe so that a spreadsheet
 * never runs a cell as a formula (CSV injection). Numbers are written as they are.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV twin of `XlsxStreamWriter` for exports past what a spreadsheet holds: UTF-8 with a byte-order mark
 * (so Excel reads the Chinese headers right), CRLF line ends, rows written in chunks and `drain()` to wait
 * while the reader is behind.
 */
export class CsvStreamWriter {
  readonly output = new PassThrough();
  private pending: string[] = [];
  private pendingChars = 0;
  private rowCount = 0;

  constructor(headers: readonly string[]) {
    this.output.write('\ufeff');
    this.addLine(headers);
    this.rowCount = 0;
  }

  get closed(): boolean {
    return this.output.destroyed || this.output.writableEnded;
  }

  get rows(): number {
    return this.rowCount;
  }

  addRow(values: readonly unknown[]): void {
    this.addLine(values);
  }

  /** Resolves once the reader has caught up; false when it is gone. Call after each batch of rows. */
  async drain(): Promise<boolean> {
    this.flush();
    while (!this.closed && this.output.writableNeedDrain) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.output.off('drain', done);
          this.output.off('close', done);
          resolve();
        };
        this.output.on('drain', done);
        this.output.on('close', done);
      });
    }
    return !this.closed;
  }

  async finish(): Promise<void> {
    this.flush();
    this.output.end();
  }

  abort(error: Error): void {
    this.output.destroy(error);
  }

  private addLine(values: readonly unknown[]): void {
    const line = values.map(csvField).join(',') + '\r\n';
    this.pending.push(line);
    this.pendingChars += line.length;
    this.rowCount++;
    if (this.pendingChars >= CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    if (!this.pending.length || this.closed) return;
    this.output.write(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }
}
