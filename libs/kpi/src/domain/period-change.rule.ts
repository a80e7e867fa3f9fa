import { rate } from './rate.rule.js';

/** Year-on-year (同比) or month-on-month (环比) change of a value; which one is the caller's choice of `previous`. */
export interface PeriodChange {
  readonly current: number;
  readonly previous: number;
  readonly difference: number;
  /** (current − previous) ÷ previous; `null` when previous is 0 (growth from nothing has no percentage). */
  readonly ratio: number | null;
}

export function periodChange(current: number, previous: number): PeriodChange {
  const difference = current - previous;
  return { current, previous, difference, ratio: rate(difference, previous).ratio };
}
