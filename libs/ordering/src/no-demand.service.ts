import { Injectable } from '@nestjs/common';
import { type Actor, Clock, isInScope, notFound, TransactionRunner } from '#libs/shared';
import { AuditService } from '#libs/audit';
import { RetailerDirectory } from '#libs/retailers';
import { OrderCyclesService } from './order-cycles.service.js';
import type { NoDemandView } from './ordering-reports.service.js';
import { orderingError } from './ordering.errors.js';

/**
 * 无需求处理 before the cutoff: the account manager called the retailer, which needs nothing this cycle, and
 * says so now rather than leaving it to the cutoff (the retailer drops off the list of whom to call). The
 * retailer may still order until the cutoff: its demand replaces the record.
 */
@Injectable()
export class NoDemandService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly retailers: RetailerDirectory,
    private readonly cycles: OrderCyclesService,
    private readonly clock: Clock,
  ) {}

  /** Records the retailer's no-demand in its open cycle; recording it twice keeps the first. */
  async record(actor: Actor, retailerId: number): Promise<NoDemandView> {
    const retailer = await this.retailers.facts(retailerId);
    if (!retailer || !isInScope(actor.scope, retailer.territoryId, retailer.id)) {
      throw notFound('retailer', retailerId);
    }
    return this.transactions.run(async (manager) => {
      const context = await this.cycles.cycleContext(
        manager,
        { territoryId: retailer.territoryId, now: this.clock.now() },
        retailer.id,
      );
      if (!context) throw orderingError('CYCLE_CLOSED', { territoryId: retailer.territoryId });
      const { cycle } = context;
      if (context.hasLiveDemand) throw orderingError('NO_DEMAND_HAS_DEMAND', { cycleId: cycle.id });
      const inserted: unknown[] = await manager.query(
        `INSERT INTO no_demand_records (cycle_id, retailer_id, territory_id, department_id)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
        [cycle.id, retailer.id, retailer.territoryId, retailer.departmentId],
      );
      if (inserted.length) {
        await this.audit.record(manager, actor, {
          action: 'no_demand.record',
          entityType: 'no_demand_record',
          entityId: `${cycle.id}:${retailer.id}`,
          after: { cycleId: cycle.id, retailerId: retailer.id },
          departmentId: retailer.departmentId,
        });
      }
      const [row]: NoDemandView[] = await manager.query(
        `SELECT cycle_id AS "cycleId", retailer_id AS "retailerId", territory_id AS "territoryId", recorded_at AS "recordedAt"
           FROM no_demand_records WHERE cycle_id = $1 AND retailer_id = $2`,
        [cycle.id, retailer.id],
      );
      return row;
    });
  }
}
