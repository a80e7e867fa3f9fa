import { describe, expect, it } from '@jest/globals';
import { KPI_CODES, KPI_DEFINITIONS } from './kpi-definitions.table.js';

describe('KPI_DEFINITIONS', () => {
  it('carries the targets the source document sets', () => {
    // 经营指导面 ≥ 60 % is the year's (全年要求): the month has no default target of its own.
    expect(KPI_DEFINITIONS.guidanceCoverageYearToDate.defaultTarget).toEqual({ kind: 'atLeast', value: 0.6 });
    expect(KPI_DEFINITIONS.guidanceCoverage.defaultTarget).toBeNull();
    expect(KPI_DEFINITIONS.effectiveGuidance.defaultTarget).toEqual({ kind: 'atLeast', value: 0.8 });
    expect(KPI_DEFINITIONS.visitAttainment.defaultTarget).toEqual({ kind: 'atLeast', value: 1 });
    expect(KPI_DEFINITIONS.forecastAccuracy.defaultTarget).toEqual({
      kind: 'rising',
      baseline: 'previousMonth',
    });
    expect(KPI_DEFINITIONS.averagePricePerCarton.defaultTarget).toEqual({
      kind: 'rising',
      baseline: 'sameMonthLastYear',
    });
    expect(KPI_DEFINITIONS.policyAwareness.defaultTarget).toBeNull();
  });

  it('labels every KPI once, in Simplified Chinese', () => {
    const labels = KPI_CODES.map((code) => KPI_DEFINITIONS[code].label);
    expect(new Set(labels).size).toBe(labels.length);
    // Traditional forms of characters the labels use (導 準 確 報 曉 蓋 櫃 銷 實 線 達 訪 貨 條 價 額 時 務)
    expect(labels.join('')).not.toMatch(/[導準確報曉蓋櫃銷實線達訪貨條價額時務]/);
  });

  it('states numerator and denominator together, and keeps percent targets as fractions', () => {
    for (const code of KPI_CODES) {
      const { numerator, denominator, unit, defaultTarget: target } = KPI_DEFINITIONS[code];
      expect(numerator === undefined).toBe(denominator === undefined);
      if (unit === 'percent' && target !== null && target.kind !== 'rising') {
        expect(target.value).toBeGreaterThan(0);
        expect(target.value).toBeLessThanOrEqual(1);
      }
    }
  });
});
