import { cellText } from './cell.js';
import type { ImportColumn, RowError } from './table-import.js';
import type { SheetRow } from './xlsx-reader.js';
import { workbookBuffer, XlsxStreamWriter } from './xlsx-writer.js';

/** Errors listed in a JSON answer; the .xlsx report always has all of them. */
export const MAX_JSON_ROW_ERRORS = 1_000;

/**
 * An import template: the header row (required columns in red, each header noting what goes in it) with one
 * example row, and a sheet 说明 explaining every column followed by the import's own rules.
 */
export function importTemplate(
  sheetName: string,
  columns: readonly ImportColumn[],
  rules: ReadonlyArray<readonly [topic: string, explanation: string]>,
  noteWidth = 80,
): Promise<Buffer> {
  return workbookBuffer([
    {
      name: sheetName,
      columns: columns.map((c) => ({ header: c.header, width: c.width })),
      headerColors: columns.map((c) => (c.required ? 'FFC00000' : undefined)),
      headerNotes: columns.map((c) => `${c.required ? '必填。' : '选填。'}${c.note}`),
      rows: [columns.map((c) => c.example)],
    },
    {
      name: '说明',
      columns: [
        { header: '列', width: 20 },
        { header: '必填', width: 6 },
        { header: '说明', width: noteWidth },
      ],
      rows: [
        ...columns.map((c) => [c.header, c.required ? '是' : '否', c.note]),
        [],
        ...rules.map(([topic, explanation]) => [topic, '', explanation]),
        ['示例行', '', '第2行是示例，导入前请删除或改为真实数据。'],
      ],
    },
  ]);
}

/** The `details` of IMPORT_ROWS_INVALID: every problem as row, column, value, reason. */
export function importErrorDetails(errors: readonly RowError[], rowCount: number) {
  return {
    rowCount,
    invalidRows: new Set(errors.map((e) => e.row)).size,
    errorCount: errors.length,
    errors: errors.slice(0, MAX_JSON_ROW_ERRORS),
    truncated: errors.length > MAX_JSON_ROW_ERRORS,
  };
}

/**
 * The refused file back, as people fix it: sheet 导入结果 is every uploaded row with a first column
 * 错误说明 (rows with problems in red), sheet 错误明细 lists each problem. Streamed.
 */
export function importErrorWorkbook(
  header: readonly string[],
  rows: readonly SheetRow[],
  errors: readonly RowError[],
) {
  const byRow = new Map<number, RowError[]>();
  for (const error of errors) byRow.set(error.row, [...(byRow.get(error.row) ?? []), error]);
  const writer = new XlsxStreamWriter({
    sheetName: '导入结果',
    columns: [{ header: '错误说明', width: 48 }, ...header.map((h) => ({ header: h, width: 14 }))],
    styled: true,
  });
  void (async () => {
    const red = { color: 'FFC00000' };
    for (const [i, row] of rows.entries()) {
      const problems = byRow.get(row.rowNumber);
      const explanation = problems?.map((p) => `${p.column}：${p.reason}`).join('；') ?? '';
      writer.addRow(
        [explanation, ...row.cells.map((c) => (c instanceof Date ? cellText(c) : c))],
        problems ? red : undefined,
      );
      if (i % 1000 === 999 && !(await writer.drain())) return;
    }
    writer.nextSheet('错误明细', [
      { header: '行号', width: 8 },
      { header: '列', width: 16 },
      { header: '值', width: 24 },
      { header: '原因', width: 40 },
    ]);
    for (const [i, e] of errors.entries()) {
      writer.addRow([e.row, e.column, e.value, e.reason]);
      if (i % 1000 === 999 && !(await writer.drain())) return;
    }
    await writer.finish();
  })().catch((error: Error) => writer.abort(error));
  return writer;
}
