import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type OrgMove, OrgMoveParticipants } from '#libs/org';

/**
 * When territories change department (see OrgMoveParticipants): the quotas of the current and future months are
 * current state and take the territory's new `department_id` (cap, reservations and use unchanged: the cap was
 * set for the month; the next monthly recompute applies the new department's policy). Quotas of past months
 * are history: they record the month as it was run and keep their department.
 */
@Injectable()
export class QuotasOrgMove implements OnModuleInit {
  constructor(private readonly participants: OrgMoveParticipants) {}

  onModuleInit(): void {
    this.participants.register({ name: 'quotas', apply: (manager, move) => this.apply(manager, move) });
  }

  private async apply(manager: EntityManager, move: OrgMove): Promise<Record<string, number>> {
    if (!move.territories.length) return {};
    const [, retailerQuotas]: [unknown, number] = await manager.query(
      `UPDATE retailer_quotas q SET department_id = t.department_id, updated_at = now()
         FROM org_units t
        WHERE t.id = q.territory_id AND q.territory_id = ANY($1::int[])
          AND q.month >= date_trunc('month', $2::date)::date
          AND q.department_id IS DISTINCT FROM t.department_id`,
      [move.territories.map((m) => m.territoryId), move.today],
    );
    return { retailer_quotas: retailerQuotas };
  }
}
