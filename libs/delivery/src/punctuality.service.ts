import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Actor } from '#libs/shared';
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
 * completed them; on time = arrived within the planned window (both ends, plus the grace), early and late
 * otherwise; failed stops are deliveries that were not on time; proxy receipts counted on their own.
 */
@Injectable()
export class PunctualityService {
  constructor(private readonly dataSource: DataSource) {}

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
        `count(*) FILTER (WHERE ${arrived} AND d.arrived_at BETWEEN ${from} AND ${to})::int`,
        'onTime',
      )
      .addSelect(`count(*) FILTER (WHERE ${arrived} AND d.arrived_at < ${from})::int`, 'early')
      .addSelect(`count(*) FILTER (WHERE ${arrived} AND d.arrived_at > ${to})::int`, 'late')
      .addSelect(`count(*) FILTER (WHERE d.status = 'failed')::int`, 'failed')
      .addSelect(`count(*) FILTER (WHERE ${arrived} AND d.receiver = 'proxy')::int`, 'proxyReceipts')
      .from('deliveries', 'd')
      .where(`d.status <> 'planned'`)
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
