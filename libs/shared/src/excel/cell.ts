/** What a spreadsheet cell holds once formulas, rich text and hyperlinks are reduced to their value. */
export type CellValue = string | number | boolean | Date | null;

/**
 * exceljs hands cells over as primitives, dates, or objects (rich text, hyperlinks, formulas with their
 * cached result, errors). Reduces them to a plain value; blank text is null.
 */
export function normalizeCell(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw.trim() === '' ? null : raw;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'boolean' || raw instanceof Date) return raw;
  if (typeof raw === 'object') {
    const value = raw as {
      richText?: Array<{ text?: string }>;
      text?: unknown;
      result?: unknown;
      formula?: unknown;
      sharedFormula?: unknown;
      error?: unknown;
    };
    if (Array.isArray(value.richText)) return normalizeCell(value.richText.map((r) => r.text ?? '').join(''));
    if ('formula' in value || 'sharedFormula' in value) return normalizeCell(value.result);
    if ('text' in value) return normalizeCell(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(raw);
}

/** How a cell value is shown back to people (error reports): dates as YYYY-MM-DD, blanks as ''. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}
