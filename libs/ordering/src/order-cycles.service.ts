import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  preparedQuery,
  APP_CONFIG,
  type AppConfig,
  Clock,
  isInScope,
  notFound,
  type Page,
  pageOf,
  pageOffset,
  territoryScopeCondition,
  TransactionRunner,
} from '#libs/shared';
import { businessDate, mondayOf, orThrow } from '#libs/kernel';
import { AuditService } from '#libs/audit';
import { OrgDirectory } from '#libs/org';
import {
  cyclePositionInMonth,
  type CyclePosition,
  cycleWindow,
  type CycleWindow,
  DEFAULT_CYCLE_TIMES,
  transitionOrderCycle,
  type OrderCycleEvent,
  windowConflict,
} from './domain/index.js';
import { CyclePlanner, GENERATION_WEEKS } from './cycle-planner.service.js';
import { OrderCycle, TerritoryOrderSchedule } from './ordering.entity.js';
import { orderingError } from './ordering.errors.js';
import type { CreateCycleDto, CycleQuery, OrderScheduleDto, UpdateCycleDto } from './dto/ordering.dto.js';

/** A scheduled cycle whose window has opened is open, whether or not the minute job has marked it yet. */
export function effectiveCycleState(
  cycle: Pick<OrderCycle, 'status' | 'opensAt'>,
  now: Date,
): OrderCycle['status'] {
  return cycle.status === 'scheduled' && cycle.opensAt <= now ? 'open' : cycle.status;
}

export interface CycleContext {
  cycle: OrderCycle;
  position: CyclePosition;
  hasLiveDemand: boolean;
}

@Injectable()
export class OrderCyclesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgDirectory,
    private readonly planner: CyclePlanner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  today(): string {
    return businessDate(this.clock.now(), this.config.timeZone);
  }

  async list(actor: Actor, query: CycleQuery): Promise<Page<OrderCycle>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(OrderCycle, 'c')
      .where(...territoryScopeCondition(actor.scope, 'c.territory_id'))
      .orderBy('c.order_date', 'DESC')
      .addOrderBy('c.territory_id');
    if (query.territoryId) qb.andWhere('c.territory_id = :territoryId', { territoryId: query.territoryId });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.from) qb.andWhere('c.order_date >= :from', { from: query.from });
    if (query.to) qb.andWhere('c.order_date <= :to', { to: query.to });
    const [items, total] = await qb.skip(pageOffset(query)).take(query.pageSize).getManyAndCount();
    return pageOf(items, total, query);
  }

  async get(actor: Actor, id: number, manager: EntityManager = this.dataSource.manager): Promise<OrderCycle> {
    const cycle = await manager
      .createQueryBuilder(OrderCycle, 'c')
      .where('c.id = :id', { id })
      .andWhere(...territoryScopeCondition(actor.scope, 'c.territory_id'))
      .getOne();
    if (!cycle) throw notFound('order cycle', id);
    return cycle;
  }

  /**
   * An admin adds a territory's cycle by hand for a week that has none yet (beyond the generated weeks), or
   * brings back a week whose cycle was cancelled (the week's cycle takes the new dates). A week has one cycle.
   */
  async create(actor: Actor, dto: CreateCycleDto): Promise<OrderCycle> {
    const [territory] = await this.org.territoriesByIds([dto.territoryId]);
    if (!territory) throw notFound('territory', dto.territoryId);
    this.assertWindow(dto.orderDate, dto.opensAt, dto.cutoffAt);
    const orderWeek = mondayOf(dto.orderDate);
    return this.transactions.run(async (manager) => {
      const existing = await manager.findOne(OrderCycle, {
        where: { territoryId: territory.id, orderWeek },
        lock: { mode: 'pessimistic_write' },
      });
      if (existing && existing.status !== 'cancelled') {
        throw orderingError('CYCLE_WEEK_TAKEN', {
          territoryId: territory.id,
          orderWeek,
          cycleId: existing.id,
        });
      }
      await this.assertDateFree(manager, territory.id, dto.orderDate);
      await this.assertFitsBetweenNeighbours(manager, territory.id, orderWeek, dto);
      const before = existing ? { ...existing } : null;
      const cycle = manager.merge(OrderCycle, existing ?? manager.create(OrderCycle), {
        territoryId: territory.id,
        serviceCenterId: territory.serviceCenterId!,
        departmentId: territory.departmentId!,
        orderWeek,
        orderDate: dto.orderDate,
        opensAt: dto.opensAt,
        cutoffAt: dto.cutoffAt,
        status: 'scheduled',
        placedBy: 'hand',
      });
      await manager.save(cycle);
      await this.audit.record(manager, actor, {
        action: 'order_cycle.create',
        entityType: 'order_cycle',
        entityId: cycle.id,
        before,
        after: { ...cycle },
        departmentId: cycle.departmentId,
      });
      return cycle;
    });
  }

  /**
   * Moves or cancels a cycle that has not opened yet, by hand: its dates change, never its week. A new order
   * date alone takes the window the territory's schedule gives that day; the window must fit between the
   * neighbouring cycles'. The calendar leaves a cycle placed by hand alone from then on.
   */
  async update(actor: Actor, id: number, dto: UpdateCycleDto): Promise<OrderCycle> {
    return this.transactions.run(async (manager) => {
      const cycle = await manager.findOne(OrderCycle, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!cycle) throw notFound('order cycle', id);
      const before = { ...cycle };
      const event: OrderCycleEvent = dto.status === 'cancelled' ? 'cancel' : 'reschedule';
      const next = orThrow(
        transitionOrderCycle(effectiveCycleState(cycle, this.clock.now()), event),
        orderingError,
      );
      if (event === 'reschedule') {
        const moved = dto.orderDate !== undefined && dto.orderDate !== cycle.orderDate;
        const window = moved ? await this.scheduledWindow(manager, cycle.territoryId, dto.orderDate!) : cycle;
        Object.assign(cycle, {
          orderDate: window.orderDate,
          opensAt: dto.opensAt ?? window.opensAt,
          cutoffAt: dto.cutoffAt ?? window.cutoffAt,
        });
        this.assertWindow(cycle.orderDate, cycle.opensAt, cycle.cutoffAt);
        if (moved) await this.assertDateFree(manager, cycle.territoryId, cycle.orderDate);
        await this.assertFitsBetweenNeighbours(manager, cycle.territoryId, cycle.orderWeek, cycle);
      }
      cycle.status = next;
      cycle.placedBy = 'hand';
      await manager.save(cycle);
      await this.audit.record(manager, actor, {
        action: `order_cycle.${event}`,
        entityType: 'order_cycle',
        entityId: id,
        before,
        after: { ...cycle },
        departmentId: cycle.departmentId,
      });
      return cycle;
    });
  }

  /**
   * A territory's cycle open at `now` (or the given cycle, or — `cutOffBy` — its latest cycle whose cutoff has
   * passed, where collected demand may still be recorded until the unified order), share-locked against a
   * concurrent cutoff, with where it stands in its month (pacing) and whether the retailer already has live
   * demand in it — one query.
   */
  async cycleContext(
    manager: EntityManager,
    target:
      { territoryId: number; now: Date } | { territoryId: number; cutOffBy: Date } | { cycleId: number },
    retailerId: number,
  ): Promise<CycleContext | null> {
    const where =
      'cycleId' in target
        ? { sql: 'c.id = $2', params: [target.cycleId] }
        : 'cutOffBy' in target
          ? {
              sql: `c.territory_id = $2 AND c.status IN ('open', 'cut_off', 'consolidated') AND c.cutoff_at <= $3
                    ORDER BY c.cutoff_at DESC`,
              params: [target.territoryId, target.cutOffBy],
            }
          : {
              sql: `c.territory_id = $2 AND c.status IN ('scheduled', 'open') AND c.opens_at <= $3 AND c.cutoff_at > $3
                    ORDER BY c.cutoff_at`,
              params: [target.territoryId, target.now],
            };
    const [row] = await preparedQuery<OrderCycle & { monthOrderDates: string[]; hasLiveDemand: boolean }>(
      manager,
      `SELECT c.id, c.territory_id AS "territoryId", c.service_center_id AS "serviceCenterId", c.department_id AS "departmentId",
              to_char(c.order_week, 'YYYY-MM-DD') AS "orderWeek", to_char(c.order_date, 'YYYY-MM-DD') AS "orderDate",
              c.opens_at AS "opensAt", c.cutoff_at AS "cutoffAt", c.status, c.placed_by AS "placedBy",
              ARRAY(SELECT to_char(o.order_date, 'YYYY-MM-DD') FROM order_cycles o
                     WHERE o.territory_id = c.territory_id AND o.status <> 'cancelled'
                       AND date_trunc('month', o.order_date) = date_trunc('month', c.order_date)) AS "monthOrderDates",
              EXISTS (SELECT 1 FROM demands d WHERE d.cycle_id = c.id AND d.retailer_id = $1
                        AND d.status IN ('submitted','pending_confirmation','pending_approval','approved','ordered')) AS "hasLiveDemand"
         FROM order_cycles c WHERE ${where.sql}
        LIMIT 1 FOR SHARE OF c`,
      [retailerId, ...where.params],
    );
    if (!row) return null;
    const { monthOrderDates, hasLiveDemand, ...cycle } = row;
    return { cycle, position: cyclePositionInMonth(monthOrderDates, cycle.orderDate), hasLiveDemand };
  }

  /**
   * Makes every scheduled territory's cycles for the coming weeks (to the end of the month they reach) that
   * do not exist yet; a week that has its cycle — moved or cancelled included — keeps it.
   */
  async generate(from: string = this.today(), weeks = GENERATION_WEEKS): Promise<number> {
    return this.transactions.run((manager) => this.planner.generate(manager, from, weeks));
  }

  /** Marks cycles whose window has opened. */
  async openDue(now: Date): Promise<number> {
    const result = await this.dataSource.query(
      `UPDATE order_cycles SET status = 'open', updated_at = now() WHERE status = 'scheduled' AND opens_at <= $1 AND cutoff_at > $1`,
      [now],
    );
    return result[1] ?? 0;
  }

  async schedules(actor: Actor): Promise<TerritoryOrderSchedule[]> {
    return this.dataSource.manager
      .createQueryBuilder(TerritoryOrderSchedule, 's')
      .where(...territoryScopeCondition(actor.scope, 's.territory_id'))
      .orderBy('s.territory_id')
      .getMany();
  }

  async putSchedule(
    actor: Actor,
    territoryId: number,
    dto: OrderScheduleDto,
  ): Promise<TerritoryOrderSchedule> {
    const [territory] = await this.org.territoriesByIds([territoryId]);
    // A department head sets its own department's order days; another's territory is not found.
    if (!territory || !isInScope(actor.scope, territoryId)) throw notFound('territory', territoryId);
    return this.transactions.run(async (manager) => {
      const before = await manager.findOneBy(TerritoryOrderSchedule, { territoryId });
      const schedule = manager.create(TerritoryOrderSchedule, {
        territoryId,
        orderWeekday: dto.orderWeekday,
        opensDaysBefore: dto.opensDaysBefore ?? DEFAULT_CYCLE_TIMES.opensDaysBefore,
        opensAtTime: dto.opensAtTime ?? DEFAULT_CYCLE_TIMES.opensAtTime,
        cutoffTime: dto.cutoffTime ?? DEFAULT_CYCLE_TIMES.cutoffTime,
      });
      await manager.save(schedule);
      await this.audit.record(manager, actor, {
        action: 'order_schedule.put',
        entityType: 'territory_order_schedule',
        entityId: territoryId,
        before,
        after: { ...schedule },
        departmentId: territory.departmentId,
      });
      await this.planner.replaceFuture(manager, actor, territory);
      return schedule;
    });
  }

  private assertWindow(orderDate: string, opensAt: Date, cutoffAt: Date) {
    if (opensAt >= cutoffAt || businessDate(cutoffAt, this.config.timeZone) > orderDate) {
      throw orderingError('CYCLE_WINDOW_INVALID', { orderDate, opensAt, cutoffAt });
    }
  }

  /** The window a territory's schedule gives a cycle on `orderDate` (the default times without a schedule). */
  private async scheduledWindow(manager: EntityManager, territoryId: number, orderDate: string) {
    const schedule = await manager.findOneBy(TerritoryOrderSchedule, { territoryId });
    return cycleWindow(
      { orderWeekday: 1, ...DEFAULT_CYCLE_TIMES, ...schedule, timeZone: this.config.timeZone },
      orderDate,
    );
  }

  /** A cycle orders after its week's previous cycle and before the next, and their windows do not overlap. */
  private async assertFitsBetweenNeighbours(
    manager: EntityManager,
    territoryId: number,
    orderWeek: string,
    window: CycleWindow,
  ) {
    const neighbours: Array<CycleWindow & { id: number; side: 'previous' | 'next' }> = await manager.query(
      `(SELECT id, 'previous' AS side, to_char(order_date, 'YYYY-MM-DD') AS "orderDate", opens_at AS "opensAt",
               cutoff_at AS "cutoffAt"
          FROM order_cycles WHERE territory_id = $1 AND order_week < $2 AND status <> 'cancelled'
         ORDER BY order_week DESC LIMIT 1)
       UNION ALL
       (SELECT id, 'next', to_char(order_date, 'YYYY-MM-DD'), opens_at, cutoff_at
          FROM order_cycles WHERE territory_id = $1 AND order_week > $2 AND status <> 'cancelled'
         ORDER BY order_week LIMIT 1)`,
      [territoryId, orderWeek],
    );
    const previous = neighbours.find((n) => n.side === 'previous');
    const next = neighbours.find((n) => n.side === 'next');
    const conflict = windowConflict(window, previous, next);
    if (conflict) {
      const neighbour = conflict === 'previous' ? previous! : next!;
      throw orderingError('CYCLE_WINDOW_OVERLAP', {
        neighbour: conflict,
        cycleId: neighbour.id,
        orderDate: neighbour.orderDate,
        opensAt: neighbour.opensAt,
        cutoffAt: neighbour.cutoffAt,
      });
    }
  }

  private async assertDateFree(manager: EntityManager, territoryId: number, orderDate: string) {
    const taken = await manager
      .createQueryBuilder(OrderCycle, 'c')
      .where(`c.territory_id = :territoryId AND c.order_date = :orderDate AND c.status <> 'cancelled'`, {
        territoryId,
        orderDate,
      })
      .getExists();
    if (taken) throw orderingError('CYCLE_DATE_TAKEN', { territoryId, orderDate });
  }
}
