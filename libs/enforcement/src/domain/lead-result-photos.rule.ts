import { accept, type Outcome, type Refusal, refuse } from '#libs/kernel';

/** Photo evidence of a lead's result: at most this many photos (a few shots of the shop, enough to show it). */
export const LEAD_RESULT_PHOTOS_MAX = 3;

export type ResultPhotoRefusal = Refusal<
  'LEAD_RESULT_MISSING' | 'LEAD_NOT_VERIFIER' | 'LEAD_RESULT_PHOTOS_FULL',
  { readonly leadId: number; readonly photos: number }
>;

/**
 * Whether an officer may add one more photo to a lead's result: only once the result is recorded (the photos
 * back what it says), only the officer who recorded it, and no more than the maximum.
 */
export function checkResultPhoto(
  lead: { id: number; verifiedBy: number | null },
  officerId: number,
  photosSoFar: number,
): Outcome<void, ResultPhotoRefusal> {
  const details = { leadId: lead.id, photos: photosSoFar };
  if (lead.verifiedBy === null) return refuse('LEAD_RESULT_MISSING', 'The lead has no result yet', details);
  if (lead.verifiedBy !== officerId) {
    return refuse('LEAD_NOT_VERIFIER', 'Only the officer who recorded the result adds its photos', details);
  }
  if (photosSoFar >= LEAD_RESULT_PHOTOS_MAX) {
    return refuse(
      'LEAD_RESULT_PHOTOS_FULL',
      `A result has at most ${LEAD_RESULT_PHOTOS_MAX} photos`,
      details,
    );
  }
  return accept(undefined);
}
