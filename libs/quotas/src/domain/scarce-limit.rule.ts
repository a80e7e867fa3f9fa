import { GRADE_COUNT, type MarketType, type RetailerClass } from './retailer-class.js';

/**
 * Per-retailer supply limits 限量 of one scarce spec in one cycle, by grade: index 0 is grade 1, index 29 is
 * grade 30, and D30 ≥ D29 ≥ … ≥ D1. A limit caps what a retailer may order; it never obliges it to order.
 */
export type LimitVector = readonly number[];

/** The limits of a spec and cycle: one vector for everyone, optionally replaced for a market type. */
export interface ScarceLimits {
  common: LimitVector;
  byMarketType?: Partial<Record<MarketType, LimitVector>>;
}

export type LimitVectorProblem =
  | { reason: 'wrong_length'; length: number }
  | { reason: 'not_cartons'; grade: number; limit: number }
  /** `grade` allows more than the grade above it. */
  | { reason: 'not_monotone'; grade: number; limit: number; higherGrade: number; higherLimit: number };

/** The first problem of a vector, walking down from grade 30 as the rule D30 ≥ D29 ≥ … ≥ D1 reads. */
export function findLimitVectorProblem(vector: LimitVector): LimitVectorProblem | undefined {
  if (vector.length !== GRADE_COUNT) return { reason: 'wrong_length', length: vector.length };
  for (let grade = GRADE_COUNT; grade >= 1; grade--) {
    const limit = vector[grade - 1];
    if (!Number.isSafeInteger(limit) || limit < 0) return { reason: 'not_cartons', grade, limit };
    const higherLimit = vector[grade];
    if (grade < GRADE_COUNT && limit > higherLimit) {
      return { reason: 'not_monotone', grade, limit, higherGrade: grade + 1, higherLimit };
    }
  }
  return undefined;
}

/** The limit that applies to a retailer: its market type's vector when there is one, else the common one. */
export function scarceLimitFor(
  limits: ScarceLimits,
  retailer: Pick<RetailerClass, 'grade' | 'marketType'>,
): number {
  const vector = limits.byMarketType?.[retailer.marketType] ?? limits.common;
  const limit = vector[retailer.grade - 1];
  if (limit === undefined) throw new RangeError(`no limit for grade ${retailer.grade}`);
  return limit;
}

/** One stored limit vector of a spec and week: for every market type (`null`) or for one. */
export interface LimitVectorRow {
  marketType: MarketType | null;
  limits: LimitVector;
}

/**
 * The limit a retailer has for one spec from the spec's stored vectors of the week: its market type's vector
 * replaces the common one; `undefined` when neither applies to it (no limit published for it).
 */
export function scarceLimitOf(
  rows: readonly LimitVectorRow[],
  retailer: Pick<RetailerClass, 'grade' | 'marketType'>,
): number | undefined {
  const common = rows.find((row) => row.marketType === null)?.limits;
  const own = rows.find((row) => row.marketType === retailer.marketType)?.limits;
  if (!common && !own) return undefined;
  return scarceLimitFor(
    { common: common ?? own!, byMarketType: own ? { [retailer.marketType]: own } : {} },
    retailer,
  );
}
