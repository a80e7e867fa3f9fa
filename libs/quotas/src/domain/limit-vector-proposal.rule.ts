import { BASIS_POINTS, mulDivCeil, requireCartons } from './integer-math.js';
import { GRADE_COUNT } from './retailer-class.js';

/**
 * Default shape: a grade's limit proportional to its grade number. Monotone by construction, and when supply
 * is short the small shares of low grades round down to 0, so the scarce spec goes to the top grades first —
 * how scarce brands are rationed in practice. Pass the grade policy bases as weights to make limits follow
 * each grade's usual volume instead.
 */
export const LINEAR_GRADE_WEIGHTS: readonly number[] = Array.from({ length: GRADE_COUNT }, (_, i) => i + 1);

export interface LimitVectorProposalOptions {
  /** Relative size of a grade's limit: 30 integers ≥ 0, not decreasing, grade 30's positive. */
  weights?: readonly number[];
}

export interface LimitVectorProposal {
  vector: number[];
  plannedSupply: number;
  /** Σ limit × retailers of the grade: the most the vector lets through; never above the plan. */
  achievedSupply: number;
  shortfall: number;
  /** (achieved − plan) ÷ plan in basis points, rounded away from zero so it never understates; 0 for a plan of 0. */
  errorBp: number;
}

function requireGradeVector(values: readonly number[], name: string): void {
  if (values.length !== GRADE_COUNT) throw new RangeError(`${name} must have ${GRADE_COUNT} entries`);
  values.forEach((value, index) => requireCartons(value, `${name}[grade ${index + 1}]`));
}

function requireWeights(weights: readonly number[]): void {
  requireGradeVector(weights, 'weights');
  if (weights.some((weight, index) => index > 0 && weight < weights[index - 1])) {
    throw new RangeError('weights must not decrease with the grade');
  }
  if (weights[GRADE_COUNT - 1] === 0) throw new RangeError('the weight of grade 30 must be positive');
}

/**
 * Proposes a limit vector for a scarce spec whose Σ limit × retailers comes as close to the planned supply as
 * it can without exceeding it.
 * 1. Scale the weights: limit(g) = ⌊t × w(g) ÷ w(30)⌋ with the largest t that stays within the plan.
 *    Raising t by one adds at most one carton per retailer, so what is left is less than the retailer count.
 * 2. One pass from grade 30 down hands out what is left: +1 to a grade when it fits and keeps the order.
 * Only populated grades are sized; an empty grade gets the limit of the nearest populated grade below it
 * (0 if none), the least that keeps the vector monotone: nobody is there to use more.
 */
export function proposeLimitVector(
  plannedSupply: number,
  retailersPerGrade: readonly number[],
  { weights = LINEAR_GRADE_WEIGHTS }: LimitVectorProposalOptions = {},
): LimitVectorProposal {
  requireCartons(plannedSupply, 'plannedSupply');
  requireGradeVector(retailersPerGrade, 'retailersPerGrade');
  requireWeights(weights);

  // Grades that can receive anything: populated and with a positive weight (weight 0 means "none").
  const sized = retailersPerGrade.flatMap((retailers, index) =>
    retailers > 0 && weights[index] > 0
      ? [{ index, retailers: BigInt(retailers), weight: BigInt(weights[index]) }]
      : [],
  );
  const plan = BigInt(plannedSupply);
  const topWeight = BigInt(weights[GRADE_COUNT - 1]);
  const limitsAt = (t: bigint) => sized.map(({ weight }) => (t * weight) / topWeight);
  const supplyOf = (limits: bigint[]) =>
    limits.reduce((sum, limit, i) => sum + limit * sized[i].retailers, 0n);

  // supply(0) = 0 ≤ plan; supply((plan + 1) × w(30)) > plan as soon as one grade is sized.
  let [fits, exceeds] = [0n, (plan + 1n) * topWeight];
  while (sized.length > 0 && exceeds - fits > 1n) {
    const middle = (fits + exceeds) / 2n;
    if (supplyOf(limitsAt(middle)) <= plan) fits = middle;
    else exceeds = middle;
  }
  const limits = limitsAt(fits);
  let left = plan - supplyOf(limits);
  for (let i = sized.length - 1; i >= 0; i--) {
    const keepsOrder = i === sized.length - 1 || limits[i] + 1n <= limits[i + 1];
    if (keepsOrder && sized[i].retailers <= left) {
      limits[i] += 1n;
      left -= sized[i].retailers;
    }
  }

  const limitByIndex = new Map(sized.map(({ index }, i) => [index, Number(limits[i])]));
  const vector: number[] = [];
  for (let index = 0; index < GRADE_COUNT; index++) {
    vector.push(limitByIndex.get(index) ?? (index === 0 ? 0 : vector[index - 1]));
  }
  const shortfall = Number(left);
  return {
    vector,
    plannedSupply,
    achievedSupply: plannedSupply - shortfall,
    shortfall,
    errorBp: shortfall === 0 ? 0 : -mulDivCeil(shortfall, BASIS_POINTS, plannedSupply),
  };
}
