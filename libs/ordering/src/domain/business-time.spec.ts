import { describe, expect, it } from '@jest/globals';
import { addDays, isoWeekday, weekStartOf, zonedDateTimeToInstant } from './business-time.js';

describe('zonedDateTimeToInstant', () => {
  it.each<[string, string, string, string]>([
    ['2025-03-04', '16:00', 'Asia/Shanghai', '2025-03-04T08:00:00.000Z'],
    ['2025-01-01', '00:00', 'Asia/Shanghai', '2024-12-31T16:00:00.000Z'],
    // China kept summer time in 1988 (UTC+9): a hard-coded +8 would say 08:00.
    ['1988-06-07', '16:00', 'Asia/Shanghai', '1988-06-07T07:00:00.000Z'],
    ['2025-03-04', '16:00', 'UTC', '2025-03-04T16:00:00.000Z'],
    ['2024-07-01', '16:00', 'Europe/Berlin', '2024-07-01T14:00:00.000Z'],
    // Clocks jump 02:00 → 03:00: 02:30 does not exist and is read as 03:30 summer time.
    ['2024-03-31', '02:30', 'Europe/Berlin', '2024-03-31T01:30:00.000Z'],
    ['2024-03-10', '02:30', 'America/New_York', '2024-03-10T07:30:00.000Z'],
    // Clocks go back 03:00 → 02:00: 02:30 happens twice; the earlier (summer time) is taken.
    ['2024-10-27', '02:30', 'Europe/Berlin', '2024-10-27T00:30:00.000Z'],
    ['2024-11-03', '01:30', 'America/New_York', '2024-11-03T05:30:00.000Z'],
  ])('%s %s in %s is %s', (date, time, timeZone, instant) => {
    expect(zonedDateTimeToInstant(date, time, timeZone).toISOString()).toBe(instant);
  });

  it.each<[string, string, string]>([
    ['2025-02-30', '16:00', 'Asia/Shanghai'],
    ['2025-2-3', '16:00', 'Asia/Shanghai'],
    ['2025-03-04', '24:00', 'Asia/Shanghai'],
    ['2025-03-04', '9:00', 'Asia/Shanghai'],
    ['2025-03-04', '12:60', 'Asia/Shanghai'],
    ['2025-03-04', '16:00', 'Mars/Olympus'],
  ])('throws on %s %s in %s', (date, time, timeZone) => {
    expect(() => zonedDateTimeToInstant(date, time, timeZone)).toThrow(RangeError);
  });
});

describe('calendar helpers', () => {
  it.each([
    ['2025-03-01', 6],
    ['2025-03-02', 7],
    ['2025-03-03', 1],
    ['2024-02-29', 4],
  ])('%s is ISO weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it.each([
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-03-30', 7, '2025-04-06'],
  ])('%s + %i days is %s', (date, days, result) => {
    expect(addDays(date, days)).toBe(result);
  });
});

describe('weekStartOf', () => {
  it.each([
    ['2026-12-14', '2026-12-14'], // a Monday is its own week start
    ['2026-12-17', '2026-12-14'],
    ['2026-12-20', '2026-12-14'], // Sunday closes the ISO week
    ['2027-01-01', '2026-12-28'], // across the year boundary
  ])('%s → %s', (date, monday) => {
    expect(weekStartOf(date)).toBe(monday);
  });
});
