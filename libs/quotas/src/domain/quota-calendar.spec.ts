import { describe, expect, it } from '@jest/globals';
import { orderDatesInMonth, remainingOrderDates } from './quota-calendar.js';
import { defaultGradePolicy } from './default-grade-policy.js';
import { validateGradePolicy } from './grade-policy.rule.js';

describe('orderDatesInMonth', () => {
  // November 2026 starts on a Sunday: Mondays are 2, 9, 16, 23, 30 (five), Sundays 1, 8, 15, 22, 29.
  it.each([
    ['2026-11', 1, ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']],
    ['2026-11', 7, ['2026-11-01', '2026-11-08', '2026-11-15', '2026-11-22', '2026-11-29']],
    ['2026-11', 3, ['2026-11-04', '2026-11-11', '2026-11-18', '2026-11-25']],
    // February 2027 has 28 days starting on a Monday: exactly four of each weekday.
    ['2027-02', 5, ['2027-02-05', '2027-02-12', '2027-02-19', '2027-02-26']],
    // Leap February 2028 (starts Tuesday): five Tuesdays.
    ['2028-02', 2, ['2028-02-01', '2028-02-08', '2028-02-15', '2028-02-22', '2028-02-29']],
  ])('%s weekday %i → %j', (month, weekday, expected) => {
    expect(orderDatesInMonth(month, weekday)).toEqual(expected);
  });

  it('refuses a weekday outside 1–7 and a malformed month', () => {
    expect(() => orderDatesInMonth('2026-11', 0)).toThrow(RangeError);
    expect(() => orderDatesInMonth('2026-13', 1)).toThrow(RangeError);
  });
});

describe('remainingOrderDates', () => {
  it.each([
    ['2026-11-01', 5],
    ['2026-11-16', 3],
    ['2026-11-17', 2],
    ['2026-11-30', 1],
    ['2026-12-01', 0],
  ])('Mondays of November 2026 from %s: %i', (today, count) => {
    expect(remainingOrderDates('2026-11', 1, today)).toHaveLength(count);
  });
});

describe('defaultGradePolicy', () => {
  it('is a valid policy growing with the grade from 4 to about 380 cartons', () => {
    const rows = defaultGradePolicy();
    expect(validateGradePolicy(rows).ok).toBe(true);
    expect(rows[0].baseMonthlyTotal).toBe(4);
    expect(rows[29].baseMonthlyTotal).toBe(380); // 4 × 1.17^29 = 379.97…
    for (let i = 1; i < rows.length; i++)
      expect(rows[i].baseMonthlyTotal).toBeGreaterThanOrEqual(rows[i - 1].baseMonthlyTotal);
  });
});
