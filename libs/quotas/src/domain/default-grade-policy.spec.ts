import { describe, expect, it } from '@jest/globals';
import { defaultGradePolicy } from './default-grade-policy.js';
import { validateGradePolicy } from './grade-policy.rule.js';

describe('defaultGradePolicy', () => {
  it('is a valid policy growing with the grade from 4 to about 380 cartons', () => {
    const rows = defaultGradePolicy();
    expect(validateGradePolicy(rows).ok).toBe(true);
    expect(rows[0].baseMonthlyTotal).toBe(4);
    expect(rows[29].baseMonthlyTotal).toBe(380); // 4 × 1.17^29 = 379.97…
    for (let i = 1; i < rows.length; i++)
      expect(rows[i].baseMonthlyTotal).toBeGreaterThanOrEqual(rows[i - 1].baseMonthlyTotal);
  });
});
