import type { Role } from './roles.js';

/**
 * What the caller may see, resolved once per request from its role and place in the org tree:
 * everything (admin), a set of territories, or a single retailer (the retailer's own account).
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'territories'; territoryIds: number[] }
  | { kind: 'retailer'; retailerId: number; territoryId: number };

/** The authenticated caller, passed explicitly from controllers to services. */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  orgUnitId: number | null;
  /** The department the caller belongs to (null for company-level admins). */
  departmentId: number | null;
  retailerId: number | null;
  scope: Scope;
  requestId: string;
  /** The user must change a password someone else set before doing anything else. */
  mustChangePassword?: boolean;
}

export function isInScope(scope: Scope, territoryId: number, retailerId?: number): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'territories':
      return scope.territoryIds.includes(territoryId);
    case 'retailer':
      return retailerId !== undefined && scope.retailerId === retailerId;
  }
}

/**
 * The SQL condition restricting rows to the caller's scope, for query builders:
 * `qb.andWhere(...scopeCondition(actor.scope, 'r.territory_id', 'r.id'))`.
 * Without a retailer column, a retailer account sees nothing.
 */
export function scopeCondition(
  scope: Scope,
  territoryColumn: string,
  retailerColumn?: string,
): [string, Record<string, unknown>] {
  switch (scope.kind) {
    case 'all':
      return ['TRUE', {}];
    case 'territories':
      return [`${territoryColumn} = ANY(:scopeTerritoryIds)`, { scopeTerritoryIds: scope.territoryIds }];
    case 'retailer':
      return retailerColumn
        ? [`${retailerColumn} = :scopeRetailerId`, { scopeRetailerId: scope.retailerId }]
        : ['FALSE', {}];
  }
}

/**
 * Like `scopeCondition`, for rows that belong to a territory as a whole (order cycles, schedules): a
 * retailer account sees those of its own territory.
 */
export function territoryScopeCondition(
  scope: Scope,
  territoryColumn: string,
): [string, Record<string, unknown>] {
  return scope.kind === 'retailer'
    ? [`${territoryColumn} = :scopeTerritoryId`, { scopeTerritoryId: scope.territoryId }]
    : scopeCondition(scope, territoryColumn);
}
