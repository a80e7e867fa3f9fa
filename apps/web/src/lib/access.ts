/**
 * What each role sees in the console: the API's roles (libs/shared ROLES) and, per page, who may open it.
 * It mirrors the API's route roles so nobody is shown a page whose requests would be refused; the API's own
 * checks stay the authority.
 */
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

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  department_head: '营销部负责人',
  market_manager: '市场经理',
  account_manager: '客户经理',
  retailer: '零售户',
  supply_clerk: '支点订货员',
  enforcement_officer: '专卖管理员',
  delivery_staff: '送货员',
  inspector: '督察组',
};

/** The console's pages and the roles that may open them. */
export const ACCESS = {
  amToday: ['account_manager'],
  retailerList: ['account_manager'],
  retailerCard: ['account_manager', 'retailer'],
  collectDemand: ['account_manager'],
  visits: ['account_manager'],
  forecasts: ['account_manager'],
  myKpis: ['account_manager'],
  outbox: ['account_manager', 'retailer', 'delivery_staff'],
  order: ['retailer'],
  confirmDemand: ['retailer'],
  orderHistory: ['retailer'],
  receipt: ['retailer'],
  deskHome: ['market_manager', 'supply_clerk', 'department_head', 'inspector', 'admin'],
  approvals: ['market_manager'],
  cycleBoard: ['market_manager', 'department_head', 'inspector', 'admin'],
  quotas: ['market_manager', 'department_head'],
  centerKpis: ['market_manager'],
  guidanceChecks: ['market_manager', 'department_head', 'inspector', 'admin'],
  staff: ['department_head', 'admin'],
  orderDays: ['department_head', 'admin'],
  anomalies: ['inspector', 'department_head', 'admin', 'market_manager'],
  audit: ['inspector', 'department_head', 'admin'],
  prohibitions: ['inspector', 'department_head', 'admin'],
  leadEscalations: ['inspector', 'department_head', 'admin'],
  supply: ['supply_clerk', 'admin'],
  monthClose: ['department_head', 'inspector', 'admin'],
  retailers: ['market_manager', 'department_head', 'admin'],
  retailerImport: ['department_head', 'admin'],
  officerLeads: ['enforcement_officer'],
  problems: ['account_manager', 'enforcement_officer', 'delivery_staff'],
  timeline: ['account_manager', 'enforcement_officer', 'delivery_staff'],
  deskProblems: ['market_manager', 'inspector', 'department_head', 'admin'],
  deskTimeline: ['market_manager', 'inspector', 'department_head', 'admin'],
  driverRun: ['delivery_staff'],
} as const satisfies Record<string, readonly Role[]>;

export type Page = keyof typeof ACCESS;

export function can(role: Role | undefined, page: Page): boolean {
  return role !== undefined && (ACCESS[page] as readonly Role[]).includes(role);
}

/** Where each role lands after login: the phone pages, or the desk (a wide screen). */
export const HOME: Record<Role, string> = {
  account_manager: '/am/today',
  retailer: '/shop/order',
  admin: '/desk',
  department_head: '/desk',
  market_manager: '/desk',
  supply_clerk: '/desk',
  inspector: '/desk',
  enforcement_officer: '/eo/leads',
  delivery_staff: '/dv/run',
};
