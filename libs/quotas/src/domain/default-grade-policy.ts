import type { GradePolicyRow } from './grade-policy.rule.js';
import { GRADE_COUNT } from './retailer-class.js';

/**
 * The base monthly totals a department starts with before it sets its own: 4 cartons at grade 1, growing
 * 17 % a grade to ~380 at grade 30 — the spread of a typical county's grade bands. A starting point for a
 * retailer without history, never a minimum.
 */
export function defaultGradePolicy(): GradePolicyRow[] {
  return Array.from({ length: GRADE_COUNT }, (_, index) => ({
    grade: index + 1,
    scale: null,
    marketType: null,
    baseMonthlyTotal: Math.round(4 * 1.17 ** index),
  }));
}
