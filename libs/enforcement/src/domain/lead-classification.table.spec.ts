import { describe, expect, it } from '@jest/globals';
import { LEAD_KIND_LABELS, LEAD_KINDS, VERIFICATION_RESULT_LABELS } from './lead-classification.table.js';

describe('lead code tables', () => {
  it('labels the verification results as the source does', () => {
    expect(VERIFICATION_RESULT_LABELS).toEqual({
      confirmed: '属实',
      unfounded: '不实',
      unverifiable: '无法查实',
    });
  });

  it('labels every lead kind, each differently', () => {
    const labels = LEAD_KINDS.map((kind) => LEAD_KIND_LABELS[kind]);
    expect(new Set(labels).size).toBe(LEAD_KINDS.length);
  });
});
