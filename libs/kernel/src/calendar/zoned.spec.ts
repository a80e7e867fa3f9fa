import { describe, expect, it } from '@jest/globals';
import {
  businessDate,
  businessMonth,
  endOfDay,
  endOfMonth,
  isTimeZone,
  startOfDay,
  startOfMonth,
  wallClock,
  zonedDateTimeToInstant,
} from './zoned.js';

const hours = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 3_600_000;

describe('businessDate and businessMonth', () => {
  it.each([
    // 16:00 UTC is already the next day in Shanghai (UTC+8).
    ['2026-03-31T16:00:00Z', 'Asia/Shanghai', '2026-04-01'],
    ['2026-03-31T15:59:59Z', 'Asia/Shanghai', '2026-03-31'],
    ['2026-03-31T16:00:00Z', 'UTC', '2026-03-31'],
    // Berlin, the night clocks spring forward (CET +1 until 01:00 UTC, then CEST +2).
    ['2024-03-30T22:59:59Z', 'Europe/Berlin', '2024-03-30'],
    ['2024-03-30T23:00:00Z', 'Europe/Berlin', '2024-03-31'],
    // New York, the night clocks fall back: 04:00 UTC is midnight EDT.
    ['2024-11-03T03:59:59Z', 'America/New_York', '2024-11-02'],
    ['2024-11-03T04:00:00Z', 'America/New_York', '2024-11-03'],
  ])('%s in %s is %s', (instant, zone, day) => {
    expect(businessDate(new Date(instant), zone)).toBe(day);
  });

  it('names the month across a year end', () => {
    expect(businessMonth(new Date('2026-12-31T16:30:00Z'), 'Asia/Shanghai')).toBe('2027-01');
    expect(businessMonth(new Date('2026-12-31T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-12');
  });

  it.each([
    ['2024-03-31T00:59:59Z', 'Europe/Berlin', { date: '2024-03-31', time: '01:59:59' }],
    ['2024-03-31T01:00:00Z', 'Europe/Berlin', { date: '2024-03-31', time: '03:00:00' }],
    ['2026-11-18T07:00:00Z', 'Asia/Shanghai', { date: '2026-11-18', time: '15:00:00' }],
    ['2026-11-17T16:00:00Z', 'Asia/Shanghai', { date: '2026-11-18', time: '00:00:00' }],
  ])('the clocks show %s in %s as %o', (instant, zone, expected) => {
    expect(wallClock(new Date(instant), zone)).toEqual(expected);
  });
});

describe('zonedDateTimeToInstant', () => {
  it.each<[string, string, string, string]>([
    ['2025-03-04', '16:00', 'Asia/Shanghai', '2025-03-04T08:00:00.000Z'],
    ['2025-01-01', '00:00', 'Asia/Shanghai', '2024-12-31T16:00:00.000Z'],
    // China kept summer time in 1988 (UTC+9): a hard-coded +8 would say 08:00.
    ['1988-06-07', '16:00', 'Asia/Shanghai', '1988-06-07T07:00:00.000Z'],
    ['2025-03-04', '16:00', 'UTC', '2025-03-04T16:00:00.000Z'],
    ['2024-07-01', '16:00', 'Europe/Berlin', '2024-07-01T14:00:00.000Z'],
    // The change hour, clocks jumping 02:00 → 03:00: 01:59 is still winter time, 03:00 summer time,
    // and 02:30 does not exist: it is read with the offset before the jump, i.e. as 03:30 summer time.
    ['2024-03-31', '01:59', 'Europe/Berlin', '2024-03-31T00:59:00.000Z'],
    ['2024-03-31', '02:30', 'Europe/Berlin', '2024-03-31T01:30:00.000Z'],
    ['2024-03-31', '03:00', 'Europe/Berlin', '2024-03-31T01:00:00.000Z'],
    ['2024-03-10', '02:30', 'America/New_York', '2024-03-10T07:30:00.000Z'],
    // Clocks going back 03:00 → 02:00: 02:30 happens twice; the earlier (summer time) is taken.
    ['2024-10-27', '02:30', 'Europe/Berlin', '2024-10-27T00:30:00.000Z'],
    ['2024-11-03', '01:30', 'America/New_York', '2024-11-03T05:30:00.000Z'],
    // Shanghai in 1988: 02:00 → 03:00 on 17 April, 02:00 → 01:00 on 11 September.
    ['1988-04-17', '02:30', 'Asia/Shanghai', '1988-04-16T18:30:00.000Z'],
    ['1988-09-11', '01:30', 'Asia/Shanghai', '1988-09-10T16:30:00.000Z'],
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

describe('start and end of a day and a month', () => {
  it.each([
    // [date, zone, start, end (exclusive), hours long]
    ['2026-11-18', 'Asia/Shanghai', '2026-11-17T16:00:00.000Z', '2026-11-18T16:00:00.000Z', 24],
    ['2024-03-31', 'Europe/Berlin', '2024-03-30T23:00:00.000Z', '2024-03-31T22:00:00.000Z', 23],
    ['2024-10-27', 'Europe/Berlin', '2024-10-26T22:00:00.000Z', '2024-10-27T23:00:00.000Z', 25],
    ['2024-03-10', 'America/New_York', '2024-03-10T05:00:00.000Z', '2024-03-11T04:00:00.000Z', 23],
    ['2024-11-03', 'America/New_York', '2024-11-03T04:00:00.000Z', '2024-11-04T05:00:00.000Z', 25],
    // Santiago springs forward at midnight (00:00 → 01:00): the day starts at 01:00, its first instant.
    ['2024-09-08', 'America/Santiago', '2024-09-08T04:00:00.000Z', '2024-09-09T03:00:00.000Z', 23],
    ['1988-04-17', 'Asia/Shanghai', '1988-04-16T16:00:00.000Z', '1988-04-17T15:00:00.000Z', 23],
  ])('%s in %s runs from %s to %s (%i h)', (date, zone, start, end, length) => {
    expect(startOfDay(date, zone).toISOString()).toBe(start);
    expect(endOfDay(date, zone).toISOString()).toBe(end);
    expect(hours(startOfDay(date, zone), endOfDay(date, zone))).toBe(length);
  });

  it.each([
    ['2026-12', 'Asia/Shanghai', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2024-02', 'Asia/Shanghai', '2024-01-31T16:00:00.000Z', '2024-02-29T16:00:00.000Z'],
    // November starts on summer time (EDT, −4) and ends on winter time (EST, −5) in New York.
    ['2024-11', 'America/New_York', '2024-11-01T04:00:00.000Z', '2024-12-01T05:00:00.000Z'],
    ['2024-03', 'Europe/Berlin', '2024-02-29T23:00:00.000Z', '2024-03-31T22:00:00.000Z'],
  ])('%s in %s runs from %s to %s', (month, zone, start, end) => {
    expect(startOfMonth(month, zone).toISOString()).toBe(start);
    expect(endOfMonth(month, zone).toISOString()).toBe(end);
  });

  it('knows a zone from a typo', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Asia/Shanghia')).toBe(false);
  });
});
