import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { KpiCode } from './kpi-definitions.table.js';
import {
  addParts,
  evaluateCells,
  kpiValue,
  type KpiParts,
  partsOfCell,
  rollUpParts,
} from './kpi-cell.rule.js';

describe('kpiValue', () => {
  it.each<[KpiCode, KpiParts | null, number | null]>([
    ['guidanceCoverage', { numerator: 3, denominator: 5 }, 0.6],
    ['guidanceCoverage', { numerator: 0, denominator: 0 }, null], // no retailers: nothing to measure
    ['visitAttainment', { numerator: 330, denominator: 300 }, 1.1],
    // Forecast accuracy: max(0, 1 − error ÷ demand).
    ['forecastAccuracy', { numerator: 40, denominator: 100, details: { forecastCartons: 120 } }, 0.6],
    ['forecastAccuracy', { numerator: 250, denominator: 100 }, 0], // off by 250 %: floored at 0
    ['forecastAccuracy', { numerator: 0, denominator: 0, details: { forecastCartons: 0 } }, null], // no data, not 100 %
    ['forecastAccuracy', { numerator: 5, denominator: 0, details: { forecastCartons: 5 } }, null], // forecast, not demanded
    ['averagePricePerCarton', { numerator: 1_001, denominator: 2 }, 501], // half a fen rounds up
    ['averagePricePerCarton', { numerator: 0, denominator: 0 }, null],
    ['salesCartons', { numerator: 172, denominator: 0 }, 172],
    ['proxyReceipts', { numerator: 2, denominator: 0 }, 2],
    ['policyAwareness', null, null],
  ])('%s of %j → %p', (code, parts, value) => {
    expect(kpiValue(code, parts)).toBe(value);
  });
});

describe('roll-up', () => {
  it('adds parts: a center of 1/1 and 50/100 guided retailers guided 51 of 101, not the 75 % mean', () => {
    const center = rollUpParts([
      { guidanceCoverage: { numerator: 1, denominator: 1 } },
      { guidanceCoverage: { numerator: 50, denominator: 100 } },
    ]);
    expect(center.guidanceCoverage).toEqual({ numerator: 51, denominator: 101 });
    expect(kpiValue('guidanceCoverage', center.guidanceCoverage)).toBeCloseTo(51 / 101, 12);
  });

  it('adds the counts shown beside a value, a count missing from a part being 0', () => {
    expect(
      addParts([
        { numerator: 40, denominator: 100, details: { forecastCartons: 120, orderedCartons: 90 } },
        { numerator: 5, denominator: 0, details: { forecastCartons: 5 } },
        { numerator: 0, denominator: 3 },
      ]),
    ).toEqual({ numerator: 45, denominator: 103, details: { forecastCartons: 125, orderedCartons: 90 } });
    // A territory forecasting 5 cartons nobody demanded pulls the center down: 1 − 45/100 instead of 0.6.
    expect(
      kpiValue(
        'forecastAccuracy',
        addParts([
          { numerator: 40, denominator: 100 },
          { numerator: 5, denominator: 0 },
        ]),
      ),
    ).toBeCloseTo(0.55, 12);
  });

  it('keeps "not measured" when no part was measured, and ignores unmeasured parts otherwise', () => {
    expect(addParts([null, undefined])).toBeNull();
    expect(addParts([null, { numerator: 1, denominator: 2 }])).toEqual({ numerator: 1, denominator: 2 });
  });

  it('gives the average price of all cartons sold, not the mean of averages', () => {
    // 10 cartons at ¥100 and 90 cartons at ¥200: ¥19,000 over 100 cartons = ¥190 (the mean would say ¥150)
    const total = addParts([
      { numerator: 100_000, denominator: 10 },
      { numerator: 1_800_000, denominator: 90 },
    ]);
    expect(kpiValue('averagePricePerCarton', total)).toBe(19_000);
  });

  it('rolls up the same whatever the grouping (centers first or all managers at once)', () => {
    const parts = fc.record({ numerator: fc.nat(1000), denominator: fc.nat(1000) });
    fc.assert(
      fc.property(fc.array(parts), fc.array(parts), (a, b) => {
        const rowsA = a.map((p) => ({ effectiveGuidance: p }));
        const rowsB = b.map((p) => ({ effectiveGuidance: p }));
        expect(rollUpParts([rollUpParts(rowsA), rollUpParts(rowsB)])).toEqual(
          rollUpParts([...rowsA, ...rowsB]),
        );
      }),
    );
  });
});

describe('evaluateCells', () => {
  it('judges each KPI against its target and says why', () => {
    const cells = evaluateCells(
      {
        guidanceCoverage: { numerator: 3, denominator: 5 }, // 60 % meets ≥ 60 %
        effectiveGuidance: { numerator: 3, denominator: 4 }, // 75 % is below ≥ 80 %
        policyAwareness: { numerator: 1, denominator: 2 }, // no target
        visitAttainment: { numerator: 0, denominator: 0 }, // nothing to measure
      },
      {},
    );
    expect(cells.guidanceCoverage).toMatchObject({
      value: 0.6,
      numerator: 3,
      denominator: 5,
      status: 'meets',
    });
    expect(cells.effectiveGuidance).toMatchObject({
      value: 0.75,
      target: { kind: 'atLeast', value: 0.8 },
      status: 'below',
    });
    expect(cells.policyAwareness).toMatchObject({ target: null, status: 'noTarget' });
    expect(cells.visitAttainment).toMatchObject({ value: null, status: 'noValue' });
  });

  it('compares rising targets with the right baseline: last month for shares, last year for sales', () => {
    const cells = evaluateCells(
      {
        selfReportedDemandShare: { numerator: 9, denominator: 10 },
        salesCartons: { numerator: 100, denominator: 0 },
        averagePricePerCarton: { numerator: 1_500_000, denominator: 100 },
      },
      {
        previousMonth: { selfReportedDemandShare: { numerator: 19, denominator: 20 }, salesCartons: null },
        sameMonthLastYear: {
          salesCartons: { numerator: 80, denominator: 0 },
          averagePricePerCarton: { numerator: 1_600_000, denominator: 100 },
        },
      },
    );
    expect(cells.selfReportedDemandShare).toMatchObject({ value: 0.9, baseline: 0.95, status: 'below' });
    expect(cells.salesCartons).toMatchObject({
      value: 100,
      denominator: null,
      baseline: 80,
      status: 'meets',
      lastYear: { value: 80, change: 0.25 },
    });
    expect(cells.averagePricePerCarton).toMatchObject({
      value: 15_000,
      baseline: 16_000,
      status: 'below',
      lastYear: { value: 16_000, change: -0.0625 },
    });
  });

  it('has no target to beat without a baseline, and applies department overrides', () => {
    const cells = evaluateCells(
      {
        forecastAccuracy: { numerator: 1, denominator: 2, details: { forecastCartons: 2 } },
        guidanceCoverage: { numerator: 13, denominator: 20 },
      },
      { previousMonth: null },
      { guidanceCoverage: { kind: 'atLeast', value: 0.7 } },
    );
    expect(cells.forecastAccuracy).toMatchObject({ value: 0.5, baseline: null, status: 'noTarget' });
    expect(cells.guidanceCoverage).toMatchObject({ value: 0.65, status: 'below' });
  });

  it('gives back the parts of a stored cell', () => {
    const cells = evaluateCells(
      {
        forecastAccuracy: { numerator: 1, denominator: 2, details: { forecastCartons: 2 } },
        salesCartons: { numerator: 7, denominator: 0 },
        policyAwareness: null,
      },
      {},
    );
    expect(partsOfCell(cells.forecastAccuracy)).toEqual({
      numerator: 1,
      denominator: 2,
      details: { forecastCartons: 2 },
    });
    expect(partsOfCell(cells.salesCartons)).toEqual({ numerator: 7, denominator: 0 });
    expect(partsOfCell(cells.policyAwareness)).toBeNull();
    expect(partsOfCell(undefined)).toBeNull();
  });
});
