import { describe, expect, it } from '@jest/globals';
import { type ForecastWindow, forecastWindow, monthIsOver } from './forecast-window.rule.js';

describe('forecastWindow', () => {
  it.each<[string, string, ForecastWindow]>([
    ['2026-12', '2026-11-30', 'open'], // the last day before the month
    ['2026-12', '2026-12-01', 'locked'], // the month has started
    ['2026-12', '2026-12-31', 'locked'],
    ['2026-11', '2026-12-05', 'locked'], // a past month
    ['2027-11', '2026-11-30', 'open'], // twelve months ahead
    ['2027-12', '2026-11-30', 'tooFar'],
    ['2062-01', '2026-11-30', 'tooFar'],
  ])('%s seen on %s is %s', (month, today, expected) => {
    expect(forecastWindow(month, today)).toBe(expected);
  });
});

describe('monthIsOver', () => {
  it.each([
    ['2026-11', '2026-11-30', false],
    ['2026-11', '2026-12-01', true],
    ['2026-12', '2027-01-01', true],
    ['2026-12', '2026-11-01', false],
  ])('%s on %s → %p', (month, today, over) => {
    expect(monthIsOver(month, today)).toBe(over);
  });
});
