import { type CellValue, dateCell, fail, type ImportColumn, ok, type Parsed, textCell } from '#libs/shared';
import type { CalendarDayKind, CalendarEntry } from '../domain/index.js';
import { MAX_CALENDAR_NAME } from '../dto/calendar.dto.js';

export type CalendarColumnKey = 'date' | 'kind' | 'name';

export const CALENDAR_KIND_LABELS: Record<CalendarDayKind, string> = { dayOff: '休息', workingDay: '上班' };

const KIND_WORDS = new Map<string, CalendarDayKind>([
  ['休息', 'dayOff'],
  ['休息日', 'dayOff'],
  ['放假', 'dayOff'],
  ['上班', 'workingDay'],
  ['调休上班', 'workingDay'],
  ['补班', 'workingDay'],
]);

function kindCell(value: Exclude<CellValue, null>): Parsed<CalendarDayKind> {
  const kind = KIND_WORDS.get(String(value).trim());
  return kind ? ok(kind) : fail('应为“休息”或“上班”');
}

export const CALENDAR_COLUMNS: ImportColumn<CalendarColumnKey>[] = [
  {
    key: 'date',
    header: '日期',
    required: true,
    parse: dateCell,
    note: '所选年份内的日期，如 2026-10-01；每个日期只写一次',
    example: '2026-10-01',
    width: 14,
  },
  {
    key: 'kind',
    header: '类型',
    required: true,
    parse: kindCell,
    note: '休息：放假（含工作日放假）；上班：调休上班的周六或周日',
    example: '休息',
    width: 10,
  },
  {
    key: 'name',
    header: '名称',
    aliases: ['节日', '说明'],
    required: false,
    parse: textCell(MAX_CALENDAR_NAME),
    note: `节日或调休的名称，如 国庆节、国庆调休；最多${MAX_CALENDAR_NAME}字`,
    example: '国庆节',
    width: 20,
  },
];

export function calendarRow(entry: CalendarEntry): unknown[] {
  return [entry.date, CALENDAR_KIND_LABELS[entry.kind], entry.name];
}
