import { describe, expect, it } from '@jest/globals';
import { checkVisitContent, type VisitContentRefusal, type VisitKind } from './visit-content.rule.js';

describe('checkVisitContent', () => {
  it.each<[VisitKind, boolean, boolean, VisitContentRefusal['code'] | null]>([
    ['guidance', true, false, null],
    ['guidance', false, false, 'VISIT_GUIDANCE_REQUIRED'],
    ['routine', false, false, null],
    ['routine', true, false, 'VISIT_GUIDANCE_NOT_ALLOWED'],
    ['onboarding', true, false, 'VISIT_GUIDANCE_NOT_ALLOWED'],
    ['big_account_inspection', false, true, null],
    ['big_account_inspection', false, false, 'VISIT_NOT_BIG_ACCOUNT'],
    ['big_account_inspection', true, true, 'VISIT_GUIDANCE_NOT_ALLOWED'],
    ['guidance', true, true, null], // big accounts get guidance too
  ])('%s, guidance %p, big account %p → %p', (kind, hasGuidance, retailerIsBigAccount, code) => {
    const outcome = checkVisitContent({ kind, hasGuidance, retailerIsBigAccount });
    if (code === null) expect(outcome.ok).toBe(true);
    else expect(outcome).toMatchObject({ ok: false, code, details: { kind } });
  });
});
