import { averagePricePerCarton } from './average-price.rule.js';
import { type KpiCode, type KpiTarget } from './kpi-definitions.table.js';
import { evaluateKpi, type KpiStatus, kpiTarget, type KpiTargetOverrides } from './kpi-evaluation.rule.js';
import { periodChange } from './period-change.rule.js';
import { rate } from './rate.rule.js';

/**
 * What a KPI value is made of, as SQL counts it. Roll-ups add parts (never ratios), so a center's value is
 * the value of all its territories' parts together.
 *
 * - rates: `numerator` ÷ `denominator`;
 * - forecast accuracy: max(0, 1 − `numerator` ÷ `denominator`), the error Σ|A − F| over the demand Σ A;
 *   no value when nothing was demanded;
 * - average price per carton: amount in fen (`numerator`) over cartons (`denominator`);
 * - amounts and counts (cartons, fen, proxy receipts): `numerator` alone, `denominator` 0.
 *
 * `details` are counts shown beside the value (the forecast and the rationed cartons beside the demand, …),
 * named in the KPI table and added up in roll-ups like the parts.
 */
export interface KpiParts {
  readonly numerator: number;
  readonly denominator: number;
  readonly details?: Readonly<Record<string, number>>;
}

/** The parts of each KPI of one subject (a territory, a center…); `null`: not measured (e.g. a month not over). */
export type KpiPartsRow = Partial<Record<KpiCode, KpiParts | null>>;

/** How a value comes from its parts: a rate, one minus a rate (an accuracy), a price per carton, an amount. */
type Measure = 'rate' | 'complement' | 'pricePerCarton' | 'amount';

const MEASURES: Record<KpiCode, Measure> = {
  guidanceCoverage: 'rate',
  effectiveGuidance: 'rate',
  forecastAccuracy: 'complement',
  keyBrandForecastAccuracy: 'complement',
  selfReportedDemandShare: 'rate',
  policyAwareness: 'rate',
  channelCoverage: 'rate',
  visitAttainment: 'rate',
  callAttainment: 'rate',
  keyBrandShelfRate: 'rate',
  guidePriceComplianceCarton: 'rate',
  guidePriceCompliancePack: 'rate',
  salesCartons: 'amount',
  salesAmount: 'amount',
  averagePricePerCarton: 'pricePerCarton',
  leadAuthenticity: 'rate',
  leadVerificationRate: 'rate',
  leadOnTimeRate: 'rate',
  deliveryPunctuality: 'rate',
  proxyReceipts: 'amount',
};

/** A KPI's value from its parts: a ratio for percent KPIs, fen for money, cartons or a count otherwise. */
export function kpiValue(code: KpiCode, parts: KpiParts | null | undefined): number | null {
  if (!parts) return null;
  switch (MEASURES[code]) {
    case 'rate':
      return rate(parts.numerator, parts.denominator).ratio;
    case 'complement': {
      const { ratio } = rate(parts.numerator, parts.denominator);
      return ratio === null ? null : Math.max(0, 1 - ratio);
    }
    case 'pricePerCarton':
      return averagePricePerCarton(parts.numerator, parts.denominator).fenPerCarton;
    case 'amount':
      return parts.numerator;
  }
}

/** Adds the parts of some subjects. `null` when none of them was measured. */
export function addParts(parts: ReadonlyArray<KpiParts | null | undefined>): KpiParts | null {
  let measured = false;
  let numerator = 0;
  let denominator = 0;
  let details: Record<string, number> | undefined;
  for (const part of parts) {
    if (!part) continue;
    measured = true;
    numerator += part.numerator;
    denominator += part.denominator;
    for (const [name, count] of Object.entries(part.details ?? {})) {
      details ??= {};
      details[name] = (details[name] ?? 0) + count;
    }
  }
  if (!measured) return null;
  return details === undefined ? { numerator, denominator } : { numerator, denominator, details };
}

/** Rolls rows up into one by adding each KPI's parts: account managers → center → department. */
export function rollUpParts(rows: readonly KpiPartsRow[]): KpiPartsRow {
  const codes = new Set(rows.flatMap((row) => Object.keys(row) as KpiCode[]));
  const total: KpiPartsRow = {};
  for (const code of codes) total[code] = addParts(rows.map((row) => row[code]));
  return total;
}

/** One KPI of one subject as every report shows it: value, parts, target and whether it meets it. */
export interface KpiCell {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** The counts shown beside the value (see `KpiParts.details`). */
  readonly details?: Readonly<Record<string, number>>;
  readonly target: KpiTarget | null;
  /** The value a "rising" target is compared with (last month's or last year's); null without one. */
  readonly baseline: number | null;
  readonly status: KpiStatus;
  /** Sales figures only: the same days of last year and the change against them (同比). */
  readonly lastYear?: { readonly value: number | null; readonly change: number | null };
}

export type KpiCells = Partial<Record<KpiCode, KpiCell>>;

export interface KpiBaselines {
  readonly previousMonth?: KpiPartsRow | null;
  readonly sameMonthLastYear?: KpiPartsRow | null;
}

/** Codes whose 同比 (same days last year) is shown next to the value whatever the target. */
export const YEAR_ON_YEAR_CODES: readonly KpiCode[] = [
  'salesCartons',
  'salesAmount',
  'averagePricePerCarton',
];

/**
 * Evaluates one subject's KPIs against its targets (the department's overrides over the defaults): a rising
 * target takes its baseline from the matching baseline row; sales figures also carry their change on last year.
 */
export function evaluateCells(
  row: KpiPartsRow,
  baselines: KpiBaselines,
  overrides: KpiTargetOverrides = {},
): KpiCells {
  const cells: KpiCells = {};
  for (const code of Object.keys(row) as KpiCode[]) {
    const parts = row[code] ?? null;
    const value = kpiValue(code, parts);
    const target = kpiTarget(code, overrides);
    const baseline =
      target?.kind === 'rising' ? kpiValue(code, baselineRow(baselines, target.baseline)?.[code]) : null;
    const cell: KpiCell = {
      value,
      numerator: parts?.numerator ?? null,
      denominator: parts === null || MEASURES[code] === 'amount' ? null : parts.denominator,
      ...(parts?.details !== undefined ? { details: parts.details } : {}),
      target,
      baseline,
      status: evaluateKpi(code, { value, previous: baseline, overrides }),
    };
    if (YEAR_ON_YEAR_CODES.includes(code)) {
      const lastYear = kpiValue(code, baselines.sameMonthLastYear?.[code]);
      cells[code] = {
        ...cell,
        lastYear: {
          value: lastYear,
          change: value === null || lastYear === null ? null : periodChange(value, lastYear).ratio,
        },
      };
    } else {
      cells[code] = cell;
    }
  }
  return cells;
}

function baselineRow(baselines: KpiBaselines, kind: 'previousMonth' | 'sameMonthLastYear') {
  return kind === 'previousMonth' ? baselines.previousMonth : baselines.sameMonthLastYear;
}

/** The parts a stored (snapshot) cell was made of, to serve as a later month's baseline. */
export function partsOfCell(cell: KpiCell | undefined): KpiParts | null {
  if (!cell || cell.numerator === null) return null;
  return {
    numerator: cell.numerator,
    denominator: cell.denominator ?? 0,
    ...(cell.details !== undefined ? { details: cell.details } : {}),
  };
}
