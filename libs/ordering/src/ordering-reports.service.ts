import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  notFound,
  type Page,
  pageOf,
  pageOffset,
  scopeCondition,
  TransactionRunner,
} from '#libs/shared';
import { AuditService } from '#libs/audit';
import { OrgDirectory } from '#libs/org';
import {
  assessOrderAnomaly,
  DEFAULT_ANOMALY_RULE,
  explainRationing,
  type RationingExplanation,
  type RationingGroup,
  reportRangeRefusal,
} from './domain/index.js';
import { Demand, OrderCycle, SupplyRatio } from './ordering.entity.js';
import { orderingError } from './ordering.errors.js';
import type {
  AnomalyQuery,
  CycleIdQuery,
  InspectionQuery,
  SupplyOrderQuery,
  SupplyRatiosDto,
} from './dto/ordering.dto.js';

/** An anomaly warning: a spec ordered far above the retailer's own recent average. */
export interface OrderAnomaly {
  cycleId: number;
  territoryId: number;
  territoryName: string;
  orderDate: string;
  demandId: number;
  retailerId: number;
  shopName: string;
  licenseNo: string;
  brandId: number;
  brandCode: string;
  brandName: string;
  cartons: number;
  /** The previous cycles' cartons of the spec, most recent first. */
  priorCycleCartons: number[];
  /** cartons ÷ the prior average; null without history. */
  ratio: number | null;
}

interface RationingRow {
  supplyPointId: number;
  supplyPointName: string;
  brandId: number;
  brandCode: string;
  brandName: string;
  priceClass: number;
  retailerId: number;
  shopName: string;
  licenseNo: string;
  territoryName: string;
  requested: number;
  ordered: number;
}

/** A class IV/V spec's rationing at a supply point on an order date, retailer by retailer. */
export interface RationingReport extends Omit<RationingGroup, 'lines'> {
  supplyPointId: number;
  supplyPointName: string;
  brandId: number;
  brandCode: string;
  brandName: string;
  priceClass: number;
  retailers: Array<
    Omit<RationingExplanation, 'key'> & {
      retailerId: number;
      shopName: string;
      licenseNo: string;
      territoryName: string;
    }
  >;
}

/** One retailer's goods from the unified order of an order date: what a delivery stop carries. */
export interface DeliveryList {
  retailerId: number;
  territoryId: number;
  serviceCenterId: number;
  departmentId: number;
  supplyPointId: number;
  orderDate: string;
  cartons: number;
  lines: Array<{ brandId: number; cartons: number }>;
}

/** A retailer's explicit no-demand record 无需求 in a cycle. */
export interface NoDemandView {
  cycleId: number;
  retailerId: number;
  territoryId: number;
  recordedAt: Date;
}

/** What the unified order made of one line of a demand. */
export interface OutcomeLine {
  brandId: number;
  /** Cartons the demand asked for. */
  asked: number;
  /** Cartons ordered for it: the ask, or its share under a 稍紧平衡 supply ratio. */
  allotted: number;
  /** The ratio its class was supplied at (basis points), or null when the line was not rationed. */
  supplyRatioBp: number | null;
}

export interface DemandOutcome {
  demandId: number;
  status: Demand['status'];
  /** Whether the unified order has been made for it (its lines are then known). */
  ordered: boolean;
  askedCartons: number;
  allottedCartons: number;
  lines: OutcomeLine[];
}

/** How many of its territory's order weeks a retailer's history shows. */
const HISTORY_WEEKS = 12;

export interface OrderWeekLine {
  brandId: number;
  asked: number;
  ordered: number;
  /** The 稍紧平衡 ratio its class was supplied at (basis points), or null when the line was not rationed. */
  supplyRatioBp: number | null;
}

export interface RetailerOrderWeek {
  orderDate: string;
  askedCartons: number;
  orderedCartons: number;
  lines: OrderWeekLine[];
}

/** Groups of at least this many retailers with identical demand in one cycle are surfaced to inspectors. */
export const IDENTICAL_DEMAND_GROUP = 5;

/**
 * What ordering reports to its readers: no-demand records, supply orders, anomaly warnings for the
 * enforcement squads, and the six-prohibitions patterns for inspectors. All set-based, all scoped.
 */
@Injectable()
export class OrderingReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgDirectory,
  ) {}

  async noDemand(actor: Actor, query: CycleIdQuery): Promise<Page<NoDemandView>> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select([
        'n.cycle_id AS "cycleId"',
        'n.retailer_id AS "retailerId"',
        'n.territory_id AS "territoryId"',
        'n.recorded_at AS "recordedAt"',
      ])
      .from('no_demand_records', 'n')
      .where('n.cycle_id = :cycleId', { cycleId: query.cycleId })
      .andWhere(...scopeCondition(actor.scope, 'n.territory_id', 'n.retailer_id'));
    const [items, total] = await Promise.all([
      qb.clone().orderBy('n.retailer_id').offset(pageOffset(query)).limit(query.pageSize).getRawMany(),
      qb.getCount(),
    ]);
    return pageOf(items, total, query);
  }

  /** A demand at the unified order: per spec what it asked, the ratio it was rationed at, and what it got. */
  async demandOutcome(actor: Actor, demandId: number): Promise<DemandOutcome> {
    const demand = await this.dataSource.manager
      .createQueryBuilder(Demand, 'd')
      .select(['d.id', 'd.status'])
      .where('d.id = :demandId', { demandId })
      .andWhere(...scopeCondition(actor.scope, 'd.territory_id', 'd.retailer_id'))
      .getOne();
    if (!demand) throw notFound('demand', demandId);
    const lines: OutcomeLine[] = await this.dataSource.query(
      `SELECT brand_id AS "brandId", requested AS asked, ordered AS allotted, supply_ratio_bp AS "supplyRatioBp"
         FROM order_lines WHERE demand_id = $1 ORDER BY brand_id`,
      [demandId],
    );
    const sum = (pick: (line: OutcomeLine) => number) => lines.reduce((total, line) => total + pick(line), 0);
    return {
      demandId,
      status: demand.status,
      ordered: demand.status === 'ordered',
      askedCartons: sum((line) => line.asked),
      allottedCartons: sum((line) => line.allotted),
      lines,
    };
  }

  /**
   * A retailer's last order weeks: its territory's last consolidated cycles, oldest first, with what the
   * retailer asked for and what the unified order gave it per spec, and the 稍紧平衡 ratio that cut a spec
   * (a week it did not order shows zeros).
   */
  async retailerOrderWeeks(
    actor: Actor,
    retailerId: number,
  ): Promise<{ retailerId: number; weeks: RetailerOrderWeek[] }> {
    const visible = await this.dataSource
      .createQueryBuilder()
      .select('r.id')
      .from('retailers', 'r')
      .where('r.id = :retailerId', { retailerId })
      .andWhere(...scopeCondition(actor.scope, 'r.territory_id', 'r.id'))
      .getRawOne();
    if (!visible) throw notFound('retailer', retailerId);
    const weeks: RetailerOrderWeek[] = await this.dataSource.query(
      `WITH weeks AS (
         SELECT c.order_date FROM order_cycles c JOIN retailers r ON r.territory_id = c.territory_id
          WHERE r.id = $1 AND c.status = 'consolidated'
          ORDER BY c.order_date DESC LIMIT $2)
       SELECT w.order_date::text AS "orderDate",
              coalesce(sum(l.requested), 0)::int AS "askedCartons",
              coalesce(sum(l.ordered), 0)::int AS "orderedCartons",
              coalesce(json_agg(json_build_object('brandId', l.brand_id, 'asked', l.requested, 'ordered', l.ordered,
                                                  'supplyRatioBp', l.supply_ratio_bp)
                                ORDER BY l.brand_id) FILTER (WHERE l.id IS NOT NULL), '[]') AS lines
         FROM weeks w LEFT JOIN order_lines l ON l.retailer_id = $1 AND l.order_date = w.order_date
        GROUP BY w.order_date
        ORDER BY w.order_date`,
      [retailerId, HISTORY_WEEKS],
    );
    return { retailerId, weeks };
  }

  /** Supply orders of a date: per supply point, the specs and cartons ordered (and what was asked for). */
  async supplyOrders(actor: Actor, query: SupplyOrderQuery) {
    const qb = this.dataSource
      .createQueryBuilder()
      .select([
        'so.id AS "id"',
        'so.supply_point_id AS "supplyPointId"',
        `to_char(so.order_date, 'YYYY-MM-DD') AS "orderDate"`,
      ])
      .addSelect(
        `json_agg(json_build_object('brandId', l.brand_id, 'requested', l.requested, 'cartons', l.cartons) ORDER BY l.brand_id)`,
        'lines',
      )
      .addSelect('sum(l.cartons)::int', 'totalCartons')
      .from('supply_orders', 'so')
      .innerJoin('supply_order_lines', 'l', 'l.supply_order_id = so.id')
      .where('so.order_date = :date', { date: query.date })
      .groupBy('so.id')
      .orderBy('so.supply_point_id');
    if (query.supplyPointId) qb.andWhere('so.supply_point_id = :point', { point: query.supplyPointId });
    this.restrictToCenters(qb, actor);
    return qb.getRawMany();
  }

  /**
   * 稍紧平衡 explained: for each class IV/V spec of a date's unified orders (per supply point), every retailer's
   * asked and allotted cartons with the share that decided it (floor share, remainder, a left-over carton or
   * not), from the stored order lines. Scoped like the supply orders; the largest groups first.
   */
  async rationing(actor: Actor, query: SupplyOrderQuery): Promise<RationingReport[]> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select([
        'so.supply_point_id AS "supplyPointId"',
        'sp.name AS "supplyPointName"',
        'so.brand_id AS "brandId"',
        'b.code AS "brandCode"',
        'b.name AS "brandName"',
        'b.price_class AS "priceClass"',
        'so.retailer_id AS "retailerId"',
        'r.shop_name AS "shopName"',
        'r.license_no AS "licenseNo"',
        't.name AS "territoryName"',
        'sum(so.requested)::int AS requested',
        'sum(so.ordered)::int AS ordered',
      ])
      .from('order_lines', 'so')
      .innerJoin('brands', 'b', 'b.id = so.brand_id')
      .innerJoin('retailers', 'r', 'r.id = so.retailer_id')
      .innerJoin('org_units', 't', 't.id = so.territory_id')
      .innerJoin('org_units', 'sp', 'sp.id = so.supply_point_id')
      .where('so.order_date = :date', { date: query.date })
      .andWhere('b.price_class IN (4, 5)')
      .groupBy('so.supply_point_id, sp.name, so.brand_id, b.code, b.name, b.price_class')
      .addGroupBy('so.retailer_id, r.shop_name, r.license_no, t.name')
      .orderBy('so.supply_point_id')
      .addOrderBy('so.brand_id')
      .addOrderBy('so.retailer_id');
    if (query.supplyPointId) qb.andWhere('so.supply_point_id = :point', { point: query.supplyPointId });
    this.restrictToCenters(qb, actor);
    const rows: RationingRow[] = await qb.getRawMany();
    const groups = new Map<string, RationingRow[]>();
    for (const row of rows) {
      const key = `${row.supplyPointId}:${row.brandId}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    return [...groups.values()]
      .map((lines) => {
        const [first] = lines;
        const byKey = new Map(lines.map((line) => [String(line.retailerId), line]));
        const group = explainRationing(
          lines.map((line) => ({
            key: String(line.retailerId),
            requested: line.requested,
            ordered: line.ordered,
          })),
        );
        return {
          supplyPointId: first.supplyPointId,
          supplyPointName: first.supplyPointName,
          brandId: first.brandId,
          brandCode: first.brandCode,
          brandName: first.brandName,
          priceClass: first.priceClass,
          totalRequested: group.totalRequested,
          totalOrdered: group.totalOrdered,
          ratio: group.ratio,
          leftOver: group.leftOver,
          retailers: group.lines.map(({ key, ...line }) => {
            const retailer = byKey.get(key)!;
            return {
              retailerId: retailer.retailerId,
              shopName: retailer.shopName,
              licenseNo: retailer.licenseNo,
              territoryName: retailer.territoryName,
              ...line,
            };
          }),
        };
      })
      .sort(
        (a, b) =>
          b.totalRequested - a.totalRequested || a.supplyPointId - b.supplyPointId || a.brandId - b.brandId,
      );
  }

  /**
   * Anomaly warnings of one cycle, or of every cycle in the caller's scope ordered in a range of dates (at most
   * a quarter): a retailer ordering a spec at more than 2.2× its average over the previous three cycles of its
   * territory (the pure rule decides; one query gathers every line's history). Most recent order date first,
   * the largest multiple first within it.
   */
  async anomalies(actor: Actor, query: AnomalyQuery): Promise<OrderAnomaly[]> {
    if (query.cycleId === undefined || query.fromDate !== undefined || query.toDate !== undefined) {
      const refusal = reportRangeRefusal(query.fromDate, query.toDate);
      if (refusal) throw orderingError('REPORT_RANGE_INVALID', refusal);
    }
    const qb = this.dataSource.manager
      .createQueryBuilder(OrderCycle, 'c')
      .select('c.id', 'id')
      .where(...scopeCondition(actor.scope, 'c.territory_id'));
    if (query.cycleId !== undefined) qb.andWhere('c.id = :id', { id: query.cycleId });
    if (query.fromDate !== undefined)
      qb.andWhere('c.order_date BETWEEN :from AND :to', { from: query.fromDate, to: query.toDate });
    const cycles: Array<{ id: number }> = await qb.getRawMany();
    if (query.cycleId !== undefined && !cycles.length) throw notFound('order cycle', query.cycleId);
    const anomalies = await this.assessLines(
      this.dataSource.manager,
      cycles.map((c) => c.id),
    );
    return anomalies.sort(
      (a, b) =>
        b.orderDate.localeCompare(a.orderDate) ||
        (b.ratio ?? 0) - (a.ratio ?? 0) ||
        a.retailerId - b.retailerId ||
        a.brandId - b.brandId,
    );
  }

  /**
   * One anomaly warning, for another context that acts on it (enforcement turns it into a lead): the
   * retailer's line of the spec in the cycle when the rule flags it, else null. The caller scopes.
   */
  async findAnomaly(
    key: { cycleId: number; retailerId: number; brandId: number },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrderAnomaly | null> {
    const [anomaly] = await this.assessLines(manager, [key.cycleId], key);
    return anomaly ?? null;
  }

  /**
   * What each retailer gets from the unified orders of some order dates, for delivery planning: per retailer
   * and order date, the cartons and the specs (lines with nothing allotted are left out; so is a retailer
   * allotted nothing). Set-based: one query whatever the number of retailers.
   */
  async deliveryLists(
    range: { fromDate: string; toDate: string; serviceCenterId?: number },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DeliveryList[]> {
    return manager.query(
      `SELECT ol.retailer_id AS "retailerId", ol.territory_id AS "territoryId",
              ol.service_center_id AS "serviceCenterId", ol.department_id AS "departmentId",
              ol.supply_point_id AS "supplyPointId", to_char(ol.order_date, 'YYYY-MM-DD') AS "orderDate",
              sum(ol.ordered)::int AS cartons,
              json_agg(json_build_object('brandId', ol.brand_id, 'cartons', ol.ordered) ORDER BY ol.brand_id)
                FILTER (WHERE ol.ordered > 0) AS lines
         FROM order_lines ol
        WHERE ol.order_date BETWEEN $1 AND $2 AND ($3::int IS NULL OR ol.service_center_id = $3)
        GROUP BY ol.retailer_id, ol.territory_id, ol.service_center_id, ol.department_id, ol.supply_point_id, ol.order_date
       HAVING sum(ol.ordered) > 0
        ORDER BY ol.order_date, ol.retailer_id`,
      [range.fromDate, range.toDate, range.serviceCenterId ?? null],
    );
  }

  /**
   * The cycles' demand lines (or one retailer's line of one spec) assessed against their history: each line
   * against the retailer's ordered cartons of the spec in its territory's previous cycles. Set-based: one query
   * however many cycles.
   */
  private async assessLines(
    manager: EntityManager,
    cycleIds: number[],
    only?: { retailerId: number; brandId: number },
  ): Promise<OrderAnomaly[]> {
    if (!cycleIds.length) return [];
    const rows: Array<{
      cycle_id: number;
      territory_id: number;
      territory_name: string;
      order_date: string;
      demand_id: number;
      retailer_id: number;
      shop_name: string;
      license_no: string;
      brand_id: number;
      brand_code: string;
      brand_name: string;
      cartons: number;
      prior: number[];
    }> = await manager.query(
      `SELECT c.id AS cycle_id, c.territory_id, t.name AS territory_name,
              to_char(c.order_date, 'YYYY-MM-DD') AS order_date, d.id AS demand_id, d.retailer_id,
              r.shop_name, r.license_no, l.brand_id, b.code AS brand_code, b.name AS brand_name, l.cartons,
              ARRAY(SELECT COALESCE((SELECT sum(ol.ordered) FROM order_lines ol
                                      WHERE ol.cycle_id = pc.id AND ol.retailer_id = d.retailer_id AND ol.brand_id = l.brand_id), 0)::int
                      FROM (SELECT p.id FROM order_cycles p
                             WHERE p.territory_id = c.territory_id AND p.status <> 'cancelled' AND p.order_date < c.order_date
                             ORDER BY p.order_date DESC LIMIT $2) pc) AS prior
         FROM order_cycles c
         JOIN org_units t ON t.id = c.territory_id
         JOIN demands d ON d.cycle_id = c.id
         JOIN demand_lines l ON l.demand_id = d.id
         JOIN retailers r ON r.id = d.retailer_id
         JOIN brands b ON b.id = l.brand_id
        WHERE c.id = ANY($1::int[]) AND d.status NOT IN ('cancelled', 'rejected', 'expired')
          AND ($3::int IS NULL OR (d.retailer_id = $3 AND l.brand_id = $4))`,
      [cycleIds, DEFAULT_ANOMALY_RULE.priorCycles, only?.retailerId ?? null, only?.brandId ?? null],
    );
    return rows
      .map((row) => ({
        row,
        assessment: assessOrderAnomaly({ cartons: row.cartons, priorCycleCartons: row.prior }),
      }))
      .filter(({ assessment }) => assessment.flagged)
      .map(({ row, assessment }) => ({
        cycleId: row.cycle_id,
        territoryId: row.territory_id,
        territoryName: row.territory_name,
        orderDate: row.order_date,
        demandId: row.demand_id,
        retailerId: row.retailer_id,
        shopName: row.shop_name,
        licenseNo: row.license_no,
        brandId: row.brand_id,
        brandCode: row.brand_code,
        brandName: row.brand_name,
        cartons: row.cartons,
        priorCycleCartons: row.prior,
        ratio: assessment.ratioBp === null ? null : assessment.ratioBp / 10000,
      }));
  }

  /**
   * 六不准 patterns for a month: each account manager's share of collected demand; groups of ≥ 5 retailers of
   * one territory with identical demand in one cycle; collected demand confirmed from the same address it
   * was submitted from (the account manager's own device).
   */
  async prohibitions(actor: Actor, query: InspectionQuery) {
    const department = actor.role === 'admin' ? null : (actor.departmentId ?? -1);
    const month = `${query.month}-01`;
    const [collectedShare, identicalGroups, selfConfirmed] = await Promise.all([
      this.dataSource.query(
        `SELECT d.territory_id AS "territoryId", min(t.name) AS "territoryName", count(*)::int AS demands,
                count(*) FILTER (WHERE d.channel = 'collected')::int AS collected,
                round(count(*) FILTER (WHERE d.channel = 'collected')::numeric / count(*), 4)::float AS "collectedShare"
           FROM demands d JOIN order_cycles c ON c.id = d.cycle_id JOIN org_units t ON t.id = d.territory_id
          WHERE date_trunc('month', c.order_date) = $1::date AND ($2::int IS NULL OR d.department_id = $2)
            AND d.status NOT IN ('cancelled')
          GROUP BY d.territory_id ORDER BY "collectedShare" DESC, d.territory_id`,
        [month, department],
      ),
      this.dataSource.query(
        `WITH signatures AS (
           SELECT d.id, d.cycle_id, d.territory_id, d.retailer_id, d.channel,
                  string_agg(l.brand_id || ':' || l.cartons, ',' ORDER BY l.brand_id) AS signature
             FROM demands d JOIN demand_lines l ON l.demand_id = d.id JOIN order_cycles c ON c.id = d.cycle_id
            WHERE date_trunc('month', c.order_date) = $1::date AND ($2::int IS NULL OR d.department_id = $2)
              AND d.status NOT IN ('cancelled', 'rejected')
            GROUP BY d.id)
         SELECT s.cycle_id AS "cycleId", to_char(min(c.order_date), 'YYYY-MM-DD') AS "orderDate",
                s.territory_id AS "territoryId", min(t.name) AS "territoryName", s.signature,
                count(*)::int AS retailers, array_agg(s.retailer_id ORDER BY s.retailer_id) AS "retailerIds",
                jsonb_agg(jsonb_build_object('retailerId', r.id, 'shopName', r.shop_name, 'licenseNo', r.license_no)
                          ORDER BY r.id) AS members,
                count(*) FILTER (WHERE s.channel = 'collected')::int AS collected
           FROM signatures s JOIN order_cycles c ON c.id = s.cycle_id JOIN org_units t ON t.id = s.territory_id
           JOIN retailers r ON r.id = s.retailer_id
          GROUP BY s.cycle_id, s.territory_id, s.signature HAVING count(*) >= $3
          ORDER BY retailers DESC, s.cycle_id`,
        [month, department, IDENTICAL_DEMAND_GROUP],
      ),
      this.dataSource.query(
        `SELECT d.id AS "demandId", to_char(c.order_date, 'YYYY-MM-DD') AS "orderDate",
                d.retailer_id AS "retailerId", r.shop_name AS "shopName", r.license_no AS "licenseNo",
                d.territory_id AS "territoryId", t.name AS "territoryName",
                d.submitted_by AS "accountManagerId", u.display_name AS "accountManagerName"
           FROM demands d JOIN order_cycles c ON c.id = d.cycle_id JOIN retailers r ON r.id = d.retailer_id
           JOIN org_units t ON t.id = d.territory_id LEFT JOIN users u ON u.id = d.submitted_by
          WHERE date_trunc('month', c.order_date) = $1::date AND ($2::int IS NULL OR d.department_id = $2)
            AND d.channel = 'collected' AND d.confirmed_via = 'account' AND d.confirmed_from_ip = d.submitted_from_ip
          ORDER BY d.id`,
        [month, department],
      ),
    ]);
    return { month: query.month, collectedShare, identicalGroups, selfConfirmed };
  }

  async supplyRatios(actor: Actor) {
    return this.dataSource.manager.find(SupplyRatio, {
      where: { departmentId: await this.org.resolveDepartment(actor) },
      order: { priceClass: 'ASC' },
    });
  }

  async putSupplyRatios(actor: Actor, dto: SupplyRatiosDto) {
    const departmentId = await this.org.resolveDepartment(actor);
    const classes = dto.ratios.map((r) => r.priceClass);
    if (new Set(classes).size !== classes.length) throw orderingError('SUPPLY_RATIO_INVALID', { classes });
    return this.transactions.run(async (manager) => {
      const before = await manager.find(SupplyRatio, { where: { departmentId } });
      await manager.delete(SupplyRatio, { departmentId });
      if (dto.ratios.length)
        await manager.insert(
          SupplyRatio,
          dto.ratios.map((r) => ({ departmentId, priceClass: r.priceClass, ratioBp: r.ratioBp })),
        );
      await this.audit.record(manager, actor, {
        action: 'supply_ratios.put',
        entityType: 'supply_ratios',
        entityId: departmentId,
        before: { ratios: before },
        after: { ratios: dto.ratios },
        departmentId,
      });
      return manager.find(SupplyRatio, { where: { departmentId }, order: { priceClass: 'ASC' } });
    });
  }

  /** Supply orders are read per center: a supply clerk its own point, a market manager its center. */
  private restrictToCenters(qb: ReturnType<DataSource['createQueryBuilder']>, actor: Actor) {
    if (actor.role === 'admin') return;
    if (actor.role === 'supply_clerk')
      qb.andWhere('so.supply_point_id = :own', { own: actor.orgUnitId ?? -1 });
    else if (actor.role === 'market_manager')
      qb.andWhere('so.service_center_id = :own', { own: actor.orgUnitId ?? -1 });
    else qb.andWhere('so.department_id = :own', { own: actor.departmentId ?? -1 });
  }
}
