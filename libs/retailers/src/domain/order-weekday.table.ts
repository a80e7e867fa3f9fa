/**
 * Order days 订货日 as ISO weekdays (1 = Monday … 7 = Sunday) and how people write them in Excel.
 */
export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

const ALIASES: ReadonlyArray<readonly string[]> = [
  ['星期一', '礼拜一', '1'],
  ['星期二', '礼拜二', '2'],
  ['星期三', '礼拜三', '3'],
  ['星期四', '礼拜四', '4'],
  ['星期五', '礼拜五', '5'],
  ['星期六', '礼拜六', '6'],
  ['星期日', '星期天', '周天', '礼拜天', '礼拜日', '7'],
];

const BY_TEXT = new Map<string, number>(
  WEEKDAY_LABELS.flatMap((label, i) => [label, ...ALIASES[i]].map((text) => [text, i + 1] as const)),
);

export function weekdayLabel(weekday: number): string {
  const label = WEEKDAY_LABELS[weekday - 1];
  if (label === undefined) throw new RangeError(`a weekday is 1–7 (got ${weekday})`);
  return label;
}

/** 周一 / 星期一 / 1 → 1; undefined when the text names no weekday. */
export function parseWeekday(text: string): number | undefined {
  return BY_TEXT.get(text.trim());
}
