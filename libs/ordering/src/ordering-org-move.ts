import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type OrgMove, type OrgMoveBlocker, OrgMoveParticipants } from '#libs/org';

/** Cycles whose window has not been cut off: their demand is still being collected, so they follow the tree. */
const LIVE = ['scheduled', 'open'];

/**
 * When territories change center or department (see OrgMoveParticipants):
 * - a cycle still `scheduled` or `open` is current state: it, every demand in it (whatever its status) and any
 *   no-demand record in it take the territory's new center and department, so the new center's market manager
 *   approves its collected demand and its consolidation goes to the new center's supply point and the new
 *   department's supply ratios (consolidation reads these keys);
 * - a `consolidated` (or `cancelled`) cycle is history, with its demands, no-demand records, order lines and
 *   supply orders: they keep the center, department and supply point they were ordered under;
 * - a `cut_off` cycle awaits the next-day unified order of its old supply point: its demand is final and the
 *   old center's supply point is preparing it. Moving it would order it from a supply point that never saw it,
 *   under another department's supply ratios, and leaving it would split the territory's live cycles between
 *   two centers, so the move is refused (`order_cycle_cut_off`) until it has been consolidated.
 * The cycles examined are locked, so a cutoff cannot slip in between the check and the re-keying (the cutoff
 * job locks its cycle too, and reads the new keys once the move commits).
 */
@Injectable()
export class OrderingOrgMove implements OnModuleInit {
  constructor(private readonly participants: OrgMoveParticipants) {}

  onModuleInit(): void {
    this.participants.register({
      name: 'ordering',
      blockers: (manager, move) => this.blockers(manager, move),
      apply: (manager, move) => this.apply(manager, move),
    });
  }

  private async blockers(manager: EntityManager, move: OrgMove): Promise<OrgMoveBlocker[]> {
    if (!move.territories.length) return [];
    const rows: Array<{ id: number; status: string }> = await manager.query(
      `SELECT id, status FROM order_cycles
        WHERE territory_id = ANY($1::int[]) AND status IN ('scheduled', 'open', 'cut_off')
        ORDER BY id FOR UPDATE`,
      [move.territories.map((m) => m.territoryId)],
    );
    const cutOff = rows.filter((row) => row.status === 'cut_off').map((row) => row.id);
    return cutOff.length ? [{ participant: 'ordering', reason: 'order_cycle_cut_off', ids: cutOff }] : [];
  }

  private async apply(manager: EntityManager, move: OrgMove): Promise<Record<string, number>> {
    if (!move.territories.length) return {};
    const territoryIds = move.territories.map((m) => m.territoryId);
    const [, demands]: [unknown, number] = await manager.query(
      `UPDATE demands d SET service_center_id = t.service_center_id, department_id = t.department_id, updated_at = now()
         FROM order_cycles c JOIN org_units t ON t.id = c.territory_id
        WHERE c.id = d.cycle_id AND c.territory_id = ANY($1::int[]) AND c.status = ANY($2::text[])
          AND (d.service_center_id, d.department_id) IS DISTINCT FROM (t.service_center_id, t.department_id)`,
      [territoryIds, LIVE],
    );
    const [, noDemandRecords]: [unknown, number] = await manager.query(
      `UPDATE no_demand_records n SET department_id = t.department_id
         FROM order_cycles c JOIN org_units t ON t.id = c.territory_id
        WHERE c.id = n.cycle_id AND c.territory_id = ANY($1::int[]) AND c.status = ANY($2::text[])
          AND n.department_id IS DISTINCT FROM t.department_id`,
      [territoryIds, LIVE],
    );
    const [, orderCycles]: [unknown, number] = await manager.query(
      `UPDATE order_cycles c SET service_center_id = t.service_center_id, department_id = t.department_id, updated_at = now()
         FROM org_units t
        WHERE t.id = c.territory_id AND c.territory_id = ANY($1::int[]) AND c.status = ANY($2::text[])
          AND (c.service_center_id, c.department_id) IS DISTINCT FROM (t.service_center_id, t.department_id)`,
      [territoryIds, LIVE],
    );
    return { order_cycles: orderCycles, demands, no_demand_records: noDemandRecords };
  }
}
