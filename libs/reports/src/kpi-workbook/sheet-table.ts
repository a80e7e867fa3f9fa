import type ExcelJS from 'exceljs';
import { sheetDrained } from '#libs/shared';

/**
 * How a column's numbers read: percentages, whole cartons or counts, yuan with fen, or plain text. Dates and
 * times are written as business-time text: exceljs writes Date cells in UTC, eight hours off for a reader here.
 */
export type ColumnFormat = 'percent' | 'integer' | 'yuan' | 'text';

export interface TableColumn<R> {
  header: string;
  format: ColumnFormat;
  value: (row: R) => string | number | null;
  /** Whether the row's value misses its target (the cell is highlighted, with a note saying the target). */
  below?: (row: R) => string | false;
}

export interface TableOptions<R> {
  /** Rows shown bold (totals). */
  emphasised?: (row: R) => boolean;
  /** A row standing in for no data (e.g. "月度结束后计算"), shown under the header. */
  emptyText?: string;
  /** What every printed page says at its top (e.g. the department and the month). */
  pageHeader?: string;
}

/** Header and footer text are codes to Excel (`&P` is the page number): a literal ampersand is doubled. */
function headerFooterText(text: string): string {
  return text.replaceAll('&', '&&');
}

/**
 * How a sheet prints: landscape A4, the columns fitted to one page wide (as many pages tall as it takes), the
 * header row repeated on every page, the caller's heading and the sheet's name at the top and the page number
 * at the bottom. Without
 * it a department's month printed as some 260 portrait pages with its columns split across them.
 */
function printLayout(name: string, pageHeader: string | undefined): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9, // A4
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
    headerFooter: {
      oddHeader: `&L${headerFooterText(pageHeader ?? '')}&R${headerFooterText(name)}`,
      oddFooter: '&C第 &P 页，共 &N 页',
    },
  };
}

const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = {
  percent: '0.0%',
  integer: '#,##0',
  yuan: '#,##0.00',
  text: undefined,
};

/**
 * Style objects shared by every cell that uses them: exceljs (and the file) keep one style per distinct
 * object, so a sheet of thousands of cells carries a handful of styles.
 */
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FF1F2937' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
const HEADER_ALIGNMENT: Partial<ExcelJS.Alignment> = {
  vertical: 'middle',
  horizontal: 'center',
  wrapText: true,
};
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9CA3AF' } };
const HEADER_BORDER: Partial<ExcelJS.Borders> = { bottom: THIN };
/** Excel's own "light red fill with dark red text": what a reader knows as "below target". */
export const BELOW_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
export const BELOW_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };
const BOLD: Partial<ExcelJS.Font> = { bold: true };
const BOLD_BELOW: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FF9C0006' } };
const NOTE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF6B7280' } };

/** Display width of a text: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        char,
      )
        ? 2
        : 1;
  return width;
}

function shownText(value: string | number | null, format: ColumnFormat): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (format === 'percent') return `${(value * 100).toFixed(1)}%`;
    if (format === 'yuan')
      return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return value.toLocaleString('en-US');
  }
  return value;
}

/**
 * Writes a table as a sheet of a streamed workbook: the header row bold, frozen and filterable, number formats
 * per column, cells that miss their target highlighted with a note naming the target, and column widths that
 * fit what is in them (CJK counted double, capped so long advice wraps instead of running off). Rows are
 * committed as they are written and the sheet waits for the zip every few hundred rows, so a city's month
 * (tens of thousands of detail rows) never sits in memory as a workbook.
 */
export async function writeTable<R>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: ReadonlyArray<TableColumn<R>>,
  rows: readonly R[],
  options: TableOptions<R> = {},
): Promise<void> {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    ...printLayout(name, options.pageHeader),
  });
  // Widths first: a streamed sheet writes its columns before its first row.
  const widths = columns.map((c) => Math.max(...c.header.split('\n').map(displayWidth)) + 2);
  for (const row of rows) {
    columns.forEach((column, index) => {
      widths[index] = Math.max(widths[index], displayWidth(shownText(column.value(row), column.format)) + 2);
    });
  }
  sheet.columns = columns.map((column, index) => {
    const numFmt = NUMBER_FORMATS[column.format];
    return { width: Math.min(Math.max(widths[index], 6), 60), ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = sheet.addRow(columns.map((c) => c.header));
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = HEADER_ALIGNMENT;
    cell.border = HEADER_BORDER;
  });
  header.commit();
  let written = 0;
  for (const row of rows) {
    const added = sheet.addRow(columns.map((column) => column.value(row)));
    const bold = options.emphasised?.(row) ?? false;
    columns.forEach((column, index) => {
      const below = column.below?.(row);
      if (!below && !bold) return;
      const cell = added.getCell(index + 1);
      if (below) {
        cell.fill = BELOW_FILL;
        cell.font = bold ? BOLD_BELOW : BELOW_FONT;
        cell.note = below;
      } else {
        cell.font = BOLD;
      }
    });
    added.commit();
    if (++written % 500 === 0) await sheetDrained(sheet);
  }
  if (!rows.length && options.emptyText) {
    const note = sheet.addRow([options.emptyText]);
    note.getCell(1).font = NOTE_FONT;
    note.commit();
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.commit();
}
