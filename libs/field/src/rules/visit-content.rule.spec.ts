import { describe, expect, it } from '@jest/globals';
import { type VisitContentProblem, type VisitKind, visitContentProblem } from './visit-content.rule.js';

describe('visitContentProblem', () => {
  it.each<[VisitKind, boolean, boolean, VisitContentProblem | null]>([
    ['guidance', true, false, null],
    ['guidance', false, false, 'VISIT_GUIDANCE_REQUIRED'],
    ['routine', false, false, null],
    ['routine', true, false, 'VISIT_GUIDANCE_NOT_ALLOWED'],
    ['onboarding', true, false, 'VISIT_GUIDANCE_NOT_ALLOWED'],
    ['big_account_inspection', false, true, null],
    ['big_account_inspection', false, false, 'VISIT_NOT_BIG_ACCOUNT'],
    ['big_account_inspection', true, true, 'VISIT_GUIDANCE_NOT_ALLOWED'],
    ['guidance', true, true, null], // big accounts get guidance too
  ])('%s, guidance %p, big account %p → %p', (kind, hasGuidance, retailerIsBigAccount, problem) => {
    expect(visitContentProblem({ kind, hasGuidance, retailerIsBigAccount })).toBe(problem);
  });
});
