import { defineErrors } from '#libs/shared';

export const orderingError = defineErrors({
  REPORT_RANGE_INVALID: {
    status: 400,
    message: 'Give both ends of the date range, the first not after the last, at most maxDays days apart',
  },
  CYCLE_CLOSED: { status: 409, message: 'No order cycle of this retailer is open now' },
  CYCLE_CONSOLIDATED: {
    status: 409,
    message:
      'The cycle’s unified order has been made: collected demand can no longer join it (collect it in the next cycle)',
  },
  CYCLE_INVALID_TRANSITION: { status: 409, message: 'The order cycle cannot do that in its current state' },
  CYCLE_WINDOW_INVALID: {
    status: 400,
    message: 'A cycle opens before it cuts off, and cuts off on its order day',
  },
  CYCLE_DATE_TAKEN: { status: 409, message: 'The territory already has a cycle on that order date' },
  CYCLE_WEEK_TAKEN: {
    status: 409,
    message: 'The territory already has its cycle for that order week: move it instead of adding another',
  },
  CYCLE_WINDOW_OVERLAP: {
    status: 409,
    message: 'A cycle opens after the previous cycle cuts off and cuts off before the next one opens',
  },
  RETAILER_SUSPENDED: { status: 409, message: 'The retailer is not active' },
  RETAILER_LICENSE_EXPIRED: { status: 409, message: 'The retailer’s licence is no longer valid' },
  DEMAND_ALREADY_EXISTS: { status: 409, message: 'The retailer already has a demand in this cycle' },
  NO_DEMAND_HAS_DEMAND: {
    status: 409,
    message: 'The retailer has demand in this cycle: withdraw it before recording that it needs nothing',
  },
  DEMAND_INVALID_TRANSITION: { status: 409, message: 'The demand cannot do that in its current state' },
  DEMAND_CHANNEL_NOT_ALLOWED: { status: 403, message: 'Your role cannot submit demand on this channel' },
  DEMAND_NOT_EDITABLE: { status: 403, message: 'Only the retailer may change its own demand' },
  BRAND_UNKNOWN: { status: 400, message: 'A specification does not exist' },
  BRAND_INACTIVE: { status: 400, message: 'A specification is not on sale' },
  CONFIRMATION_CODE_INVALID: { status: 400, message: 'The confirmation code is wrong, used or expired' },
  SUPPLY_RATIO_INVALID: {
    status: 400,
    message: 'Supply ratios apply to price classes IV and V, between 1 and 10000 bp',
  },
});
