import { defineErrors } from '#libs/shared';

export const quotaError = defineErrors({
  QUOTA_FLOOR_FORBIDDEN: { status: 400, message: 'Quotas have a cap only, never a floor or minimum' },
  QUOTA_PER_BRAND_AGREEMENT_FORBIDDEN: { status: 400, message: 'Volumes are never agreed per specification' },
  QUOTA_FLOAT_OUT_OF_BAND: { status: 400, message: 'A float allowance is outside the band practice allows' },
  QUOTA_GRADE_POLICY_INVALID: { status: 400, message: 'The grade policy is invalid' },
  QUOTA_CAP_INVALID: { status: 400, message: 'A cap must be a whole number of cartons ≥ 0' },
  QUOTA_REBALANCE_DUPLICATE_RETAILER: { status: 400, message: 'A retailer is listed twice' },
  QUOTA_REBALANCE_UNKNOWN_RETAILER: {
    status: 400,
    message: 'A retailer has no quota for that month in your scope',
  },
  QUOTA_REBALANCE_SCOPE: {
    status: 400,
    message: 'A rebalance moves cap within one territory or one service center',
  },
  QUOTA_REBALANCE_TOTAL_CHANGED: { status: 409, message: 'A rebalance must keep the total of the caps' },
  QUOTA_BELOW_USED: { status: 409, message: 'A cap cannot go below what the retailer already ordered' },
  QUOTA_MONTH_CLOSED: { status: 409, message: 'That month is over; its quotas no longer change' },
  QUOTA_EXCEEDED: { status: 409, message: 'The demand exceeds what the quota allows in this cycle' },
  SCARCE_LIMIT_EXCEEDED: {
    status: 409,
    message: 'The demand exceeds the supply limit of a scarce specification',
  },
  SCARCE_LIMIT_VECTOR_INVALID: {
    status: 400,
    message: 'A limit vector must have 30 grades with D30 ≥ … ≥ D1',
  },
  SCARCE_BRAND_NOT_SCARCE: { status: 400, message: 'Supply limits apply to scarce specifications only' },
});
