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

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  department_head: '营销部负责人',
  market_manager: '市场经理',
  account_manager: '客户经理',
  retailer: '零售户',
  supply_clerk: '支点',
  enforcement_officer: '专卖管理员',
  delivery_staff: '送货员',
  inspector: '督察组',
};
