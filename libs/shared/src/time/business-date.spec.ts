import { describe, expect, it } from '@jest/globals';
import { businessDate, businessMonth, previousMonth } from './business-date.js';

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
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
  });
});
