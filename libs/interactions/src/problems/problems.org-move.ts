import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type OrgMove, OrgMoveParticipants } from '#libs/org';
import { caseStatesAllowing } from '../domain/index.js';

/**
 * When territories change center or department (see OrgMoveParticipants): a problem still waiting for its
 * answer is current state and goes to the new center's market manager (and department's inspectors); an
 * answered or closed one is history and keeps the keys it was handled under.
 */
@Injectable()
export class ProblemsOrgMove implements OnModuleInit {
  constructor(private readonly participants: OrgMoveParticipants) {}

  onModuleInit(): void {
    this.participants.register({ name: 'interactions', apply: (manager, move) => this.apply(manager, move) });
  }

  private async apply(manager: EntityManager, move: OrgMove): Promise<Record<string, number>> {
    if (!move.territories.length) return {};
    const [, problems]: [unknown, number] = await manager.query(
      `UPDATE problems p SET service_center_id = t.service_center_id, department_id = t.department_id, updated_at = now()
         FROM org_units t
        WHERE t.id = p.territory_id AND p.territory_id = ANY($1::int[]) AND p.status = ANY($2::text[])
          AND (p.service_center_id, p.department_id) IS DISTINCT FROM (t.service_center_id, t.department_id)`,
      [move.territories.map((m) => m.territoryId), caseStatesAllowing('answer')],
    );
    return { problems };
  }
}
