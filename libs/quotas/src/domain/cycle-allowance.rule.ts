import { BASIS_POINTS, mulDivCeil, requireCartons } from './integer-math.js';

/**
 * 1.5: a cycle may take half again its even share of what is left. Above 1 so a retailer can follow its real
 * week-to-week swings; bounded so week 1 cannot drain the month (no 月初大起、月末无量).
 */
export const DEFAULT_PACING_FACTOR_BP = 15_000;

export interface CycleAllowanceInput {
  monthlyCap: number;
  /**
   * Cartons ordered or reserved in the month's earlier cycles — not in this one, so amending a demand inside
   * the cycle does not shrink the allowance it is checked against.
   */
  usedBeforeCycle: number;
  /** Cycles of the month still to come, this one included (1 in the month's last cycle). */
  remainingCycles: number;
  /** ≥ 10,000 (a factor of at least 1), else the cap could never be fully used. */
  pacingFactorBp?: number;
}

/**
 * The most a retailer may order in one cycle:
 * min(remaining cap, ⌈remaining ÷ remaining cycles × pacing factor⌉), remaining = cap − used (0 if overdrawn,
 * which a rebalance can cause). The last cycle may take all that is left.
 */
export function cycleAllowance(input: CycleAllowanceInput): number {
  const { monthlyCap, usedBeforeCycle, remainingCycles, pacingFactorBp = DEFAULT_PACING_FACTOR_BP } = input;
  requireCartons(monthlyCap, 'monthlyCap');
  requireCartons(usedBeforeCycle, 'usedBeforeCycle');
  if (!Number.isSafeInteger(remainingCycles) || remainingCycles < 0) {
    throw new RangeError(`remainingCycles must be an integer ≥ 0 (got ${remainingCycles})`);
  }
  if (!Number.isSafeInteger(pacingFactorBp) || pacingFactorBp < BASIS_POINTS) {
    throw new RangeError(`pacingFactorBp must be an integer ≥ ${BASIS_POINTS} (got ${pacingFactorBp})`);
  }
  const remaining = Math.max(0, monthlyCap - usedBeforeCycle);
  if (remaining === 0 || remainingCycles === 0) return 0;
  return Math.min(remaining, mulDivCeil(remaining, pacingFactorBp, remainingCycles * BASIS_POINTS));
}
