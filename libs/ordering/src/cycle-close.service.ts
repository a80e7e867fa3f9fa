import { orThrow } from '#libs/kernel';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, isInScope, JobRunner, notFound, type Actor } from '#libs/shared';
import { AuditService, type AuditActor } from '#libs/audit';
import { type BrandFacts, BrandDirectory } from '#libs/catalog';
import { OrgDirectory } from '#libs/org';
import { RetailerDirectory } from '#libs/retailers';
import { QuotaLedger } from '#libs/quotas';
import { allocateByLargestRemainder, demandStatesAllowing, transitionOrderCycle } from './domain/index.js';
import { OrderCycle, SupplyRatio } from './ordering.entity.js';
import { effectiveCycleState } from './order-cycles.service.js';
import { orderingError } from './ordering.errors.js';

export interface CutoffSummary {
  cycleId: number;
  noDemand: number;
}

export interface ConsolidationSummary {
  cycleIds: number[];
  orderLines: number;
  supplyOrderLines: number;
  demands: number;
  /** Collected demand still unapproved when the unified order was made. */
  expired: number;
}

/** Demand that is ordered at consolidation: the retailer's own, and collected demand once approved. */
const ORDERABLE = [...demandStatesAllowing('self', 'order'), ...demandStatesAllowing('collected', 'order')];
/** Collected demand that may still be approved until the unified order (rule 6), and expires there if not. */
const AWAITING = demandStatesAllowing('collected', 'expire');

/**
 * Closes cycles: the cutoff (retailers without live demand get an explicit no-demand record) and the next
 * day's unified order (approved demand consolidated per supply point and spec, and per retailer into order
 * lines; collected demand not approved by then expires, gives its quota back and leaves a no-demand record). Each runs in one transaction under JobRunner:
 * a rerun changes nothing, a crash half-way leaves nothing half-done.
 */
@Injectable()
export class CycleCloseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobRunner,
    private readonly audit: AuditService,
    private readonly ledger: QuotaLedger,
    private readonly retailers: RetailerDirectory,
    private readonly brands: BrandDirectory,
    private readonly org: OrgDirectory,
    private readonly clock: Clock,
  ) {}

  /** Cuts off every cycle whose cutoff time has passed. */
  async cutoffDue(now: Date = this.clock.now()): Promise<CutoffSummary[]> {
    const due: Array<{ id: number }> = await this.dataSource.query(
      `SELECT id FROM order_cycles WHERE status IN ('scheduled', 'open') AND cutoff_at <= $1 ORDER BY cutoff_at, id`,
      [now],
    );
    const summaries: CutoffSummary[] = [];
    for (const { id } of due) {
      const outcome = await this.jobs.runOnce('cycle-cutoff', String(id), (manager) =>
        this.cutoff(manager, id, 'system'),
      );
      if (outcome.status === 'ran') summaries.push(outcome.result);
    }
    return summaries;
  }

  /** An admin cuts a cycle off now (its cutoff time moves to now). */
  async cutoffNow(actor: Actor, cycleId: number): Promise<CutoffSummary> {
    const outcome = await this.jobs.runOnce('cycle-cutoff', String(cycleId), (manager) =>
      this.cutoff(manager, cycleId, actor),
    );
    if (outcome.status === 'locked')
      throw orderingError('CYCLE_INVALID_TRANSITION', { cycleId }, 'The cycle is being cut off right now');
    return outcome.status === 'ran' ? outcome.result : (outcome.result as CutoffSummary);
  }

  /**
   * Order days before `today` with cycles neither cut off nor closed yet (the cut-off job has not reached them):
   * their day's unified order waits for them.
   */
  async awaitingCutoff(today: string): Promise<Array<{ orderDate: string; cycles: number }>> {
    return this.dataSource.query(
      `SELECT to_char(order_date, 'YYYY-MM-DD') AS "orderDate", count(*)::int AS cycles FROM order_cycles
        WHERE status IN ('scheduled', 'open') AND order_date < $1 GROUP BY order_date ORDER BY order_date`,
      [today],
    );
  }

  /**
   * Consolidates the cycles cut off before `today` (the scheduled run, the day after the order day), once per
   * order day: a day is consolidated only when all its cycles are cut off, since a day consolidated without
   * one of them would never be consolidated again (see `awaitingCutoff`).
   */
  async consolidateDue(today: string): Promise<ConsolidationSummary[]> {
    const dates: Array<{ order_date: string }> = await this.dataSource.query(
      `SELECT to_char(order_date, 'YYYY-MM-DD') AS order_date FROM order_cycles
        WHERE status IN ('scheduled', 'open', 'cut_off') AND order_date < $1
        GROUP BY order_date HAVING bool_and(status = 'cut_off') ORDER BY 1`,
      [today],
    );
    const summaries: ConsolidationSummary[] = [];
    for (const { order_date } of dates) {
      const outcome = await this.jobs.runOnce('consolidation', order_date, async (manager) => {
        const cycles: Array<{ id: number }> = await manager.query(
          `SELECT id FROM order_cycles WHERE status = 'cut_off' AND order_date = $1`,
          [order_date],
        );
        return this.consolidate(
          manager,
          cycles.map((c) => c.id),
          'system',
        );
      });
      if (outcome.status === 'ran') summaries.push(outcome.result);
    }
    return summaries;
  }

  /**
   * Consolidates one cycle now (an admin or the supply point of the cycle's center), cutting it off first if its
   * time has come. Another center's cycle is not found.
   */
  async consolidateNow(actor: Actor, cycleId: number): Promise<ConsolidationSummary> {
    const cycle = await this.dataSource.manager.findOneBy(OrderCycle, { id: cycleId });
    if (!cycle || !isInScope(actor.scope, cycle.territoryId)) throw notFound('order cycle', cycleId);
    if (cycle.status !== 'cut_off' && cycle.status !== 'consolidated') {
      throw orderingError(
        'CYCLE_INVALID_TRANSITION',
        { status: cycle.status, event: 'consolidate' },
        'Only a cut-off cycle can be consolidated',
      );
    }
    const outcome = await this.jobs.runOnce('consolidation-cycle', String(cycleId), (manager) =>
      this.consolidate(manager, [cycleId], actor),
    );
    if (outcome.status === 'locked')
      throw orderingError(
        'CYCLE_INVALID_TRANSITION',
        { cycleId },
        'The cycle is being consolidated right now',
      );
    return outcome.status === 'ran' ? outcome.result : (outcome.result as ConsolidationSummary);
  }

  private async cutoff(manager: EntityManager, cycleId: number, actor: AuditActor): Promise<CutoffSummary> {
    // The exclusive lock waits for submissions in flight (they hold a shared lock) and stops new ones.
    const cycle = await manager.findOne(OrderCycle, {
      where: { id: cycleId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!cycle) throw notFound('order cycle', cycleId);
    const now = this.clock.now();
    const next = orThrow(transitionOrderCycle(effectiveCycleState(cycle, now), 'cut_off'), orderingError);

    const retailerIds = await this.retailers.activeIdsInTerritories([cycle.territoryId], manager);
    const noDemand: unknown[] = await manager.query(
      `INSERT INTO no_demand_records (cycle_id, retailer_id, territory_id, department_id)
       SELECT $1, r.id, $3, $4 FROM unnest($2::int[]) AS r(id)
        WHERE NOT EXISTS (SELECT 1 FROM demands d WHERE d.cycle_id = $1 AND d.retailer_id = r.id AND d.status = ANY($5))
       ON CONFLICT DO NOTHING RETURNING retailer_id`,
      [cycleId, retailerIds, cycle.territoryId, cycle.departmentId, [...ORDERABLE, ...AWAITING]],
    );
    await manager.update(OrderCycle, cycleId, {
      status: next,
      cutoffAt: cycle.cutoffAt > now ? now : cycle.cutoffAt,
    });
    const summary = { cycleId, noDemand: noDemand.length };
    await this.audit.record(manager, actor, {
      action: 'order_cycle.cutoff',
      entityType: 'order_cycle',
      entityId: cycleId,
      after: summary,
      departmentId: cycle.departmentId,
    });
    return summary;
  }

  /**
   * The unified order, set-based: order lines per retailer and spec (class IV/V specs under a supply ratio
   * get their largest-remainder share), supply order lines per supply point and spec, demand marked ordered,
   * reservations settled into quota use.
   */
  private async consolidate(
    manager: EntityManager,
    cycleIds: number[],
    actor: AuditActor,
  ): Promise<ConsolidationSummary> {
    const cycles = await manager
      .createQueryBuilder(OrderCycle, 'c')
      .setLock('pessimistic_write')
      .where('c.id = ANY(:cycleIds)', { cycleIds })
      .orderBy('c.id')
      .getMany();
    const ready = cycles.filter((cycle) => transitionOrderCycle(cycle.status, 'consolidate').ok);
    const ids = ready.map((cycle) => cycle.id);
    if (!ids.length) return { cycleIds: [], orderLines: 0, supplyOrderLines: 0, demands: 0, expired: 0 };
    const expired = await this.expireUnapproved(manager, ready);

    const supplyPoints = await this.org.supplyPointsByCenter(
      [...new Set(ready.map((c) => c.serviceCenterId))],
      manager,
    );
    const brands = await this.brandsOrdered(manager, ids);
    const allocations = await this.rationedAllocations(manager, ids, supplyPoints, brands);
    const orderLines: unknown[] = await manager.query(
      `INSERT INTO order_lines (cycle_id, demand_id, retailer_id, territory_id, service_center_id, department_id, supply_point_id,
                                brand_id, order_date, requested, ordered, supply_ratio_bp, price_fen, amount_fen)
       SELECT d.cycle_id, d.id, d.retailer_id, d.territory_id, d.service_center_id, d.department_id, sp.supply_point_id,
              l.brand_id, c.order_date, l.cartons, COALESCE(a.allocated, l.cartons), a.ratio_bp, b.wholesale_price_fen,
              COALESCE(a.allocated, l.cartons)::bigint * b.wholesale_price_fen
         FROM demands d
         JOIN order_cycles c ON c.id = d.cycle_id
         JOIN demand_lines l ON l.demand_id = d.id
         JOIN jsonb_to_recordset($5::jsonb) AS b(id int, wholesale_price_fen int) ON b.id = l.brand_id
         JOIN jsonb_to_recordset($3::jsonb) AS sp(service_center_id int, supply_point_id int) ON sp.service_center_id = d.service_center_id
         LEFT JOIN jsonb_to_recordset($4::jsonb) AS a(demand_id int, brand_id int, allocated int, ratio_bp int)
           ON a.demand_id = d.id AND a.brand_id = l.brand_id
        WHERE d.cycle_id = ANY($1) AND d.status = ANY($2)
       RETURNING id`,
      [
        ids,
        ORDERABLE,
        JSON.stringify(
          [...supplyPoints].map(([center, point]) => ({ service_center_id: center, supply_point_id: point })),
        ),
        JSON.stringify(allocations),
        JSON.stringify(brands.map((b) => ({ id: b.id, wholesale_price_fen: b.wholesalePriceFen }))),
      ],
    );
    await manager.query(
      `INSERT INTO supply_orders (supply_point_id, service_center_id, department_id, order_date)
       SELECT DISTINCT supply_point_id, service_center_id, department_id, order_date FROM order_lines WHERE cycle_id = ANY($1)
       ON CONFLICT (supply_point_id, order_date) DO NOTHING`,
      [ids],
    );
    const supplyLines: unknown[] = await manager.query(
      `INSERT INTO supply_order_lines (supply_order_id, brand_id, requested, cartons)
       SELECT so.id, ol.brand_id, sum(ol.requested), sum(ol.ordered)
         FROM order_lines ol JOIN supply_orders so ON so.supply_point_id = ol.supply_point_id AND so.order_date = ol.order_date
        WHERE ol.cycle_id = ANY($1)
        GROUP BY so.id, ol.brand_id
       ON CONFLICT (supply_order_id, brand_id) DO UPDATE
         SET requested = supply_order_lines.requested + EXCLUDED.requested, cartons = supply_order_lines.cartons + EXCLUDED.cartons
       RETURNING brand_id`,
      [ids],
    );
    const [demands]: [unknown[], number] = await manager.query(
      `UPDATE demands SET status = 'ordered', updated_at = now() WHERE cycle_id = ANY($1) AND status = ANY($2) RETURNING id`,
      [ids, ORDERABLE],
    );
    const settlements: Array<{ retailer_id: number; month: string; reserved: number; ordered: number }> =
      await manager.query(
        `SELECT retailer_id, to_char(order_date, 'YYYY-MM') AS month, sum(requested)::int AS reserved, sum(ordered)::int AS ordered
         FROM order_lines WHERE cycle_id = ANY($1) GROUP BY retailer_id, order_date`,
        [ids],
      );
    await this.ledger.settle(
      manager,
      settlements.map((s) => ({
        retailerId: s.retailer_id,
        month: s.month,
        reserved: s.reserved,
        ordered: s.ordered,
      })),
    );
    await manager.query(
      `UPDATE order_cycles SET status = 'consolidated', updated_at = now() WHERE id = ANY($1)`,
      [ids],
    );
    const summary = {
      cycleIds: ids,
      orderLines: orderLines.length,
      supplyOrderLines: supplyLines.length,
      demands: demands.length,
      expired,
    };
    await this.audit.record(
      manager,
      actor,
      ...ready.map((cycle) => ({
        action: 'order_cycle.consolidate',
        entityType: 'order_cycle',
        entityId: cycle.id,
        after: summary,
        departmentId: cycle.departmentId,
      })),
    );
    return summary;
  }

  /**
   * Collected demand a market manager has not approved by the unified order expires: its quota goes back and
   * the retailer gets its no-demand record for the cycle. Returns how many expired.
   */
  private async expireUnapproved(manager: EntityManager, cycles: OrderCycle[]): Promise<number> {
    const [expired]: [
      Array<{
        cycle_id: number;
        retailer_id: number;
        territory_id: number;
        department_id: number;
        total_cartons: number;
      }>,
      number,
    ] = await manager.query(
      `UPDATE demands SET status = 'expired', updated_at = now()
        WHERE cycle_id = ANY($1) AND channel = 'collected' AND status = ANY($2)
        RETURNING cycle_id, retailer_id, territory_id, department_id, total_cartons`,
      [cycles.map((c) => c.id), AWAITING],
    );
    if (!expired.length) return 0;
    const monthOf = new Map(cycles.map((c) => [c.id, c.orderDate.slice(0, 7)]));
    await this.ledger.releaseMany(
      manager,
      expired.map((row) => ({
        retailerId: row.retailer_id,
        month: monthOf.get(row.cycle_id)!,
        cartons: row.total_cartons,
      })),
    );
    await manager.query(
      `INSERT INTO no_demand_records (cycle_id, retailer_id, territory_id, department_id)
       SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[]) ON CONFLICT DO NOTHING`,
      [
        expired.map((row) => row.cycle_id),
        expired.map((row) => row.retailer_id),
        expired.map((row) => row.territory_id),
        expired.map((row) => row.department_id),
      ],
    );
    return expired.length;
  }

  /** The specs demanded in the cycles, with their price and class (from the catalogue). */
  private async brandsOrdered(manager: EntityManager, cycleIds: number[]): Promise<BrandFacts[]> {
    const rows: Array<{ brand_id: number }> = await manager.query(
      `SELECT DISTINCT l.brand_id FROM demands d JOIN demand_lines l ON l.demand_id = d.id WHERE d.cycle_id = ANY($1) AND d.status = ANY($2)`,
      [cycleIds, ORDERABLE],
    );
    return this.brands.factsOf(
      rows.map((row) => row.brand_id),
      manager,
    );
  }

  /**
   * 稍紧平衡: for price classes with a supply ratio below 100 %, each supply point's demand for a spec is cut to
   * ⌊Σ ask × ratio⌋ and shared out by largest remainder (the pure rule), never above what a retailer asked.
   */
  private async rationedAllocations(
    manager: EntityManager,
    cycleIds: number[],
    supplyPoints: Map<number, number>,
    brands: BrandFacts[],
  ): Promise<Array<{ demand_id: number; brand_id: number; allocated: number; ratio_bp: number }>> {
    const ratios: SupplyRatio[] = await manager.query(
      `SELECT DISTINCT r.department_id AS "departmentId", r.price_class AS "priceClass", r.ratio_bp AS "ratioBp"
         FROM supply_ratios r JOIN order_cycles c ON c.department_id = r.department_id
        WHERE c.id = ANY($1) AND r.ratio_bp < 10000`,
      [cycleIds],
    );
    if (!ratios.length) return [];
    const rationedClasses = new Set(ratios.map((r) => r.priceClass));
    const rationedBrands = brands.filter((b) => rationedClasses.has(b.priceClass));
    if (!rationedBrands.length) return [];
    const asks: Array<{
      demand_id: number;
      brand_id: number;
      service_center_id: number;
      department_id: number;
      cartons: number;
    }> = await manager.query(
      `SELECT d.id AS demand_id, l.brand_id, d.service_center_id, d.department_id, l.cartons
         FROM demands d JOIN demand_lines l ON l.demand_id = d.id
        WHERE d.cycle_id = ANY($1) AND d.status = ANY($2) AND l.brand_id = ANY($3)`,
      [cycleIds, ORDERABLE, rationedBrands.map((b) => b.id)],
    );
    const classOf = new Map(rationedBrands.map((b) => [b.id, b.priceClass]));
    const groups = new Map<string, typeof asks>();
    for (const ask of asks) {
      const key = `${supplyPoints.get(ask.service_center_id)}:${ask.brand_id}`;
      const group = groups.get(key);
      if (group) group.push(ask);
      else groups.set(key, [ask]);
    }
    return [...groups.values()].flatMap((group) => {
      const ratio = ratios.find(
        (r) => r.departmentId === group[0].department_id && r.priceClass === classOf.get(group[0].brand_id),
      );
      if (!ratio) return [];
      const { allocations } = allocateByLargestRemainder(
        group.map((ask) => ({ key: String(ask.demand_id), ask: ask.cartons })),
        { supplyRatioBp: ratio.ratioBp },
      );
      return allocations.map((a) => ({
        demand_id: Number(a.key),
        brand_id: group[0].brand_id,
        allocated: a.allocated,
        // Kept on the order line, so the retailer's outcome says why it got less, whatever the ratio is later.
        ratio_bp: ratio.ratioBp,
      }));
    });
  }
}
