import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { type Actor, APP_CONFIG, type AppConfig, Clock } from '#libs/shared';
import {
  DEFAULT_PUNCTUALITY_POLICY,
  type DeliveryRate,
  type DeliveryTally,
  OPEN_DELIVERY_STATES,
  punctualityRate,
} from './domain/index.js';
import { deliveryScopeCondition } from './delivery-access.js';

export interface StaffDeliveryTally extends DeliveryTally {
  deliveryStaffId: number;
}

export interface DeliveryTallyQuery {
  /** YYYY-MM: stops whose delivery date falls in this month. */
  month: string;
  /** Restrict to these departments (the KPI job runs per department); all when omitted. */
  departmentIds?: number[];
}

/**
 * The counts behind 送货及时率 per delivery staff member, in SQL (one GROUP BY), as the domain's
 * `tallyDeliveries` counts them: the month's stops with an outcome (delivered, confirmed or failed), and those
 * still open when their delivery date has ended (未完成, judged at the clock's now in the business time zone);
 * the recorded time (server, door code or the retailer's own confirmation, never the typed one; a received
 * stop's confirmation) early, within the planned window (both ends, plus the grace) or late; on time only
 * within it, not 补录 and not a proxy receipt; failed and planned stops are deliveries that were not on time.
 *
 * A stop counts for whoever completed or failed it; an open one for its run's delivery staff: whoever last
 * closed a stop of that run, or, for a run nobody worked, each active delivery staff member of its route
 * (leaving a whole run open hides nothing either).
 */
@Injectable()
export class PunctualityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** For the KPI context: no caller scope. */
  async staffTallies(query: DeliveryTallyQuery): Promise<StaffDeliveryTally[]> {
    return this.tallies(query).getRawMany();
  }

  /** Per delivery staff member over the stops the caller may see (delivery staff: its own route's). */
  async punctuality(actor: Actor, month: string) {
    const qb = this.tallies({ month }).andWhere(...deliveryScopeCondition(actor));
    // Delivery staff read their own line: the stops counted for them.
    if (actor.role === 'delivery_staff') qb.andWhere(`${STAFF} = :self`, { self: actor.userId });
    const rows: StaffDeliveryTally[] = await qb.getRawMany();
    return {
      month,
      graceMinutes: DEFAULT_PUNCTUALITY_POLICY.graceMinutes,
      statementToleranceMinutes: this.config.deliveryStatementToleranceMinutes,
      offlineBoundMinutes: this.config.deliveryOfflineBoundMinutes,
      items: rows.map((row): StaffDeliveryTally & { punctuality: DeliveryRate } => ({
        ...row,
        punctuality: punctualityRate(row),
      })),
    };
  }

  private tallies(query: DeliveryTallyQuery): SelectQueryBuilder<Record<string, unknown>> {
    // The time judged: the recorded one, or a received stop's confirmation by the retailer; none when failed
    // or planned.
    const time = 'coalesce(d.recorded_at, d.confirmed_at)';
    const from = `d.window_start - make_interval(mins => :grace)`;
    const to = `d.window_end + make_interval(mins => :grace)`;
    const qb = this.dataSource
      .createQueryBuilder()
      .select(STAFF, 'deliveryStaffId')
      .addSelect('count(*)::int', 'deliveries')
      .addSelect(
        `count(*) FILTER (WHERE ${time} BETWEEN ${from} AND ${to}
                            AND NOT d.late_entry AND d.receiver IS DISTINCT FROM 'proxy')::int`,
        'onTime',
      )
      .addSelect(`count(*) FILTER (WHERE ${time} < ${from})::int`, 'early')
      .addSelect(`count(*) FILTER (WHERE ${time} > ${to})::int`, 'late')
      .addSelect(`count(*) FILTER (WHERE d.status = 'failed')::int`, 'failed')
      .addSelect(`count(*) FILTER (WHERE d.status = ANY(:openStates))::int`, 'unfinished')
      .addSelect(`count(*) FILTER (WHERE d.receiver = 'proxy')::int`, 'proxyReceipts')
      .addSelect(`count(*) FILTER (WHERE d.late_entry)::int`, 'lateEntries')
      .from('deliveries', 'd')
      // The run's driver: whoever last completed or failed one of its stops.
      .leftJoin(
        (runs) =>
          runs
            .select('DISTINCT ON (o.run_id) o.run_id', 'run_id')
            .addSelect('o.completed_by', 'completed_by')
            .from('deliveries', 'o')
            .where('o.completed_by IS NOT NULL')
            .andWhere(inMonth('o'))
            .orderBy('o.run_id')
            .addOrderBy('o.completed_at', 'DESC')
            .addOrderBy('o.id', 'DESC'),
        'run_driver',
        'run_driver.run_id = d.run_id AND d.completed_by IS NULL',
      )
      // A run nobody worked: the route's delivery staff.
      .leftJoin(
        'users',
        'route_staff',
        `d.completed_by IS NULL AND run_driver.completed_by IS NULL AND route_staff.org_unit_id = d.route_id
         AND route_staff.role = 'delivery_staff' AND route_staff.status = 'active'`,
      )
      // Stops with an outcome, and open ones (planned, or received but not completed) once their day is over.
      .where(
        `(d.status IN ('delivered', 'confirmed', 'failed')
          OR (d.delivery_date + 1)::timestamp AT TIME ZONE :zone <= :now)`,
      )
      .andWhere(inMonth('d'))
      .andWhere(`${STAFF} IS NOT NULL`)
      .setParameters({
        monthStart: `${query.month}-01`,
        grace: DEFAULT_PUNCTUALITY_POLICY.graceMinutes,
        openStates: OPEN_DELIVERY_STATES,
        zone: this.config.timeZone,
        now: this.clock.now(),
      })
      .groupBy(STAFF)
      .orderBy(STAFF);
    if (query.departmentIds)
      qb.andWhere('d.department_id = ANY(:departments)', { departments: query.departmentIds });
    return qb;
  }
}

/** Whom a stop counts for (see the class comment). */
const STAFF = 'coalesce(d.completed_by, run_driver.completed_by, route_staff.id)';

/** The stops (of `alias`) whose delivery date falls in the month starting at `:monthStart`. */
const inMonth = (alias: string) =>
  `${alias}.delivery_date >= CAST(:monthStart AS date)
   AND ${alias}.delivery_date < CAST(:monthStart AS date) + interval '1 month'`;
