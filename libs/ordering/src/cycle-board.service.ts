import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { mondayOf } from '#libs/kernel';
import { type Actor, isInScope, notFound } from '#libs/shared';
import { OrderCyclesService } from './order-cycles.service.js';
import type { CycleBoard, CycleBoardRow, WaitingRetailer } from './dto/cycle-board.dto.js';

/** Demand that holds the retailer's place in its cycle (the states of the one-live-demand index). */
const LIVE = `('submitted','pending_confirmation','pending_approval','approved','ordered')`;

/**
 * A week's cycles at a glance, for those who follow the account managers' work: per territory and its account
 * manager, the window and where each active retailer stands (its own demand, collected demand by step, an
 * explicit no-demand, or nothing yet), and, per cycle, the retailers who still need a call.
 */
@Injectable()
export class CycleBoardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cycles: OrderCyclesService,
  ) {}

  async board(actor: Actor, date: string = this.cycles.today()): Promise<CycleBoard> {
    const weekStart = mondayOf(date);
    const cycles: CycleBoardRow[] = await this.dataSource.query(
      `SELECT c.id AS "cycleId", c.territory_id AS "territoryId", t.name AS "territoryName",
              u.id AS "accountManagerId", u.display_name AS "accountManagerName",
              c.order_date::text AS "orderDate", c.opens_at AS "opensAt", c.cutoff_at AS "cutoffAt", c.status,
              r.retailers, d.submitted, d.pending_confirmation AS "pendingConfirmation",
              d.pending_approval AS "pendingApproval", d.approved, n.no_demand AS "noDemand",
              greatest(r.retailers - d.live - n.no_demand, 0) AS "nothingYet"
         FROM order_cycles c
         JOIN org_units t ON t.id = c.territory_id
         LEFT JOIN users u ON u.org_unit_id = c.territory_id AND u.role = 'account_manager' AND u.status = 'active'
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS retailers FROM retailers r WHERE r.territory_id = c.territory_id AND r.status = 'active') r
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE channel = 'self' AND status IN ('submitted','ordered'))::int AS submitted,
                  count(*) FILTER (WHERE channel = 'collected' AND status = 'pending_confirmation')::int AS pending_confirmation,
                  count(*) FILTER (WHERE channel = 'collected' AND status = 'pending_approval')::int AS pending_approval,
                  count(*) FILTER (WHERE channel = 'collected' AND status IN ('approved','ordered'))::int AS approved,
                  count(*)::int AS live
             FROM demands WHERE cycle_id = c.id AND status IN ${LIVE}) d
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS no_demand FROM no_demand_records WHERE cycle_id = c.id AND territory_id = c.territory_id) n
        WHERE c.order_week = $1 AND c.status <> 'cancelled'
          AND ($2::int[] IS NULL OR c.territory_id = ANY($2))
        ORDER BY c.order_date, t.code`,
      [weekStart, actor.scope.kind === 'territories' ? actor.scope.territoryIds : null],
    );
    return { weekStart, cycles };
  }

  /**
   * The cycle's active retailers with neither a live demand nor a no-demand record: who still needs a call,
   * each with the latest call made to it since the window opened.
   */
  async waiting(actor: Actor, cycleId: number): Promise<WaitingRetailer[]> {
    const [cycle]: Array<{ territory_id: number }> = await this.dataSource.query(
      'SELECT territory_id FROM order_cycles WHERE id = $1',
      [cycleId],
    );
    if (!cycle || actor.scope.kind === 'retailer' || !isInScope(actor.scope, cycle.territory_id))
      throw notFound('order cycle', cycleId);
    return this.dataSource.query(
      `SELECT r.id, r.shop_name AS "shopName", r.license_no AS "licenseNo", r.owner_name AS "ownerName", r.phone,
              k.called_at AS "calledAt"
         FROM order_cycles c
         JOIN retailers r ON r.territory_id = c.territory_id AND r.status = 'active'
         LEFT JOIN LATERAL (
           SELECT max(called_at) AS called_at FROM calls
            WHERE retailer_id = r.id AND called_at >= c.opens_at) k ON TRUE
        WHERE c.id = $1
          AND NOT EXISTS (SELECT 1 FROM demands d WHERE d.cycle_id = c.id AND d.retailer_id = r.id AND d.status IN ${LIVE})
          AND NOT EXISTS (SELECT 1 FROM no_demand_records n WHERE n.cycle_id = c.id AND n.retailer_id = r.id)
        ORDER BY k.called_at NULLS FIRST, r.shop_name`,
      [cycleId],
    );
  }
}
