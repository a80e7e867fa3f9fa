import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  gradeChangeEffectiveFrom,
  gradeOn,
  gradePeriodContaining,
  type GradePeriodUnit,
  isGrade,
} from './grade-period.rule.js';

describe('isGrade', () => {
  it.each([
    [1, true],
    [30, true],
    [15, true],
    [0, false],
    [31, false],
    [1.5, false],
    ['5', false],
    [Number.NaN, false],
  ])('%p → %p', (value, expected) => {
    expect(isGrade(value)).toBe(expected);
  });
});

describe('gradePeriodContaining', () => {
  it.each<[string, GradePeriodUnit, string, string, string]>([
    ['2024-01-15', 'month', '2024-01-01', '2024-01-31', '2024-02-01'],
    ['2024-02-10', 'month', '2024-02-01', '2024-02-29', '2024-03-01'], // leap year
    ['2023-02-10', 'month', '2023-02-01', '2023-02-28', '2023-03-01'],
    ['2024-04-30', 'month', '2024-04-01', '2024-04-30', '2024-05-01'],
    ['2024-12-31', 'month', '2024-12-01', '2024-12-31', '2025-01-01'],
    ['2024-01-01', 'quarter', '2024-01-01', '2024-03-31', '2024-04-01'],
    ['2024-03-31', 'quarter', '2024-01-01', '2024-03-31', '2024-04-01'],
    ['2024-04-01', 'quarter', '2024-04-01', '2024-06-30', '2024-07-01'],
    ['2024-08-15', 'quarter', '2024-07-01', '2024-09-30', '2024-10-01'],
    ['2024-11-30', 'quarter', '2024-10-01', '2024-12-31', '2025-01-01'],
  ])('%s by %s → %s … %s, next %s', (date, unit, start, end, nextStart) => {
    expect(gradePeriodContaining(date, unit)).toEqual({ start, end, nextStart });
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-1-5',
    '20240105',
    '',
    '2024-01-15T00:00',
  ])('refuses %p', (date) => {
    expect(() => gradePeriodContaining(date, 'month')).toThrow(RangeError);
  });

  const day = fc
    .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
  const unit = fc.constantFrom<GradePeriodUnit>('month', 'quarter');

  it('contains the date, ends the day before the next period, which starts on a first of a month', () => {
    fc.assert(
      fc.property(day, unit, (date, periodUnit) => {
        const { start, end, nextStart } = gradePeriodContaining(date, periodUnit);
        expect(start <= date && date <= end && end < nextStart).toBe(true);
        expect(nextStart.endsWith('-01')).toBe(true);
        const dayAfterEnd = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        expect(dayAfterEnd).toBe(nextStart);
        expect(gradePeriodContaining(nextStart, periodUnit).start).toBe(nextStart);
      }),
    );
  });
});

describe('gradeChangeEffectiveFrom', () => {
  it.each<[string, GradePeriodUnit, string]>([
    ['2024-03-31', 'quarter', '2024-04-01'], // on the last day: the very next day
    ['2024-04-01', 'quarter', '2024-07-01'], // on the first day: still not this period
    ['2024-05-20', 'quarter', '2024-07-01'],
    ['2024-05-20', 'month', '2024-06-01'],
    ['2024-12-15', 'month', '2025-01-01'],
  ])('requested on %s, locked by %s → effective %s', (requestedOn, unit, effectiveFrom) => {
    expect(gradeChangeEffectiveFrom(requestedOn, unit)).toBe(effectiveFrom);
  });
});

describe('gradeOn', () => {
  const history = [
    { grade: 7, effectiveFrom: '2024-04-01' },
    { grade: 5, effectiveFrom: '2024-01-01' }, // order of the list does not matter
  ];

  it.each([
    ['2023-12-31', null],
    ['2024-01-01', 5],
    ['2024-03-31', 5],
    ['2024-04-01', 7],
    ['2025-06-30', 7],
  ])('on %s → %p', (date, grade) => {
    expect(gradeOn(history, date)).toBe(grade);
  });

  it('has no grade without history, and refuses a malformed date', () => {
    expect(gradeOn([], '2024-01-01')).toBeNull();
    expect(() => gradeOn(history, '2024/01/01')).toThrow(RangeError);
  });
});
