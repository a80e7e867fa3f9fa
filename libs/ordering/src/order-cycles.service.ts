import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  preparedQuery,
  APP_CONFIG,
  type AppConfig,
  Clock,
  notFound,
  type Page,
  pageOf,
  pageOffset,
  territoryScopeCondition,
  TransactionRunner,
} from '#libs/shared';
import { addDays, businessDate } from '#libs/kernel';
import { AuditService } from '#libs/audit';
import { OrgService } from '#libs/org';
import {
  cyclePositionInMonth,
  type CyclePosition,
  DEFAULT_CYCLE_TIMES,
  scheduleWeeklyCycles,
  transitionOrderCycle,
  type OrderCycleEvent,
} from './domain/index.js';
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

/** How far ahead cycles are generated from each territory's weekly order day. */
export const GENERATION_WEEKS = 4;

@Injectable()
export class OrderCyclesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgService,
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

  /** An admin adds a cycle by hand (a holiday week, an extra order day). */
  async create(actor: Actor, dto: CreateCycleDto): Promise<OrderCycle> {
    const [territory] = await this.org.territoriesByIds([dto.territoryId]);
    if (!territory) throw notFound('territory', dto.territoryId);
    this.assertWindow(dto.orderDate, dto.opensAt, dto.cutoffAt);
    return this.transactions.run(async (manager) => {
      await this.assertDateFree(manager, dto.territoryId, dto.orderDate);
      const cycle = manager.create(OrderCycle, {
        territoryId: territory.id,
        serviceCenterId: territory.serviceCenterId!,
        departmentId: territory.departmentId!,
        orderDate: dto.orderDate,
        opensAt: dto.opensAt,
        cutoffAt: dto.cutoffAt,
        status: 'scheduled',
      });
      await manager.save(cycle);
      await this.audit.record(manager, actor, {
        action: 'order_cycle.create',
        entityType: 'order_cycle',
        entityId: cycle.id,
        after: { ...cycle },
        departmentId: cycle.departmentId,
      });
      return cycle;
    });
  }

  /** Moves or cancels a cycle that has not opened yet. */
  async update(actor: Actor, id: number, dto: UpdateCycleDto): Promise<OrderCycle> {
    return this.transactions.run(async (manager) => {
      const cycle = await manager.findOne(OrderCycle, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!cycle) throw notFound('order cycle', id);
      const before = { ...cycle };
      const event: OrderCycleEvent = dto.status === 'cancelled' ? 'cancel' : 'reschedule';
      const next = transitionOrderCycle(effectiveCycleState(cycle, this.clock.now()), event);
      if (!next.ok) throw orderingError('CYCLE_INVALID_TRANSITION', next.details, next.message);
      if (event === 'reschedule') {
        Object.assign(cycle, {
          orderDate: dto.orderDate ?? cycle.orderDate,
          opensAt: dto.opensAt ?? cycle.opensAt,
          cutoffAt: dto.cutoffAt ?? cycle.cutoffAt,
        });
        this.assertWindow(cycle.orderDate, cycle.opensAt, cycle.cutoffAt);
        if (cycle.orderDate !== before.orderDate)
          await this.assertDateFree(manager, cycle.territoryId, cycle.orderDate);
      }
      cycle.status = next.state;
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
   * A territory's cycle open at `now` (or the given cycle), share-locked against a concurrent cutoff, with
   * where it stands in its month (pacing) and whether the retailer already has live demand in it — one query.
   */
  async cycleContext(
    manager: EntityManager,
    target: { territoryId: number; now: Date } | { cycleId: number },
    retailerId: number,
  ): Promise<CycleContext | null> {
    const where =
      'cycleId' in target
        ? { sql: 'c.id = $2', params: [target.cycleId] }
        : {
            sql: `c.territory_id = $2 AND c.status IN ('scheduled', 'open') AND c.opens_at <= $3 AND c.cutoff_at > $3`,
            params: [target.territoryId, target.now],
          };
    const [row] = await preparedQuery<OrderCycle & { monthOrderDates: string[]; hasLiveDemand: boolean }>(
      manager,
      `SELECT c.id, c.territory_id AS "territoryId", c.service_center_id AS "serviceCenterId", c.department_id AS "departmentId",
              to_char(c.order_date, 'YYYY-MM-DD') AS "orderDate", c.opens_at AS "opensAt", c.cutoff_at AS "cutoffAt", c.status,
              ARRAY(SELECT to_char(o.order_date, 'YYYY-MM-DD') FROM order_cycles o
                     WHERE o.territory_id = c.territory_id AND o.status <> 'cancelled'
                       AND date_trunc('month', o.order_date) = date_trunc('month', c.order_date)) AS "monthOrderDates",
              EXISTS (SELECT 1 FROM demands d WHERE d.cycle_id = c.id AND d.retailer_id = $1
                        AND d.status IN ('submitted','pending_confirmation','pending_approval','approved','ordered')) AS "hasLiveDemand"
         FROM order_cycles c WHERE ${where.sql}
        ORDER BY c.cutoff_at LIMIT 1 FOR SHARE OF c`,
      [retailerId, ...where.params],
    );
    if (!row) return null;
    const { monthOrderDates, hasLiveDemand, ...cycle } = row;
    return { cycle, position: cyclePositionInMonth(monthOrderDates, cycle.orderDate), hasLiveDemand };
  }

  /** Schedules cycles from each territory's weekly order day for the coming weeks; existing dates are kept. */
  async generate(from: string = this.today(), weeks = GENERATION_WEEKS): Promise<number> {
    const schedules = await this.dataSource.manager.find(TerritoryOrderSchedule);
    const territories = await this.org.territoriesByIds(schedules.map((s) => s.territoryId));
    const to = addDays(from, weeks * 7 - 1);
    const rows = schedules.flatMap((schedule) => {
      const territory = territories.find((t) => t.id === schedule.territoryId);
      if (!territory?.active) return [];
      return scheduleWeeklyCycles(
        {
          orderWeekday: schedule.orderWeekday,
          opensDaysBefore: schedule.opensDaysBefore,
          opensAtTime: schedule.opensAtTime,
          cutoffTime: schedule.cutoffTime,
          timeZone: this.config.timeZone,
        },
        from,
        to,
      ).map((cycle) => ({
        territory_id: territory.id,
        service_center_id: territory.serviceCenterId,
        department_id: territory.departmentId,
        order_date: cycle.orderDate,
        opens_at: cycle.opensAt.toISOString(),
        cutoff_at: cycle.cutoffAt.toISOString(),
      }));
    });
    if (!rows.length) return 0;
    const result = await this.dataSource.query(
      `INSERT INTO order_cycles (territory_id, service_center_id, department_id, order_date, opens_at, cutoff_at)
       SELECT r.territory_id, r.service_center_id, r.department_id, r.order_date, r.opens_at, r.cutoff_at
         FROM jsonb_to_recordset($1::jsonb) AS r(territory_id int, service_center_id int, department_id int,
              order_date date, opens_at timestamptz, cutoff_at timestamptz)
        WHERE NOT EXISTS (SELECT 1 FROM order_cycles c WHERE c.territory_id = r.territory_id AND c.order_date = r.order_date)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows)],
    );
    return result[1] ?? 0;
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
    if (!territory) throw notFound('territory', territoryId);
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
      return schedule;
    });
  }

  private assertWindow(orderDate: string, opensAt: Date, cutoffAt: Date) {
    if (opensAt >= cutoffAt || businessDate(cutoffAt, this.config.timeZone) > orderDate) {
      throw orderingError('CYCLE_WINDOW_INVALID', { orderDate, opensAt, cutoffAt });
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
