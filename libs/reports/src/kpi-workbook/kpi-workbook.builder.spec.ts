import { describe, expect, it } from '@jest/globals';
import type { KpiCode, KpiTarget } from '#libs/kpi';
import { targetText } from './kpi-workbook.builder.js';
import { displayWidth } from './sheet-table.js';

describe('targetText', () => {
  it.each<[KpiCode, KpiTarget | null, number | null | undefined, string]>([
    ['guidanceCoverage', { kind: 'atLeast', value: 0.6 }, undefined, '≥ 60.0%'],
    ['visitAttainment', { kind: 'atLeast', value: 1 }, undefined, '≥ 100.0%'],
    ['proxyReceipts', { kind: 'atMost', value: 0 }, undefined, '≤ 0 次'],
    ['salesCartons', { kind: 'atLeast', value: 1200 }, undefined, '≥ 1200 条'],
    [
      'averagePricePerCarton',
      { kind: 'rising', baseline: 'sameMonthLastYear' },
      18000,
      '不低于去年同期（去年同期 180.00 元）',
    ],
    [
      'selfReportedDemandShare',
      { kind: 'rising', baseline: 'previousMonth' },
      0.925,
      '不低于上月（上月 92.5%）',
    ],
    ['forecastAccuracy', { kind: 'rising', baseline: 'previousMonth' }, null, '不低于上月'],
    ['policyAwareness', null, undefined, '无'],
    [
      'averagePricePerCartonYearToDate',
      { kind: 'upByAmount', value: 500 },
      18000,
      '较去年同期增长不少于 5.00 元（去年同期 180.00 元）',
    ],
    ['salesCartonsYearToDate', { kind: 'upByPercent', value: 0.05 }, null, '较去年同期增长不少于 5.0%'],
  ])('%s %j (baseline %p) reads %s', (code, target, baseline, text) => {
    expect(targetText(code, target, baseline)).toBe(text);
  });
});

describe('displayWidth', () => {
  it.each([
    ['T001', 4],
    ['城关一片区', 10],
    ['销量（条）', 10],
    ['K1 规格', 7],
    ['', 0],
  ])('%j is %d columns wide', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});
