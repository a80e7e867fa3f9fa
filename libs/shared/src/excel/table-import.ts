import { addDays, isDate } from '#libs/kernel';
import { type CellValue, cellText } from './cell.js';
import { excelError } from './excel.errors.js';
import type { SheetRow } from './xlsx-reader.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/** One column of an import template: its Chinese header, whether it is required, how a cell is read. */
export interface ImportColumn<K extends string = string> {
  key: K;
  header: string;
  /** Other headers accepted for this column (older templates, common spellings). */
  aliases?: readonly string[];
  /** The header must be present and every row must fill the cell. */
  required: boolean;
  /** Reads a non-empty cell; the value (or null for an empty optional cell) goes into the record. */
  parse: (value: Exclude<CellValue, null>) => Parsed<unknown>;
  /** What the template says about the column, and an example value for its sample row. */
  note: string;
  example: string | number;
  width?: number;
}

/** A problem in one cell, as the import report lists it. */
export interface RowError {
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ParsedRow<K extends string> {
  row: number;
  values: Record<K, unknown>;
  /** The cells as read, by column key, for the error report. */
  raw: Record<K, CellValue>;
}

export interface HeaderMap<K extends string> {
  /** Column index (0-based) of each template column present in the file. */
  index: Map<K, number>;
}

/**
 * Matches the file's header row to the template: required columns must be present, each column at most
 * once; headers the caller lists as ignorable (e.g. the extra columns of an export) are skipped, any other
 * header is refused, so a misspelt optional column is not silently dropped.
 */
export function mapHeaders<K extends string>(
  header: string[],
  columns: readonly ImportColumn<K>[],
  ignorable: readonly string[] = [],
): HeaderMap<K> {
  const byHeader = new Map<string, ImportColumn<K>>();
  for (const column of columns) {
    for (const text of [column.header, ...(column.aliases ?? [])])
      byHeader.set(normalizeHeader(text), column);
  }
  const ignored = new Set(ignorable.map(normalizeHeader));
  const index = new Map<K, number>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  header.forEach((text, i) => {
    const normalized = normalizeHeader(text);
    if (normalized === '' || ignored.has(normalized)) return;
    const column = byHeader.get(normalized);
    if (!column) return void unknown.push(text);
    if (index.has(column.key)) return void duplicate.push(text);
    index.set(column.key, i);
  });
  const missing = columns.filter((c) => c.required && !index.has(c.key)).map((c) => c.header);
  if (missing.length || unknown.length || duplicate.length) {
    throw excelError('IMPORT_HEADERS_INVALID', {
      missing,
      unknown,
      duplicate,
      expected: columns.map((c) => c.header),
    });
  }
  return { index };
}

/** Header cells compare without spaces and a trailing required-marker (专卖许可证号* = 专卖许可证号). */
function normalizeHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/[*＊]$/, '');
}

/** Reads every row through the columns, collecting every problem (never stopping at the first). */
export function parseRows<K extends string>(
  rows: readonly SheetRow[],
  columns: readonly ImportColumn<K>[],
  headers: HeaderMap<K>,
): { records: ParsedRow<K>[]; errors: RowError[] } {
  const records: ParsedRow<K>[] = [];
  const errors: RowError[] = [];
  for (const { rowNumber, cells } of rows) {
    const values = {} as Record<K, unknown>;
    const raw = {} as Record<K, CellValue>;
    for (const column of columns) {
      const at = headers.index.get(column.key);
      const cell = at === undefined ? null : (cells[at] ?? null);
      raw[column.key] = cell;
      if (cell === null) {
        values[column.key] = null;
        if (column.required) {
          errors.push({ row: rowNumber, column: column.header, value: '', reason: '必填' });
        }
        continue;
      }
      const parsed = column.parse(cell);
      if (parsed.ok) values[column.key] = parsed.value;
      else {
        values[column.key] = null;
        errors.push({ row: rowNumber, column: column.header, value: cellText(cell), reason: parsed.reason });
      }
    }
    records.push({ row: rowNumber, values, raw });
  }
  return { records, errors };
}

/** Errors in row order, then column order of the template: how people read a report. */
export function sortRowErrors(errors: RowError[], columns: readonly ImportColumn[]): RowError[] {
  const order = new Map(columns.map((c, i) => [c.header, i]));
  return [...errors].sort(
    (a, b) => a.row - b.row || (order.get(a.column) ?? 99) - (order.get(b.column) ?? 99),
  );
}

// ---- cell readers shared by every template ----

/** Text, trimmed, of at most `max` characters; numbers are accepted as their digits. */
export function textCell(max: number) {
  return (value: Exclude<CellValue, null>): Parsed<string> => {
    if (value instanceof Date || typeof value === 'boolean') return fail('应为文本');
    const text = String(value).trim();
    if ([...text].length > max) return fail(`不能超过${max}个字`);
    return ok(text);
  };
}

/**
 * A code made of digits (licence numbers, phone numbers): text cells as typed; a number cell only when it
 * is a whole number (Excel shows 12-digit numbers in full, but would have dropped leading zeros).
 */
export function digitsText(value: Exclude<CellValue, null>): Parsed<string> {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0
      ? ok(String(value))
      : fail('应为数字编码，请设为文本格式');
  }
  if (typeof value !== 'string') return fail('应为数字编码');
  return ok(value.trim());
}

export function integerCell(min: number, max: number) {
  return (value: Exclude<CellValue, null>): Parsed<number> => {
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
    if (!Number.isInteger(n)) return fail('应为整数');
    if (n < min || n > max) return fail(`应在${min}到${max}之间`);
    return ok(n);
  };
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗']);

/** 是/否 (also true/false, 1/0, a real boolean cell). */
export function yesNoCell(value: Exclude<CellValue, null>): Parsed<boolean> {
  if (typeof value === 'boolean') return ok(value);
  const text = String(value).trim().toLowerCase();
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return fail('应为“是”或“否”');
}

export const yesNoText = (value: boolean): string => (value ? '是' : '否');

/** Day 0 of Excel's serial dates (serial 60 is the 29 February 1900 Excel believes in; exceljs does too). */
const EXCEL_EPOCH = '1899-12-30';

/**
 * A calendar date: a date cell, an Excel serial number, or text 2026-05-01 / 2026/5/1 / 2026.5.1 /
 * 2026年5月1日. Returns YYYY-MM-DD. Excel dates carry no zone; exceljs gives them as UTC midnight.
 */
export function dateCell(value: Exclude<CellValue, null>): Parsed<string> {
  let text: string | null = null;
  if (value instanceof Date) text = Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  else if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 2_958_466) {
    text = addDays(EXCEL_EPOCH, value);
  } else if (typeof value === 'string') {
    const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value.trim());
    const candidate = match && `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
    if (candidate && isDate(candidate)) text = candidate;
  }
  if (text === null) return fail('应为日期，如 2026-05-01');
  return text < '1900-01-01' || text > '2199-12-31' ? fail('日期超出范围') : ok(text);
}
