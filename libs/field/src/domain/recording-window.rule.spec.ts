import { describe, expect, it } from '@jest/globals';
import { businessDate } from '#libs/kernel';
import {
  checkRecordingWindow,
  recordingWindowClosesOn,
  type RecordingWindowInput,
  type RecordingWindowRefusal,
} from './recording-window.rule.js';

/** The refusal's code, or null when the instant is accepted. */
const recordingWindowProblem = (input: RecordingWindowInput): RecordingWindowRefusal['code'] | null => {
  const outcome = checkRecordingWindow(input);
  return outcome.ok ? null : outcome.code;
};

const ZONE = 'Asia/Shanghai';
const NOW = new Date('2026-11-28T10:00:00+08:00');

describe('checkRecordingWindow (now: 2026-11-28 10:00 in Beijing, 7 days back allowed)', () => {
  it.each<[string, RecordingWindowRefusal['code'] | null]>([
    ['2026-11-28T09:00:00+08:00', null],
    ['2026-11-28T10:04:59+08:00', null], // clock skew tolerated
    ['2026-11-28T10:05:01+08:00', 'FIELD_TIME_IN_FUTURE'],
    ['2026-11-21T00:00:00+08:00', null], // 7 days back, counted in business days
    ['2026-11-20T23:59:59+08:00', 'FIELD_TIME_TOO_OLD'],
    ['2026-11-20T16:30:00Z', null], // 2026-11-21 00:30 in Beijing
  ])('%s → %p', (at, problem) => {
    const instant = new Date(at);
    expect(
      recordingWindowProblem({
        at: instant,
        atDate: businessDate(instant, ZONE),
        now: NOW,
        today: businessDate(NOW, ZONE),
        backdateDays: 7,
      }),
    ).toBe(problem);
  });

  it('with no backdating, only today counts', () => {
    const yesterday = new Date('2026-11-27T23:00:00+08:00');
    expect(
      recordingWindowProblem({
        at: yesterday,
        atDate: '2026-11-27',
        now: NOW,
        today: '2026-11-28',
        backdateDays: 0,
      }),
    ).toBe('FIELD_TIME_TOO_OLD');
  });
});

describe('recordingWindowClosesOn', () => {
  it.each([
    ['2026-11', 7, '2026-12-08'], // a visit of 30 November may be recorded until 7 December
    ['2026-11', 0, '2026-12-01'],
    ['2026-12', 7, '2027-01-08'],
    ['2028-02', 31, '2028-04-01'], // 29 February + 31 days = 31 March, the last day it may be recorded
  ])('%s with %i days back closes on %s', (month, days, closes) => {
    expect(recordingWindowClosesOn(month, days)).toBe(closes);
  });
});
