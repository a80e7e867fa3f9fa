import { defineErrors } from '#libs/shared';

export const retailersError = defineErrors({
  RETAILER_LICENSE_NO_INVALID: {
    status: 400,
    message: 'The licence number must be digits of the configured length',
  },
  RETAILER_LICENSE_NO_TAKEN: { status: 409, message: 'Another retailer already has this licence number' },
  RETAILER_USERNAME_TAKEN: {
    status: 409,
    message: 'The licence number is already the username of another account',
  },
  RETAILER_TERRITORY_INVALID: {
    status: 400,
    message: 'The territory must be an active territory in your scope',
  },
  RETAILER_DISTRICT_TYPE_UNKNOWN: { status: 400, message: 'Unknown or retired business-district type' },
  RETAILER_LICENSE_DATES_INVALID: {
    status: 400,
    message: 'The licence cannot expire before it becomes valid',
  },
  RETAILER_GRADE_LOCKED: {
    status: 400,
    message:
      'The grade of the current period is locked: request a change with POST /api/retailers/:id/grade-changes (it takes effect next period)',
  },
  RETAILER_GRADE_UNCHANGED: {
    status: 409,
    message: 'The retailer already has this grade for the next period',
  },
  RETAILER_FIELDS_NOT_EDITABLE: { status: 403, message: 'Your role may not change these fields' },
  RETAILER_STATUS_NOT_EDITABLE_HERE: {
    status: 400,
    message: 'Change the status with POST /api/retailers/:id/status (it needs a reason)',
  },
  RETAILER_BIG_ACCOUNT_NOT_EDITABLE_HERE: {
    status: 400,
    message: 'The big-account flag is computed; overrule it with PUT /api/retailers/:id/big-account-override',
  },
  RETAILER_CLOSED: { status: 409, message: 'The retailer is closed: reopen it first' },
  RETAILER_STATUS_UNCHANGED: { status: 409, message: 'The retailer already has this status' },
  RETAILER_STATUS_TRANSITION_FORBIDDEN: { status: 409, message: 'This status change is not allowed' },
  RETAILER_STATUS_REASON_REQUIRED: { status: 400, message: 'A status change needs a reason' },
  BIG_ACCOUNT_OVERRIDE_REASON_REQUIRED: {
    status: 400,
    message: 'Overruling the big-account flag needs a reason',
  },
  DISTRICT_TYPE_CODE_TAKEN: {
    status: 409,
    message: 'A business-district type with this code or name exists',
  },
});
