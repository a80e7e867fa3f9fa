import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type OrgMove, OrgMoveParticipants } from '#libs/org';

/**
 * When territories change center or department (see OrgMoveParticipants): a retailer's place is current state,
 * so `retailers.service_center_id` / `department_id` follow the territory. The monthly big-account assessments
 * (`retailer_big_account_months`) are history: each records the month as it was assessed, and keeps its keys.
 */
@Injectable()
export class RetailersOrgMove implements OnModuleInit {
  constructor(private readonly participants: OrgMoveParticipants) {}

  onModuleInit(): void {
    this.participants.register({ name: 'retailers', apply: (manager, move) => this.apply(manager, move) });
  }

  private async apply(manager: EntityManager, move: OrgMove): Promise<Record<string, number>> {
    if (!move.territories.length) return {};
    const [, retailers]: [unknown, number] = await manager.query(
      `UPDATE retailers r SET service_center_id = t.service_center_id, department_id = t.department_id, updated_at = now()
         FROM org_units t
        WHERE t.id = r.territory_id AND r.territory_id = ANY($1::int[])
          AND (r.service_center_id, r.department_id) IS DISTINCT FROM (t.service_center_id, t.department_id)`,
      [move.territories.map((m) => m.territoryId)],
    );
    return { retailers };
  }
}
