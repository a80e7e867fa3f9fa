import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, APP_CONFIG, type AppConfig, Clock, JobRunner, TransactionRunner } from '#libs/shared';
import { addDays, businessDate, wallClock } from '#libs/kernel';
import { AuditService, type AuditActor } from '#libs/audit';
import { type DeliveryList, OrderingReportsService } from '#libs/ordering';
import { OrgDirectory } from '#libs/org';
import {
  DEFAULT_DELIVERY_WINDOW_POLICY,
  deliveryDateFor,
  routeForTerritory,
  sequenceStops,
} from './domain/index.js';
import { deliveryError } from './delivery.errors.js';

/** How far back the scheduled planning looks for unified orders not planned yet (an outage, a late cycle). */
export const PLANNING_LOOKBACK_DAYS = 7;
/** How far back a supply point may plan by hand. */
export const MANUAL_PLANNING_DAYS = 31;

export interface PlanningSummary {
  fromDate: string;
  toDate: string;
  /** Stops planned now; retailers planned before are left as they are. */
  planned: number;
  runs: number;
  /** Retailers whose territory no route serves: nothing planned for them (fix the org tree). */
  unrouted: number;
}

interface RunKey {
  routeId: number;
  deliveryDate: string;
}

/**
 * Builds delivery runs and stops from the unified orders: for each retailer and order date with goods
 * (ordering's delivery lists) not planned yet, a stop on the run of its territory's route for the delivery
 * date, sequenced after the run's existing stops with its planned window (the domain rule). Set-based: a
 * fixed number of statements whatever the number of retailers. Idempotent: a retailer's goods of an order
 * date are planned once (unique key); concurrent planners are serialised by an advisory lock.
 */
@Injectable()
export class DeliveryPlanningService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly jobs: JobRunner,
    private readonly audit: AuditService,
    private readonly ordering: OrderingReportsService,
    private readonly org: OrgDirectory,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The scheduled planning (every half hour of the working day): unified orders of the last days not planned
   * yet. Keyed by the half hour, so replicas run it once per slot and a late consolidation is picked up.
   */
  async planDue(now: Date = this.clock.now()): Promise<PlanningSummary | null> {
    const { date: today, time } = wallClock(now, this.config.timeZone);
    const outcome = await this.jobs.runOnce('delivery-planning', `${today}T${halfHourOf(time)}`, (manager) =>
      this.plan(
        manager,
        { fromDate: addDays(today, -PLANNING_LOOKBACK_DAYS), toDate: addDays(today, -1), today },
        'system',
      ),
    );
    return outcome.status === 'ran' ? outcome.result : null;
  }

  /** A supply clerk (its center) or an admin (every center) plans an order date now. */
  async planNow(actor: Actor, orderDate: string): Promise<PlanningSummary> {
    const today = businessDate(this.clock.now(), this.config.timeZone);
    if (orderDate >= today || orderDate < addDays(today, -MANUAL_PLANNING_DAYS))
      throw deliveryError('DELIVERY_PLAN_RANGE_INVALID', { orderDate, today });
    const serviceCenterId =
      actor.role === 'admin'
        ? undefined
        : ((await this.org.get(actor.orgUnitId ?? -1))?.serviceCenterId ?? -1);
    return this.transactions.run((manager) =>
      this.plan(manager, { fromDate: orderDate, toDate: orderDate, today, serviceCenterId }, actor),
    );
  }

  private async plan(
    manager: EntityManager,
    range: { fromDate: string; toDate: string; today: string; serviceCenterId?: number },
    actor: AuditActor,
  ): Promise<PlanningSummary> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('delivery-planning', 0))`);
    const summary: PlanningSummary = {
      fromDate: range.fromDate,
      toDate: range.toDate,
      planned: 0,
      runs: 0,
      unrouted: 0,
    };
    const lists = await this.ordering.deliveryLists(range, manager);
    if (!lists.length) return summary;
    const plannedRows: Array<{ key: string }> = await manager.query(
      `SELECT retailer_id || ':' || to_char(order_date, 'YYYY-MM-DD') AS key FROM deliveries
        WHERE order_date BETWEEN $1 AND $2 AND ($3::int IS NULL OR service_center_id = $3)`,
      [range.fromDate, range.toDate, range.serviceCenterId ?? null],
    );
    const planned = new Set(plannedRows.map((row) => row.key));
    const fresh = lists.filter((list) => !planned.has(`${list.retailerId}:${list.orderDate}`));
    if (!fresh.length) return summary;

    const routes = await this.org.routesOfTerritories([...new Set(fresh.map((l) => l.territoryId))], manager);
    const groups = new Map<string, { key: RunKey; lists: DeliveryList[] }>();
    for (const list of fresh) {
      const routeId = routeForTerritory(routes.get(list.territoryId) ?? []);
      if (routeId === null) {
        summary.unrouted++;
        continue;
      }
      const key = { routeId, deliveryDate: deliveryDateFor(list.orderDate, range.today) };
      const id = `${key.routeId}:${key.deliveryDate}`;
      const group = groups.get(id) ?? { key, lists: [] };
      group.lists.push(list);
      groups.set(id, group);
    }
    if (!groups.size) return summary;

    const runKeys = [...groups.values()].map(({ key, lists: [first] }) => ({
      route_id: key.routeId,
      delivery_date: key.deliveryDate,
      service_center_id: first.serviceCenterId,
      department_id: first.departmentId,
    }));
    await manager.query(
      `INSERT INTO delivery_runs (route_id, delivery_date, service_center_id, department_id)
       SELECT route_id, delivery_date, service_center_id, department_id
         FROM jsonb_to_recordset($1::jsonb) AS r(route_id int, delivery_date date, service_center_id int, department_id int)
       ON CONFLICT (route_id, delivery_date) DO NOTHING`,
      [JSON.stringify(runKeys)],
    );
    const runs: Array<{
      id: number;
      route_id: number;
      delivery_date: string;
      department_id: number;
      stops: number;
    }> = await manager.query(
      `SELECT r.id, r.route_id, to_char(r.delivery_date, 'YYYY-MM-DD') AS delivery_date, r.department_id,
                COALESCE((SELECT max(d.position) FROM deliveries d WHERE d.run_id = r.id), 0)::int AS stops
           FROM delivery_runs r
           JOIN jsonb_to_recordset($1::jsonb) AS k(route_id int, delivery_date date)
             ON k.route_id = r.route_id AND k.delivery_date = r.delivery_date`,
      [JSON.stringify(runKeys)],
    );

    const stops = runs.flatMap((run) =>
      sequenceStops(
        groups.get(`${run.route_id}:${run.delivery_date}`)?.lists ?? [],
        run.stops,
        DEFAULT_DELIVERY_WINDOW_POLICY,
      ).map((stop) => ({
        run_id: run.id,
        route_id: run.route_id,
        delivery_date: run.delivery_date,
        position: stop.position,
        retailer_id: stop.retailerId,
        territory_id: stop.territoryId,
        service_center_id: stop.serviceCenterId,
        department_id: stop.departmentId,
        supply_point_id: stop.supplyPointId,
        order_date: stop.orderDate,
        cartons: stop.cartons,
        lines: stop.lines,
        start_minute: stop.window.startMinute,
        end_minute: stop.window.endMinute,
      })),
    );
    const inserted: unknown[] = await manager.query(
      `INSERT INTO deliveries (run_id, route_id, delivery_date, position, retailer_id, territory_id, service_center_id,
                               department_id, supply_point_id, order_date, cartons, lines, window_start, window_end)
       SELECT s.run_id, s.route_id, s.delivery_date, s.position, s.retailer_id, s.territory_id, s.service_center_id,
              s.department_id, s.supply_point_id, s.order_date, s.cartons, s.lines,
              (s.delivery_date + make_interval(mins => s.start_minute)) AT TIME ZONE $2,
              (s.delivery_date + make_interval(mins => s.end_minute)) AT TIME ZONE $2
         FROM jsonb_to_recordset($1::jsonb) AS s(run_id int, route_id int, delivery_date date, position int, retailer_id int,
              territory_id int, service_center_id int, department_id int, supply_point_id int, order_date date,
              cartons int, lines jsonb, start_minute int, end_minute int)
       ON CONFLICT (retailer_id, order_date, attempt) DO NOTHING
       RETURNING id`,
      [JSON.stringify(stops), this.config.timeZone],
    );
    await this.audit.record(
      manager,
      actor,
      ...runs.map((run) => ({
        action: 'delivery_run.plan',
        entityType: 'delivery_run',
        entityId: run.id,
        after: {
          routeId: run.route_id,
          deliveryDate: run.delivery_date,
          stopsBefore: run.stops,
          stopsAdded: stops.filter((s) => s.run_id === run.id).length,
          orderDates: { from: range.fromDate, to: range.toDate },
        },
        departmentId: run.department_id,
      })),
    );
    return { ...summary, planned: inserted.length, runs: runs.length };
  }
}

/** HH:MM of the half hour a wall-clock time 'HH:mm:ss' falls in. */
function halfHourOf(time: string): string {
  return `${time.slice(0, 2)}:${Number(time.slice(3, 5)) < 30 ? '00' : '30'}`;
}
