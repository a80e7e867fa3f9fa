import { Select } from 'antd';
import dayjs from 'dayjs';
import { businessMonth, chineseMonth } from '@/lib/format';

/** The `count` months before the business month of `now`, newest first (`withCurrent`: from the month itself). */
export function recentMonths(now: Date, count: number, withCurrent: boolean): string[] {
  const first = dayjs(`${businessMonth(now)}-01`).subtract(withCurrent ? 0 : 1, 'month');
  return Array.from({ length: count }, (_, i) => first.subtract(i, 'month').format('YYYY-MM'));
}

/** The month a desk page shows, picked among `months` (labelled 2026年11月). */
export function MonthSelect(props: { months: string[]; value: string; onChange: (month: string) => void }) {
  return (
    <Select
      aria-label="月份"
      value={props.value}
      style={{ width: 140 }}
      options={props.months.map((m) => ({ value: m, label: chineseMonth(m) }))}
      onChange={props.onChange}
    />
  );
}
