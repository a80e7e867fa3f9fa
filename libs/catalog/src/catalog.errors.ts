import { defineErrors } from '#libs/shared';

export const catalogError = defineErrors({
  BRAND_CODE_TAKEN: { status: 409, message: 'Another specification already has this code' },
  BRAND_PRICES_INCONSISTENT: {
    status: 400,
    message:
      'The retail guide price per carton must not be below the wholesale price, nor the pack price above the carton price',
  },
  KEY_BRANDS_TOO_MANY: { status: 400, message: 'The national key-brand list holds at most 20 brands' },
  KEY_BRAND_UNKNOWN: { status: 400, message: 'Some brands do not exist or are not active' },
  KEY_BRAND_ALREADY_NATIONAL: {
    status: 409,
    message: 'A national top-20 brand cannot also be designated as an equivalent',
  },
  KEY_BRAND_YEAR_CLOSED: { status: 409, message: 'Key-brand lists of past years are kept as they were' },
  FOCUS_TIER_INVALID: { status: 400, message: 'A focus tier ends below its start' },
});
