import type { EntityManager } from 'typeorm';
import type { Actor } from '#libs/shared';
import type { CaseState, ProblemKind, ThreeRole } from '../domain/index.js';

/** A problem with the names a person reads beside it (the shop, who raised it, who answered). */
export interface ProblemRow {
  id: number;
  kind: ProblemKind;
  aboutRole: ThreeRole;
  description: string;
  retailerId: number;
  shopName: string;
  territoryId: number;
  serviceCenterId: number;
  departmentId: number;
  raisedBy: number;
  raiserName: string;
  raiserRole: ThreeRole;
  raisedAt: Date;
  deadlineAt: Date;
  status: CaseState;
  answer: string | null;
  answeredBy: number | null;
  answererName: string | null;
  answeredAt: Date | null;
  escalatedAt: Date | null;
  closedAt: Date | null;
}

const COLUMNS = `p.id, p.kind, p.about_role AS "aboutRole", p.description, p.retailer_id AS "retailerId",
  r.shop_name AS "shopName", p.territory_id AS "territoryId", p.service_center_id AS "serviceCenterId",
  p.department_id AS "departmentId", p.raised_by AS "raisedBy", ru.display_name AS "raiserName",
  p.raiser_role AS "raiserRole", p.raised_at AS "raisedAt", p.deadline_at AS "deadlineAt", p.status, p.answer,
  p.answered_by AS "answeredBy", au.display_name AS "answererName", p.answered_at AS "answeredAt",
  p.escalated_at AS "escalatedAt", p.closed_at AS "closedAt"`;

const FROM = `problems p JOIN retailers r ON r.id = p.retailer_id JOIN users ru ON ru.id = p.raised_by
  LEFT JOIN users au ON au.id = p.answered_by`;

/**
 * Who sees which problems, as one indexed comparison: the three roles the ones they raised, a market manager
 * its center's, inspectors and the department head their department's, an admin all. `$1` is the value.
 */
export function problemScope(actor: Actor): { condition: string; value: number } {
  switch (actor.role) {
    case 'admin':
      return { condition: '$1::int IS NOT NULL', value: 0 };
    case 'department_head':
    case 'inspector':
      return { condition: 'p.department_id = $1', value: actor.departmentId ?? -1 };
    case 'market_manager':
      return { condition: 'p.service_center_id = $1', value: actor.orgUnitId ?? -1 };
    default:
      return { condition: 'p.raised_by = $1', value: actor.userId };
  }
}

export interface ProblemFilter {
  status?: CaseState;
  /** Only these states (the ones still waiting for an answer, say). */
  states?: CaseState[];
  retailerId?: number;
  limit: number;
  offset: number;
}

/** A page of the problems in the caller's scope, newest first, with the count of all that match. */
export async function problemPage(
  manager: EntityManager,
  actor: Actor,
  filter: ProblemFilter,
): Promise<{ rows: ProblemRow[]; total: number }> {
  const scope = problemScope(actor);
  const rows: Array<ProblemRow & { total: number }> = await manager.query(
    `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM ${FROM}
      WHERE ${scope.condition}
        AND ($2::text IS NULL OR p.status = $2)
        AND ($3::text[] IS NULL OR p.status = ANY($3))
        AND ($4::int IS NULL OR p.retailer_id = $4)
      ORDER BY p.raised_at DESC, p.id DESC
      LIMIT $5 OFFSET $6`,
    [
      scope.value,
      filter.status ?? null,
      filter.states ?? null,
      filter.retailerId ?? null,
      filter.limit,
      filter.offset,
    ],
  );
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/** One problem in the caller's scope (none: out of scope or absent, alike). */
export async function problemInScope(
  manager: EntityManager,
  actor: Actor,
  id: number,
): Promise<ProblemRow | undefined> {
  const scope = problemScope(actor);
  const [row]: ProblemRow[] = await manager.query(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${scope.condition} AND p.id = $2`,
    [scope.value, id],
  );
  return row;
}

/** What the escalation job did to one problem. */
export interface EscalatedRow {
  id: number;
  departmentId: number;
  fromStatus: CaseState;
  deadlineAt: Date;
}

/**
 * Escalates, in one statement, the problems in `states` (those the lifecycle lets escalate) whose deadline is
 * before `now`: their rows are locked and changed together, and what each was before is returned for the audit.
 */
export async function escalateOverdueProblems(
  manager: EntityManager,
  states: CaseState[],
  to: CaseState,
  now: Date,
): Promise<EscalatedRow[]> {
  // An UPDATE answers [rows, count] through TypeORM's PostgreSQL driver.
  const [rows]: [EscalatedRow[], number] = await manager.query(
    `WITH due AS (
       SELECT id, status FROM problems WHERE status = ANY($1::text[]) AND deadline_at < $3 ORDER BY id FOR UPDATE
     )
     UPDATE problems p SET status = $2, escalated_at = $3, updated_at = now()
       FROM due WHERE p.id = due.id
     RETURNING p.id, p.department_id AS "departmentId", due.status AS "fromStatus", p.deadline_at AS "deadlineAt"`,
    [states, to, now],
  );
  return rows;
}
