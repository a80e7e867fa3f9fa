import { defineErrors } from '#libs/shared';

/** Every failure field work and forecasting can answer, each with its HTTP status. */
export const fieldError = defineErrors({
  FIELD_TIME_IN_FUTURE: { status: 400, message: 'Field work cannot be recorded in the future' },
  FIELD_TIME_TOO_OLD: {
    status: 400,
    message: 'Field work can be recorded only a few days back (see the department’s field policy)',
  },
  FIELD_PERIOD_INVALID: { status: 400, message: 'The period is invalid: from must not be after to' },
  FIELD_PERIOD_NOT_STARTED: { status: 400, message: 'The period has not started yet' },
  FIELD_RETAILER_CLOSED: { status: 409, message: 'The retailer is closed' },
  FIELD_BRAND_UNKNOWN: { status: 400, message: 'Some brands do not exist' },
  FIELD_NO_TERRITORY: { status: 409, message: 'Your account is not placed in a territory' },
  FIELD_POLICY_INVALID: {
    status: 400,
    message: 'Big accounts must be visited at least as often as other retailers',
  },
  VISIT_GUIDANCE_REQUIRED: {
    status: 400,
    message: 'A guidance visit records what was advised (guidance.topics and guidance.advice)',
  },
  VISIT_GUIDANCE_NOT_ALLOWED: { status: 400, message: 'Only a guidance visit records guidance' },
  VISIT_NOT_BIG_ACCOUNT: { status: 409, message: 'A big-account inspection is made at a big account' },
  VISIT_NOT_GUIDANCE: { status: 409, message: 'Only guidance visits are checked' },
  VISIT_ALREADY_CHECKED: { status: 409, message: 'This guidance visit has already been checked' },
  VISIT_PHOTO_ALREADY_ADDED: { status: 409, message: 'This visit already has its shelf photo' },
  FORECAST_LOCKED: {
    status: 409,
    message: 'The month has started: its forecast is locked',
  },
  FORECAST_MONTH_TOO_FAR: { status: 400, message: 'Forecasts are made at most twelve months ahead' },
  FORECAST_MONTH_NOT_OVER: {
    status: 409,
    message: 'Forecast accuracy is measured after the month has ended',
  },
  FORECAST_ACTUALS_UNAVAILABLE: {
    status: 503,
    message: 'Actual volumes (approved, consolidated demand) are not available yet',
  },
});

export type FieldErrorCode = Parameters<typeof fieldError>[0];
