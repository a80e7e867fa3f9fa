import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { type Actor, APP_CONFIG, type AppConfig } from '#libs/shared';
import {
  DEFAULT_PUNCTUALITY_POLICY,
  type DeliveryRate,
  type DeliveryTally,
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
 * `tallyDeliveries` counts them: stops with an outcome (delivered, confirmed or failed) of the month, by who
 * completed them; the recorded time (server, door code or the retailer's own confirmation, never the typed one) early, within the planned
 * window (both ends, plus the grace) or late; on time only within it, not 补录 and not a proxy receipt;
 * failed stops are deliveries that were not on time; proxy receipts and 补录 counted on their own.
 */
@Injectable()
export class PunctualityService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** For the KPI context: no caller scope. */
  async staffTallies(query: DeliveryTallyQuery): Promise<StaffDeliveryTally[]> {
    return this.tallies(query).getRawMany();
  }

  /** Per delivery staff member over the stops the caller may see (delivery staff: its own route's). */
  async punctuality(actor: Actor, month: string) {
    const qb = this.tallies({ month }).andWhere(...deliveryScopeCondition(actor));
    // Delivery staff read their own line: the stops they completed.
    if (actor.role === 'delivery_staff') qb.andWhere('d.completed_by = :self', { self: actor.userId });
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
    const arrived = `d.status <> 'failed'`;
    const from = `d.window_start - make_interval(mins => :grace)`;
    const to = `d.window_end + make_interval(mins => :grace)`;
    const qb = this.dataSource
      .createQueryBuilder()
      .select('d.completed_by', 'deliveryStaffId')
      .addSelect('count(*)::int', 'deliveries')
      .addSelect(
        `count(*) FILTER (WHERE ${arrived} AND d.recorded_at BETWEEN ${from} AND ${to}
                            AND NOT d.late_entry AND d.receiver <> 'proxy')::int`,
        'onTime',
      )
      .addSelect(`count(*) FILTER (WHERE ${arrived} AND d.recorded_at < ${from})::int`, 'early')
      .addSelect(`count(*) FILTER (WHERE ${arrived} AND d.recorded_at > ${to})::int`, 'late')
      .addSelect(`count(*) FILTER (WHERE d.status = 'failed')::int`, 'failed')
      .addSelect(`count(*) FILTER (WHERE ${arrived} AND d.receiver = 'proxy')::int`, 'proxyReceipts')
      .addSelect(`count(*) FILTER (WHERE ${arrived} AND d.late_entry)::int`, 'lateEntries')
      .from('deliveries', 'd')
      // Stops with an outcome: the driver's completion or failure (planned and received stops have none yet).
      .where(`d.status IN ('delivered', 'confirmed', 'failed')`)
      .andWhere('d.delivery_date >= CAST(:monthStart AS date)')
      .andWhere(`d.delivery_date < CAST(:monthStart AS date) + interval '1 month'`)
      .setParameters({ monthStart: `${query.month}-01`, grace: DEFAULT_PUNCTUALITY_POLICY.graceMinutes })
      .groupBy('d.completed_by')
      .orderBy('d.completed_by');
    if (query.departmentIds)
      qb.andWhere('d.department_id = ANY(:departments)', { departments: query.departmentIds });
    return qb;
  }
}
