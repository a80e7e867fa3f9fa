/** Photo evidence of a lead's result: at most this many photos (a few shots of the shop, enough to show it). */
export const LEAD_RESULT_PHOTOS_MAX = 3;

export type ResultPhotoRefusal = 'LEAD_RESULT_MISSING' | 'LEAD_NOT_VERIFIER' | 'LEAD_RESULT_PHOTOS_FULL';

/**
 * Whether an officer may add one more photo to a lead's result: only once the result is recorded (the photos
 * back what it says), only the officer who recorded it, and no more than the maximum.
 */
export function resultPhotoRefusal(
  lead: { verifiedBy: number | null },
  officerId: number,
  photosSoFar: number,
): ResultPhotoRefusal | null {
  if (lead.verifiedBy === null) return 'LEAD_RESULT_MISSING';
  if (lead.verifiedBy !== officerId) return 'LEAD_NOT_VERIFIER';
  if (photosSoFar >= LEAD_RESULT_PHOTOS_MAX) return 'LEAD_RESULT_PHOTOS_FULL';
  return null;
}
