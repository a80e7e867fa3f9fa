import { computeCap, DEFAULT_FLOAT_ALLOWANCES_BP, type FloatAllowancesBp } from './cap.rule.js';
import { BASIS_POINTS, mulDivCeil, requireCartons } from './integer-math.js';
import { addMonths, requireMonth } from '#libs/kernel';
import type { BusinessScale } from './retailer-class.js';

export interface FloatingPolicy {
  /** How many months before the computed one the actual orders are averaged over. */
  trailingWindowMonths: number;
  /**
   * How far the agreed total may move in one month, as a share of the starting total. It limits the speed
   * of the cap in both directions (one bad month does not wipe a retailer's cap); it obliges nobody to buy.
   */
  maxMonthlyChangeBp: number;
}

export const DEFAULT_FLOATING_POLICY: FloatingPolicy = { trailingWindowMonths: 3, maxMonthlyChangeBp: 2_000 };

export interface MonthlyActual {
  month: string;
  cartons: number;
}

export interface MonthlyQuotaInput {
  /** The month computed, 'YYYY-MM'. */
  month: string;
  scale: BusinessScale;
  /** From the grade policy: where a retailer without history starts. */
  policyBase: number;
  /** The agreed total of the month before, or null for a retailer new to quotas. */
  previousAgreedTotal: number | null;
  /**
   * Cartons ordered per month in which the retailer was active, including months with 0 (a plain GROUP BY over
   * order lines drops those: generate the months). Months outside the window are ignored; a month of the window
   * without an entry counts as "not active", not as 0.
   */
  actuals: readonly MonthlyActual[];
  /** Set by a market manager for this month: then it is the agreed total, and nothing floats. */
  agreedTotalSetByManager: number | null;
  /** Cartons already ordered or reserved in this month: a recomputation never takes these away. */
  alreadyUsed: number;
  /**
   * The latest month whose actuals are final (over, every cycle of the retailer's territory in it consolidated
   * or cancelled). The window is the `trailingWindowMonths` complete months up to it: computing next month on
   * the 25th, the running month does not count as a whole one. Default: the month before the computed one.
   */
  lastCompleteMonth?: string;
}

export type AgreedTotalSource = 'market_manager' | 'grade_policy' | 'floating';

/** Which side of the per-month bound stopped the move towards the actuals, if any. */
export type BoundApplied = 'none' | 'rise_limited' | 'fall_limited';

/** Every input and intermediate of a quota, kept with it so each change of a cap can be explained (rule 2). */
export interface QuotaExplanation {
  month: string;
  agreedTotalSource: AgreedTotalSource;
  policyBase: number;
  previousAgreedTotal: number | null;
  agreedTotalSetByManager: number | null;
  /** The total the move starts from: last month's, or the policy base for a retailer new to quotas. */
  startingTotal: number | null;
  trailingWindowMonths: number;
  /** The actuals inside the window that were averaged, oldest first. */
  trailingActuals: MonthlyActual[];
  /** ⌊mean of trailingActuals⌋, or null when there were none. */
  trailingAverage: number | null;
  maxMonthlyChangeBp: number;
  /** ⌈startingTotal × maxMonthlyChangeBp ÷ 10,000⌉: rounded up so small totals (4 × 20 % = 0.8) can move at all. */
  maxMonthlyChangeCartons: number | null;
  boundApplied: BoundApplied;
  agreedTotal: number;
  scale: BusinessScale;
  floatBp: number;
  /** agreedTotal × (1 + float) before rounding up, as decimal text ("6.9"): formulaCap is its ceiling. */
  capExact: string;
  formulaCap: number;
  alreadyUsed: number;
  /** True when the formula gave less than what was already ordered or reserved, and the cap was kept there. */
  capKeptAtAlreadyUsed: boolean;
  effectiveCap: number;
}

export interface MonthlyQuota {
  agreedTotal: number;
  floatBp: number;
  /** What the formula gives. */
  formulaCap: number;
  /** What applies: the formula cap, or what was already used if that is more. */
  effectiveCap: number;
  explanation: QuotaExplanation;
}

export interface QuotaPolicy {
  floatAllowances: FloatAllowancesBp;
  floating: FloatingPolicy;
}

export const DEFAULT_QUOTA_POLICY: QuotaPolicy = {
  floatAllowances: DEFAULT_FLOAT_ALLOWANCES_BP,
  floating: DEFAULT_FLOATING_POLICY,
};

type AgreedTotalPart = Pick<
  QuotaExplanation,
  | 'agreedTotalSource'
  | 'startingTotal'
  | 'trailingActuals'
  | 'trailingAverage'
  | 'maxMonthlyChangeCartons'
  | 'boundApplied'
  | 'agreedTotal'
>;

function validateFloatingPolicy(policy: FloatingPolicy): void {
  const { trailingWindowMonths, maxMonthlyChangeBp } = policy;
  if (!Number.isInteger(trailingWindowMonths) || trailingWindowMonths < 1 || trailingWindowMonths > 24) {
    throw new RangeError(`trailingWindowMonths must be 1–24 (got ${trailingWindowMonths})`);
  }
  if (!Number.isInteger(maxMonthlyChangeBp) || maxMonthlyChangeBp < 0 || maxMonthlyChangeBp > BASIS_POINTS) {
    throw new RangeError(`maxMonthlyChangeBp must be 0–${BASIS_POINTS} (got ${maxMonthlyChangeBp})`);
  }
}

function trailingWindow(input: MonthlyQuotaInput, windowMonths: number): MonthlyActual[] {
  // The `windowMonths` complete months up to the last complete one (at latest the month before), oldest first.
  const monthBefore = addMonths(input.month, -1);
  if (input.lastCompleteMonth !== undefined) requireMonth(input.lastCompleteMonth, 'lastCompleteMonth');
  const last =
    input.lastCompleteMonth !== undefined && input.lastCompleteMonth < monthBefore
      ? input.lastCompleteMonth
      : monthBefore;
  const window = Array.from({ length: windowMonths }, (_, i) => addMonths(last, i - windowMonths + 1));
  const byMonth = new Map<string, number>();
  for (const actual of input.actuals) {
    requireMonth(actual.month, 'actuals.month');
    requireCartons(actual.cartons, `actuals[${actual.month}].cartons`);
    if (byMonth.has(actual.month)) throw new RangeError(`actuals lists ${actual.month} twice`);
    byMonth.set(actual.month, actual.cartons);
  }
  return window
    .filter((month) => byMonth.has(month))
    .map((month) => ({ month, cartons: byMonth.get(month)! }));
}

/**
 * The agreed total of a month when no market manager set one: last month's total (or the policy base for a
 * retailer new to quotas) moved towards the mean of the recent actuals, at most maxMonthlyChange per month.
 * Growth comes from the float: actuals can exceed the agreed total only by the float allowance.
 */
function deriveAgreedTotal(input: MonthlyQuotaInput, policy: FloatingPolicy): AgreedTotalPart {
  const trailingActuals = trailingWindow(input, policy.trailingWindowMonths);
  const unmoved = (
    agreedTotalSource: AgreedTotalSource,
    startingTotal: number | null,
    agreedTotal: number,
  ): AgreedTotalPart => ({
    agreedTotalSource,
    startingTotal,
    trailingActuals,
    trailingAverage: null,
    maxMonthlyChangeCartons: null,
    boundApplied: 'none',
    agreedTotal,
  });
  if (input.agreedTotalSetByManager !== null) {
    return unmoved('market_manager', null, input.agreedTotalSetByManager);
  }
  if (input.previousAgreedTotal === null && trailingActuals.length === 0) {
    return unmoved('grade_policy', input.policyBase, input.policyBase);
  }
  const startingTotal = input.previousAgreedTotal ?? input.policyBase;
  if (trailingActuals.length === 0) return unmoved('floating', startingTotal, startingTotal);

  // BigInt: the sum of several safe integers may not be safe; the mean of them always is.
  const sum = trailingActuals.reduce((total, actual) => total + BigInt(actual.cartons), 0n);
  const trailingAverage = Number(sum / BigInt(trailingActuals.length));
  const step = mulDivCeil(startingTotal, policy.maxMonthlyChangeBp, BASIS_POINTS);
  const [lowest, highest] = [startingTotal - step, startingTotal + step];
  return {
    agreedTotalSource: 'floating',
    startingTotal,
    trailingActuals,
    trailingAverage,
    maxMonthlyChangeCartons: step,
    boundApplied:
      trailingAverage > highest ? 'rise_limited' : trailingAverage < lowest ? 'fall_limited' : 'none',
    agreedTotal: Math.min(highest, Math.max(lowest, trailingAverage)),
  };
}

/**
 * A retailer's quota for a month: the agreed total (set by a market manager, else floated from history, else
 * the grade policy base), the cap above it, and the cap that applies — never below what was already ordered or
 * reserved this month, so recomputing a running month takes nothing away. The explanation is plain JSON.
 * Throws on inputs that validation upstream rules out (negative or fractional cartons, a bad month or policy).
 */
export function computeMonthlyQuota(
  input: MonthlyQuotaInput,
  policy: QuotaPolicy = DEFAULT_QUOTA_POLICY,
): MonthlyQuota {
  requireMonth(input.month, 'month');
  validateFloatingPolicy(policy.floating);
  requireCartons(input.policyBase, 'policyBase');
  requireCartons(input.alreadyUsed, 'alreadyUsed');
  if (input.previousAgreedTotal !== null) requireCartons(input.previousAgreedTotal, 'previousAgreedTotal');
  if (input.agreedTotalSetByManager !== null) {
    requireCartons(input.agreedTotalSetByManager, 'agreedTotalSetByManager');
  }

  const agreed = deriveAgreedTotal(input, policy.floating);
  const {
    floatBp,
    capExact,
    cap: formulaCap,
  } = computeCap(agreed.agreedTotal, input.scale, policy.floatAllowances);
  const effectiveCap = Math.max(formulaCap, input.alreadyUsed);
  return {
    agreedTotal: agreed.agreedTotal,
    floatBp,
    formulaCap,
    effectiveCap,
    explanation: {
      month: input.month,
      policyBase: input.policyBase,
      previousAgreedTotal: input.previousAgreedTotal,
      agreedTotalSetByManager: input.agreedTotalSetByManager,
      trailingWindowMonths: policy.floating.trailingWindowMonths,
      maxMonthlyChangeBp: policy.floating.maxMonthlyChangeBp,
      ...agreed,
      scale: input.scale,
      floatBp,
      capExact,
      formulaCap,
      alreadyUsed: input.alreadyUsed,
      capKeptAtAlreadyUsed: effectiveCap > formulaCap,
      effectiveCap,
    },
  };
}
