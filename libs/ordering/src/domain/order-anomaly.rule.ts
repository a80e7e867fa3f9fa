/**
 * A retailer ordering a spec at more than 2.2× its average over its previous 3 cycles is flagged for the
 * enforcement squad (a possible diversion 套购); the three-role workflow may turn it into a lead.
 */
export interface AnomalyRule {
  /** Flag above this multiple of the prior average; ≥ 10,000 (1×), else ordinary orders would be flagged. */
  thresholdBp: number;
  /** How many of the retailer's previous cycles make the average. */
  priorCycles: number;
}

export const DEFAULT_ANOMALY_RULE: AnomalyRule = { thresholdBp: 22_000, priorCycles: 3 };

export interface OrderAnomalyInput {
  /** Cartons of the spec the retailer orders in this cycle. */
  cartons: number;
  /**
   * Cartons of the spec in the retailer's previous cycles, oldest first, 0 for a cycle in which it did not order
   * the spec; only the last `priorCycles` count. Fewer entries (a new retailer) average over what there is.
   */
  priorCycleCartons: readonly number[];
}

export type AnomalyReason = 'above_threshold' | 'within_threshold' | 'no_history';

export interface OrderAnomalyAssessment {
  flagged: boolean;
  reason: AnomalyReason;
  cartons: number;
  /** The prior cycles averaged, oldest first. */
  priorCycleCartons: number[];
  /** This order ÷ the prior average in basis points, rounded down; null without history. */
  ratioBp: number | null;
  thresholdBp: number;
}

function requireCartons(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be whole cartons ≥ 0`);
}

/**
 * Flags when cartons > threshold × average, compared exactly as cartons × n × 10,000 > Σ prior × thresholdBp
 * (the same inequality serves a SQL implementation). No history — no prior cycle, or none with the spec — is
 * not an anomaly: a first order has no baseline to exceed, and the cap and scarce limits bound it anyway.
 */
export function assessOrderAnomaly(
  input: OrderAnomalyInput,
  rule: AnomalyRule = DEFAULT_ANOMALY_RULE,
): OrderAnomalyAssessment {
  const { thresholdBp, priorCycles } = rule;
  if (!Number.isSafeInteger(thresholdBp) || thresholdBp < 10_000) {
    throw new RangeError(`thresholdBp must be an integer ≥ 10000 (got ${thresholdBp})`);
  }
  if (!Number.isInteger(priorCycles) || priorCycles < 1) {
    throw new RangeError(`priorCycles must be an integer ≥ 1 (got ${priorCycles})`);
  }
  requireCartons(input.cartons, 'cartons');
  input.priorCycleCartons.forEach((value) => requireCartons(value, 'priorCycleCartons'));

  const window = input.priorCycleCartons.slice(-priorCycles);
  const priorTotal = window.reduce((sum, value) => sum + BigInt(value), 0n);
  const assessment = { cartons: input.cartons, priorCycleCartons: window, thresholdBp };
  if (priorTotal === 0n) return { ...assessment, flagged: false, reason: 'no_history', ratioBp: null };
  const scaledOrder = BigInt(input.cartons) * BigInt(window.length) * 10_000n;
  const flagged = scaledOrder > priorTotal * BigInt(thresholdBp);
  return {
    ...assessment,
    flagged,
    reason: flagged ? 'above_threshold' : 'within_threshold',
    ratioBp: Number(scaledOrder / priorTotal),
  };
}
