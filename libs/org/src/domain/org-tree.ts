/** The kinds of unit in the org tree and where each may hang. */
export const ORG_UNIT_TYPES = [
  'company',
  'department',
  'service_center',
  'territory',
  'supply_point',
  'squad',
  'route',
] as const;

export type OrgUnitType = (typeof ORG_UNIT_TYPES)[number];

export const ORG_UNIT_LABELS: Record<OrgUnitType, string> = {
  company: '公司',
  department: '县营销部',
  service_center: '客户服务部',
  territory: '片区',
  supply_point: '支点',
  squad: '专卖检查队',
  route: '送货线路',
};

/** company → department → service center → territory; supply points and routes belong to a center, squads to a department. */
const PARENT_TYPE: Record<OrgUnitType, OrgUnitType | null> = {
  company: null,
  department: 'company',
  service_center: 'department',
  territory: 'service_center',
  supply_point: 'service_center',
  route: 'service_center',
  squad: 'department',
};

export function expectedParentType(type: OrgUnitType): OrgUnitType | null {
  return PARENT_TYPE[type];
}

export type PlacementProblem =
  | { code: 'ORG_PARENT_REQUIRED'; expected: OrgUnitType }
  | { code: 'ORG_PARENT_NOT_ALLOWED' }
  | { code: 'ORG_PARENT_TYPE_MISMATCH'; expected: OrgUnitType; actual: OrgUnitType };

/** Whether a unit of `type` may hang under a parent of `parentType` (null: no parent). */
export function checkPlacement(type: OrgUnitType, parentType: OrgUnitType | null): PlacementProblem | null {
  const expected = PARENT_TYPE[type];
  if (expected === null) return parentType === null ? null : { code: 'ORG_PARENT_NOT_ALLOWED' };
  if (parentType === null) return { code: 'ORG_PARENT_REQUIRED', expected };
  return parentType === expected ? null : { code: 'ORG_PARENT_TYPE_MISMATCH', expected, actual: parentType };
}

/** Where a user of each role sits in the tree; its scope follows from it. */
export const ROLE_PLACEMENT = {
  admin: ['company'],
  department_head: ['department'],
  inspector: ['department'],
  market_manager: ['service_center'],
  supply_clerk: ['supply_point'],
  account_manager: ['territory'],
  enforcement_officer: ['squad'],
  delivery_staff: ['route'],
  retailer: ['territory'],
} as const satisfies Record<string, readonly OrgUnitType[]>;

export function placementAllowed(role: keyof typeof ROLE_PLACEMENT, unitType: OrgUnitType | null): boolean {
  if (unitType === null) return role === 'admin';
  return (ROLE_PLACEMENT[role] as readonly OrgUnitType[]).includes(unitType);
}
