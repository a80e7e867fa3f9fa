import { KPI_DEFINITIONS, type KpiCode, type KpiTarget } from './kpi-definitions.table.js';

/**
 * Per-department target overrides. A code set to `null` removes the default target; a code left out keeps it.
 */
export type KpiTargetOverrides = Partial<Record<KpiCode, KpiTarget | null>>;

/**
 * `below` means "misses the target" (for an at-most target: above the ceiling); it is what gets highlighted.
 * `notAssessable`: the KPI could have been measured but was not done as the definition requires (effective
 * guidance with its check sample not fully checked), which is highlighted too.
 */
export type KpiStatus = 'meets' | 'below' | 'noTarget' | 'noValue' | 'notAssessable';

export function kpiTarget(code: KpiCode, overrides: KpiTargetOverrides = {}): KpiTarget | null {
  return code in overrides ? (overrides[code] ?? null) : KPI_DEFINITIONS[code].defaultTarget;
}

export interface KpiEvaluationInput {
  /** The KPI's value: a ratio for percent KPIs; `null` when the rate had nothing to measure. */
  readonly value: number | null;
  /**
   * The baseline value: for "rising" targets last month or the same period last year, as the target says;
   * for "up by" targets the same period last year.
   */
  readonly previous?: number | null;
  readonly overrides?: KpiTargetOverrides;
}

/**
 * Whether a value meets its target. A "rising" target is met by holding the baseline (current ≥ previous):
 * a KPI already at 100 % cannot rise and must not be flagged; an "up by" target needs the baseline plus the
 * amount, or times 1 + the percentage; without a baseline there is nothing to beat.
 */
export function evaluateKpi(code: KpiCode, input: KpiEvaluationInput): KpiStatus {
  const target = kpiTarget(code, input.overrides);
  if (target === null) return 'noTarget';
  if (input.value === null) return 'noValue';
  switch (target.kind) {
    case 'atLeast':
      return input.value >= target.value ? 'meets' : 'below';
    case 'atMost':
      return input.value <= target.value ? 'meets' : 'below';
    case 'rising':
      if (input.previous === undefined || input.previous === null) return 'noTarget';
      return input.value >= input.previous ? 'meets' : 'below';
    case 'upByAmount':
    case 'upByPercent': {
      if (input.previous === undefined || input.previous === null) return 'noTarget';
      const required =
        target.kind === 'upByAmount' ? input.previous + target.value : input.previous * (1 + target.value);
      // Fractions of a percent are not exact in binary: 100 up by 7 % must accept 107.
      return input.value >= required - 1e-9 * Math.max(1, Math.abs(required)) ? 'meets' : 'below';
    }
  }
}
