import { describe, expect, it } from '@jest/globals';
import { LEAD_RESULT_PHOTOS_MAX, resultPhotoRefusal } from './lead-result-photos.rule.js';

describe('photos of a lead’s result', () => {
  it('needs the result first', () => {
    expect(resultPhotoRefusal({ verifiedBy: null }, 7, 0)).toBe('LEAD_RESULT_MISSING');
  });

  it('takes them only from the officer who recorded the result', () => {
    expect(resultPhotoRefusal({ verifiedBy: 8 }, 7, 0)).toBe('LEAD_NOT_VERIFIER');
    expect(resultPhotoRefusal({ verifiedBy: 7 }, 7, 0)).toBeNull();
  });

  it('takes up to the maximum, not one more', () => {
    expect(LEAD_RESULT_PHOTOS_MAX).toBe(3);
    expect(resultPhotoRefusal({ verifiedBy: 7 }, 7, LEAD_RESULT_PHOTOS_MAX - 1)).toBeNull();
    expect(resultPhotoRefusal({ verifiedBy: 7 }, 7, LEAD_RESULT_PHOTOS_MAX)).toBe('LEAD_RESULT_PHOTOS_FULL');
  });
});
