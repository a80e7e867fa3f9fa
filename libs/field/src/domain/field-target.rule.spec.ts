import { describe, expect, it } from '@jest/globals';
import { callTarget, type TerritoryMarket, visitTarget } from './field-target.rule.js';

describe('visitTarget', () => {
  it.each<[number, TerritoryMarket, number]>([
    [22, 'urban', 660], // 22 working days × 30
    [22, 'rural', 550], // 22 × 25
    [0, 'urban', 0], // a month of holidays has no target (attainment is then null, not NaN)
  ])('%d working days in a %s territory → %d visits', (workingDays, market, target) => {
    expect(visitTarget(workingDays, market)).toBe(target);
  });

  it('uses the department figures', () => {
    const policy = { visitsPerWorkingDay: { urban: 20, rural: 15 }, callsPerWorkingDay: 40 };
    expect(visitTarget(21, 'rural', policy)).toBe(315);
    expect(callTarget(21, policy)).toBe(840);
  });

  it.each([-1, 2.5, Number.NaN])('refuses %p working days', (workingDays) => {
    expect(() => visitTarget(workingDays, 'urban')).toThrow(RangeError);
    expect(() => callTarget(workingDays)).toThrow(RangeError);
  });

  it('refuses a negative daily figure', () => {
    const policy = { visitsPerWorkingDay: { urban: -1, rural: 25 }, callsPerWorkingDay: 30 };
    expect(() => visitTarget(20, 'urban', policy)).toThrow(RangeError);
  });
});

describe('callTarget', () => {
  it('is 30 calls a working day by default', () => {
    expect(callTarget(22)).toBe(660);
  });
});
