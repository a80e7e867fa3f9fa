import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type OrgMove, OrgMoveParticipants } from '#libs/org';
import { leadStatesAwaitingResult } from './domain/index.js';

/** Leads without a verification result yet: still being worked on, so they follow the tree. */
const OPEN = leadStatesAwaitingResult();

/**
 * When territories change center or department (see OrgMoveParticipants): an open lead (no result yet) is
 * current state and takes the territory's new center and department, so the new department's inspectors get it
 * if it escalates and its department-wide lists show it. A lead with a result (`verified`, `closed`) is history:
 * it counts in the verification and authenticity rates of the place it was worked in, and keeps its keys.
 * `squad_id` is not touched: a move does not change a territory's squad, and the squad a lead was routed to keeps
 * working it (re-routing a territory is setting its squad).
 */
@Injectable()
export class EnforcementOrgMove implements OnModuleInit {
  constructor(private readonly participants: OrgMoveParticipants) {}

  onModuleInit(): void {
    this.participants.register({ name: 'enforcement', apply: (manager, move) => this.apply(manager, move) });
  }

  private async apply(manager: EntityManager, move: OrgMove): Promise<Record<string, number>> {
    if (!move.territories.length) return {};
    const [, leads]: [unknown, number] = await manager.query(
      `UPDATE leads l SET service_center_id = t.service_center_id, department_id = t.department_id, updated_at = now()
         FROM org_units t
        WHERE t.id = l.territory_id AND l.territory_id = ANY($1::int[]) AND l.status = ANY($2::text[])
          AND (l.service_center_id, l.department_id) IS DISTINCT FROM (t.service_center_id, t.department_id)`,
      [move.territories.map((m) => m.territoryId), OPEN],
    );
    return { leads };
  }
}
