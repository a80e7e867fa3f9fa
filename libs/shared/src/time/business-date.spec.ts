import { describe, expect, it } from '@jest/globals';
import { addMonths, businessDate, businessMonth } from './business-date.js';

describe('business dates', () => {
  it.each([
    // 16:00 UTC is already the next day in Shanghai (UTC+8).
    ['2026-03-31T16:00:00Z', 'Asia/Shanghai', '2026-04-01'],
    ['2026-03-31T15:59:59Z', 'Asia/Shanghai', '2026-03-31'],
    ['2026-03-31T16:00:00Z', 'UTC', '2026-03-31'],
  ])('%s in %s is %s', (instant, zone, day) => {
    expect(businessDate(new Date(instant), zone)).toBe(day);
  });

  it('names the month and the one before it', () => {
    expect(businessMonth(new Date('2026-12-31T16:30:00Z'), 'Asia/Shanghai')).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-11', -1)).toBe('2026-10');
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', -14, '2025-01'],
    ['2026-05', 0, '2026-05'],
  ])('%s + %i months is %s', (month, count, expected) => {
    expect(addMonths(month, count)).toBe(expected);
  });

  it.each(['2026-13', '2026-00', '26-01', '2026-1', '2026-01-01', ''])('refuses %p', (value) => {
    expect(() => addMonths(value, 1)).toThrow(RangeError);
  });
});
