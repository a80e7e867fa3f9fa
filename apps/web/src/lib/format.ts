import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** Business time is China Standard Time (UTC+8, no daylight saving), whatever zone the phone is set to. */
function business(value: string | Date) {
  const instant = dayjs(value);
  return instant.add(SHANGHAI_OFFSET_MINUTES + instant.utcOffset() * -1, 'minute');
}

/** 12345 fen → "123.45 元"; yuan with two decimals, never floating-point rounding on the way. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const whole = Math.floor(abs / 100).toLocaleString('zh-CN');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')} 元`;
}

/** Cartons: "12 条". */
export function cartons(count: number): string {
  return `${count.toLocaleString('zh-CN')} 条`;
}

/** A business date ("2026-12-07" or an instant) as 2026年12月7日. */
export function chineseDate(value: string | Date): string {
  const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : business(value);
  return `${day.year()}年${day.month() + 1}月${day.date()}日`;
}

/** A month ("2026-01") as 2026年1月. */
export function chineseMonth(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** 周一 … 周日. */
export function weekday(value: string | Date): string {
  const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : business(value);
  return WEEKDAYS[day.day()];
}

/** 2026年12月7日 周一. */
export function dateWithWeekday(value: string | Date): string {
  return `${chineseDate(value)} ${weekday(value)}`;
}

/** An instant in business time: 12月7日 16:00. */
export function dayAndTime(value: string | Date): string {
  const time = business(value);
  return `${time.month() + 1}月${time.date()}日 ${time.format('HH:mm')}`;
}

/** "2 天 3 小时" / "3 小时 5 分" / "5 分钟" until `target`; "已截止" once passed. */
export function countdown(target: string | Date, now: Date): string {
  const minutes = Math.floor((new Date(target).getTime() - now.getTime()) / 60_000);
  if (minutes <= 0) return '已截止';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} 天 ${hours} 小时`;
  if (hours > 0) return `${hours} 小时 ${minutes % 60} 分`;
  return `${minutes} 分钟`;
}

/** A ratio 0..1 as a percentage with one decimal: "62.5%". */
export function percent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(1)}%`;
}

/** Today's business month, YYYY-MM. */
export function businessMonth(now: Date): string {
  return business(now).format('YYYY-MM');
}

/** Today's business date, YYYY-MM-DD. */
export function businessDate(now: Date): string {
  return business(now).format('YYYY-MM-DD');
}

/** The time of day of an instant in business time: 09:30. */
export function timeOfDay(value: string | Date): string {
  return business(value).format('HH:mm');
}
