import { defineErrors } from '#libs/shared';

export const authError = defineErrors({
  INVALID_CREDENTIALS: { status: 401, message: 'Wrong username or password' },
  TOKEN_INVALID: { status: 401, message: 'The access token is invalid or expired' },
  ORIGIN_FORBIDDEN: {
    status: 403,
    message: 'A request made with the session cookie must come from this site',
  },
  CSRF_TOKEN_INVALID: {
    status: 403,
    message:
      'A change made with the session cookie needs the x-csrf-token header matching the csrf_token cookie',
  },
  TOO_MANY_ATTEMPTS: { status: 429, message: 'Too many failed logins; try again later' },
  PASSWORD_TOO_SHORT: { status: 400, message: 'The password must be at least 8 characters long' },
  PASSWORD_TOO_LONG: { status: 400, message: 'The password must be at most 128 characters long' },
  PASSWORD_EQUALS_USERNAME: { status: 400, message: 'The password must not be the username' },
  USERNAME_TAKEN: { status: 409, message: 'Another user already has this username' },
  USER_PLACEMENT_INVALID: { status: 400, message: 'This role cannot be placed in that org unit' },
  TERRITORY_HAS_ACCOUNT_MANAGER: {
    status: 409,
    message: 'The territory already has an active account manager',
  },
  RETAILER_USERS_MANAGED_BY_RETAILERS: {
    status: 400,
    message: 'Retailer accounts are created with their retailer',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message: 'Change the one-time password first (POST /api/auth/change-password)',
  },
  RETAILER_ACCOUNT_MISSING: { status: 409, message: 'This retailer has no self-service account' },
  USER_ROLE_NOT_MANAGED: {
    status: 403,
    message:
      'A department head manages market managers, supply clerks, account managers, officers and drivers only',
  },
  CANNOT_DISABLE_SELF: { status: 400, message: 'You cannot disable or demote your own account' },
});
