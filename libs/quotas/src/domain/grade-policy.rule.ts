import { accept, refuse, type Outcome, type Refusal } from '#libs/kernel';
import {
  GRADE_COUNT,
  isGrade,
  type BusinessScale,
  type MarketType,
  type RetailerClass,
} from './retailer-class.js';

/**
 * One row of a grade policy: the base monthly total for a grade, optionally narrowed to a scale and/or a
 * market type (null = any). The base is where a retailer with no history starts; it is never a minimum.
 */
export interface GradePolicyRow {
  grade: number;
  scale: BusinessScale | null;
  marketType: MarketType | null;
  baseMonthlyTotal: number;
}

export type GradePolicyProblem =
  | { reason: 'grade_out_of_range'; grade: number }
  | { reason: 'base_not_cartons'; grade: number; baseMonthlyTotal: number }
  | { reason: 'duplicate_row'; grade: number; scale: BusinessScale | null; marketType: MarketType | null }
  | { reason: 'grade_without_general_row'; grade: number };

export type GradePolicyRefusal = Refusal<'QUOTA_GRADE_POLICY_INVALID', GradePolicyProblem>;

function rowKey(row: Pick<GradePolicyRow, 'grade' | 'scale' | 'marketType'>): string {
  return `${row.grade}/${row.scale ?? '*'}/${row.marketType ?? '*'}`;
}

/**
 * A policy is usable when every grade 1–30 has a general row (scale and market type null), so that the lookup
 * always finds a base, and no combination appears twice.
 */
export function validateGradePolicy(
  rows: readonly GradePolicyRow[],
): Outcome<readonly GradePolicyRow[], GradePolicyRefusal> {
  const invalid = (problem: GradePolicyProblem) =>
    refuse('QUOTA_GRADE_POLICY_INVALID', `The grade policy is invalid: ${problem.reason}`, problem);
  const seen = new Set<string>();
  for (const row of rows) {
    if (!isGrade(row.grade)) return invalid({ reason: 'grade_out_of_range', grade: row.grade });
    if (!Number.isSafeInteger(row.baseMonthlyTotal) || row.baseMonthlyTotal < 0) {
      return invalid({
        reason: 'base_not_cartons',
        grade: row.grade,
        baseMonthlyTotal: row.baseMonthlyTotal,
      });
    }
    const key = rowKey(row);
    if (seen.has(key)) {
      return invalid({
        reason: 'duplicate_row',
        grade: row.grade,
        scale: row.scale,
        marketType: row.marketType,
      });
    }
    seen.add(key);
  }
  for (let grade = 1; grade <= GRADE_COUNT; grade++) {
    if (!seen.has(rowKey({ grade, scale: null, marketType: null }))) {
      return invalid({ reason: 'grade_without_general_row', grade });
    }
  }
  return accept(rows);
}

/**
 * The most specific matching row wins: scale and market type, then scale only, then market type only, then
 * the general row. Scale outranks market type because the float allowance is keyed on scale too, so a
 * scale-specific base keeps the two consistent.
 */
const SPECIFICITY: ReadonlyArray<(retailer: RetailerClass) => Pick<GradePolicyRow, 'scale' | 'marketType'>> =
  [
    (retailer) => ({ scale: retailer.scale, marketType: retailer.marketType }),
    (retailer) => ({ scale: retailer.scale, marketType: null }),
    (retailer) => ({ scale: null, marketType: retailer.marketType }),
    () => ({ scale: null, marketType: null }),
  ];

export interface PolicyBase {
  baseMonthlyTotal: number;
  /** The row that applied, for the quota explanation. */
  row: GradePolicyRow;
}

/** Finds the base monthly total of a retailer. */
export type PolicyBaseLookup = (retailer: RetailerClass) => PolicyBase;

/**
 * Indexes a validated policy once, so a monthly run over every retailer does one map probe per rule level.
 * The lookup throws if the policy has a gap (validateGradePolicy rules that out).
 */
export function createPolicyBaseLookup(rows: readonly GradePolicyRow[]): PolicyBaseLookup {
  const byKey = new Map(rows.map((row) => [rowKey(row), row]));
  return (retailer) => {
    for (const narrow of SPECIFICITY) {
      const row = byKey.get(rowKey({ grade: retailer.grade, ...narrow(retailer) }));
      if (row) return { baseMonthlyTotal: row.baseMonthlyTotal, row };
    }
    throw new RangeError(`the grade policy has no row for grade ${retailer.grade}`);
  };
}
