import { Injectable } from '@nestjs/common';
import { type Actor, notFound, type Role, type Scope } from '#libs/shared';
import { StaffDirectory } from '#libs/auth';
import { OrgDirectory } from '#libs/org';

export interface ScopedTerritory {
  territoryId: number;
  departmentId: number;
  /** The territory's active account manager (null when it has none). */
  accountManagerId: number | null;
}

/**
 * The territories a field-work report covers: the caller's scope, narrowed to one account manager's or one
 * territory when asked. Naming an account manager or territory outside the scope answers 404.
 */
@Injectable()
export class FieldScope {
  constructor(
    private readonly org: OrgDirectory,
    private readonly staff: StaffDirectory,
  ) {}

  async territories(
    actor: Actor,
    filter: { accountManagerId?: number; territoryId?: number } = {},
  ): Promise<ScopedTerritory[]> {
    if (actor.scope.kind === 'retailer') return [];
    let visible = (await this.org.territories(actor)).map((t) => ({
      territoryId: t.id,
      departmentId: t.departmentId,
    }));
    if (filter.territoryId !== undefined) {
      visible = visible.filter((t) => t.territoryId === filter.territoryId);
      if (!visible.length) throw notFound('territory', filter.territoryId);
    }
    if (filter.accountManagerId !== undefined) {
      const [member] = await this.staff.membersOf([filter.accountManagerId]);
      const territoryId = member?.role === 'account_manager' ? member.orgUnitId : null;
      visible = visible.filter((t) => t.territoryId === territoryId);
      if (!visible.length) throw notFound('account manager', filter.accountManagerId);
      return visible.map((t) => ({ ...t, accountManagerId: filter.accountManagerId! }));
    }
    const managers = new Map(
      (await this.staff.accountManagersOf(visible.map((t) => t.territoryId))).map((m) => [
        m.orgUnitId,
        m.userId,
      ]),
    );
    return visible.map((t) => ({ ...t, accountManagerId: managers.get(t.territoryId) ?? null }));
  }
}

/** Who reads field work: the field roles and their supervisors (never retailers). */
export const FIELD_READERS: Role[] = [
  'admin',
  'department_head',
  'inspector',
  'market_manager',
  'account_manager',
];

/** Retailers never see field work: its notes and verdicts are the department's supervision records. */
export function fieldScope(actor: Actor): Scope {
  return actor.scope.kind === 'retailer' ? { kind: 'territories', territoryIds: [] } : actor.scope;
}
