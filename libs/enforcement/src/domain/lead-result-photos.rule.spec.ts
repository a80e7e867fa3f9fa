import { describe, expect, it } from '@jest/globals';
import { checkResultPhoto, LEAD_RESULT_PHOTOS_MAX } from './lead-result-photos.rule.js';

/** The refusal's code, or null when the photo may be added. */
const refusal = (verifiedBy: number | null, officerId: number, photos: number) => {
  const outcome = checkResultPhoto({ id: 5, verifiedBy }, officerId, photos);
  return outcome.ok ? null : outcome.code;
};

describe('photos of a lead’s result', () => {
  it('needs the result first', () => {
    expect(refusal(null, 7, 0)).toBe('LEAD_RESULT_MISSING');
  });

  it('takes them only from the officer who recorded the result', () => {
    expect(refusal(8, 7, 0)).toBe('LEAD_NOT_VERIFIER');
    expect(refusal(7, 7, 0)).toBeNull();
  });

  it('takes up to the maximum, not one more', () => {
    expect(LEAD_RESULT_PHOTOS_MAX).toBe(3);
    expect(refusal(7, 7, LEAD_RESULT_PHOTOS_MAX - 1)).toBeNull();
    expect(refusal(7, 7, LEAD_RESULT_PHOTOS_MAX)).toBe('LEAD_RESULT_PHOTOS_FULL');
  });

  it('says which lead and how many photos it has', () => {
    expect(checkResultPhoto({ id: 5, verifiedBy: 7 }, 7, 3)).toMatchObject({
      details: { leadId: 5, photos: 3 },
    });
  });
});
