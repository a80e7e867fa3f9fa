/** Every role a user can have; one role per user. */
export const ROLES = [
  'admin',
  'department_head',
  'market_manager',
  'account_manager',
  'retailer',
  'supply_clerk',
  'enforcement_officer',
  'delivery_staff',
  'inspector',
] as const;

export type Role = (typeof ROLES)[number];

/** Staff roles (everyone but the retailer's own self-service account). */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'retailer');
