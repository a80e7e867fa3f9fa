import { defineErrors } from '#libs/shared';

export const enforcementError = defineErrors({
  LEAD_TRANSITION_FORBIDDEN: { status: 409, message: 'The lead cannot do that in its current state' },
  LEAD_NO_SQUAD: { status: 409, message: 'No enforcement squad covers this territory' },
  LEAD_TERRITORY_REQUIRED: { status: 400, message: 'Name the territory the lead is about' },
  LEAD_TERRITORY_MISMATCH: { status: 400, message: 'The retailer is not in the territory named' },
  LEAD_ALREADY_REPORTED: { status: 409, message: 'This anomaly has already been turned into a lead' },
  LEAD_NOT_YOUR_SQUAD: { status: 403, message: 'Only an officer of the lead’s squad may do this' },
  LEAD_NOT_REPORTER: { status: 403, message: 'Only the lead’s reporter may close it' },
  LEAD_OFFICER_INVALID: { status: 400, message: 'The officer named is not an active officer of the squad' },
  LEAD_ACTION_DUE_INVALID: { status: 400, message: 'The new due time must be in the future' },
  LEAD_RESULT_MISSING: { status: 409, message: 'Record the lead’s result before adding its photos' },
  LEAD_NOT_VERIFIER: { status: 403, message: 'Only the officer who recorded the result may add its photos' },
  LEAD_RESULT_PHOTOS_FULL: { status: 409, message: 'The result already has its maximum of photos' },
  LEAD_POLICY_INVALID: {
    status: 400,
    message: 'Deadlines are whole days from 1 to 90, important no longer than normal',
  },
});
