import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { forEachBatchAhead } from '#libs/shared';
import { BigAccountsService, type MonthlyVolume, type MonthlyVolumeSource } from '#libs/retailers';
import {
  comparisonWindows,
  type DateRange,
  firstDayOfMonth,
  lastDayOfMonth,
  yearToDateWindows,
} from '#libs/kernel';

/** A territory's demand of one spec in a month: asked for (before rationing) and supplied (after it). */
export interface TerritoryBrandDemand {
  territoryId: number;
  brandId: number;
  demandCartons: number;
  orderedCartons: number;
}

/** A territory's month for one spec, with the same days of the previous month and of last year. */
export interface TerritoryBrandMonth {
  territoryId: number;
  brandId: number;
  cartons: number;
  amountFen: number;
  orderingRetailers: number;
  cartonsPreviousMonth: number;
  cartonsLastYear: number;
}

/** A territory's sales of one spec: the month (so far), the previous month and the same days last year. */
export interface TerritoryBrandSales {
  territoryId: number;
  brandId: number;
  /** Cartons asked for on the month's ordered demand, before rationing (forecast accuracy's A). */
  requested: number;
  requestedPreviousMonth: number;
  cartons: number;
  amountFen: number;
  cartonsPreviousMonth: number;
  amountFenPreviousMonth: number;
  cartonsLastYear: number;
  amountFenLastYear: number;
}

/** A territory's sales of the year to date (同期累计) and of the same period last year. */
export interface TerritoryYearToDateSales {
  territoryId: number;
  cartons: number;
  amountFen: number;
  cartonsLastYear: number;
  amountFenLastYear: number;
}

/** A territory's demands by channel in the month (so far) and the previous month. */
export interface TerritoryDemands {
  territoryId: number;
  demands: number;
  selfDemands: number;
  demandsPreviousMonth: number;
  selfDemandsPreviousMonth: number;
}

/** A spec's take-up since its launch (see `OrderingFacts.brandUptake`). */
export interface BrandUptake {
  weeks: Array<{ territoryId: number; week: number; cartons: number; orderingRetailers: number }>;
  retailers: Array<{ territoryId: number; orderingRetailers: number; repeatRetailers: number }>;
}

/** One order line as the detail export shows it (ids; the reader resolves names through their contexts). */
export interface OrderLineFact {
  id: number;
  orderDate: string;
  cycleId: number;
  retailerId: number;
  territoryId: number;
  serviceCenterId: number;
  supplyPointId: number;
  brandId: number;
  requested: number;
  ordered: number;
  priceFen: number;
  amountFen: number;
}

/**
 * Ordering facts for other contexts (forecast accuracy, KPIs, cultivation), one set-based query each.
 * A month is the month of the cycle's order day (business calendar).
 */
@Injectable()
export class OrderingFacts implements OnModuleInit, MonthlyVolumeSource {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bigAccounts: BigAccountsService,
  ) {}

  /** The monthly big-account assessment reads its volumes here. */
  onModuleInit(): void {
    this.bigAccounts.useVolumeSource(this);
  }

  /** Cartons each retailer was supplied in a month (its order lines' `ordered`, after rationing). */
  monthlyCartons(month: string, manager: EntityManager): Promise<MonthlyVolume[]> {
    return manager.query(
      `SELECT retailer_id AS "retailerId", sum(ordered)::int AS cartons FROM order_lines
        WHERE order_date BETWEEN $1 AND $2 GROUP BY retailer_id`,
      [firstDayOfMonth(month), lastDayOfMonth(month)],
    );
  }

  /** The cycles ordering in a month that are neither consolidated nor cancelled: its lines are not final. */
  async unfinishedCycles(month: string): Promise<{ cycles: number; lastOrderDate: string | null }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS cycles, to_char(max(order_date), 'YYYY-MM-DD') AS "lastOrderDate" FROM order_cycles
        WHERE order_date BETWEEN $1 AND $2 AND status NOT IN ('consolidated', 'cancelled')`,
      [firstDayOfMonth(month), lastDayOfMonth(month)],
    );
    return row;
  }

  /**
   * The retailers' demand of a month per territory and spec 市场真实需求 — the actuals of forecast accuracy:
   * what the demands that reached the unified order asked for (order lines' `requested`, before rationing),
   * and what was supplied (`ordered`). Expired or cancelled demand and no-demand records count nothing (they
   * never became order lines).
   */
  async actualCartonsByBrand(
    territoryIds: readonly number[],
    month: string,
  ): Promise<TerritoryBrandDemand[]> {
    if (!territoryIds.length) return [];
    return this.dataSource.query(
      `SELECT territory_id AS "territoryId", brand_id AS "brandId", sum(requested)::int AS "demandCartons",
              sum(ordered)::int AS "orderedCartons"
         FROM order_lines
        WHERE territory_id = ANY($1) AND order_date >= $2::date AND order_date < ($2::date + interval '1 month')
        GROUP BY territory_id, brand_id ORDER BY territory_id, brand_id`,
      [territoryIds, `${month}-01`],
    );
  }

  /**
   * Per territory and spec: cartons and amount of the month (so far, with `through`), of the previous month
   * (the whole month once this one is over, else its same days) and of the same days last year — in one scan
   * of the order lines. What monthly KPIs need of sales: territory totals, forecast actuals (cartons asked for
   * before rationing, beside those supplied), their baselines.
   */
  async salesByBrand(
    month: string,
    territoryIds: readonly number[],
    options: { through?: string } = {},
  ): Promise<TerritoryBrandSales[]> {
    if (!territoryIds.length) return [];
    const { current, previousMonth, lastYear } = comparisonWindows(month, options.through);
    return this.dataSource.query(
      `SELECT territory_id AS "territoryId", brand_id AS "brandId",
              COALESCE(sum(requested) FILTER (WHERE order_date >= $2::date), 0)::int AS requested,
              COALESCE(sum(requested) FILTER (WHERE order_date BETWEEN $4::date AND $5::date), 0)::int AS "requestedPreviousMonth",
              COALESCE(sum(ordered) FILTER (WHERE order_date >= $2::date), 0)::int AS cartons,
              COALESCE(sum(amount_fen) FILTER (WHERE order_date >= $2::date), 0)::float8 AS "amountFen",
              COALESCE(sum(ordered) FILTER (WHERE order_date BETWEEN $4::date AND $5::date), 0)::int AS "cartonsPreviousMonth",
              COALESCE(sum(amount_fen) FILTER (WHERE order_date BETWEEN $4::date AND $5::date), 0)::float8 AS "amountFenPreviousMonth",
              COALESCE(sum(ordered) FILTER (WHERE order_date <= $7::date), 0)::int AS "cartonsLastYear",
              COALESCE(sum(amount_fen) FILTER (WHERE order_date <= $7::date), 0)::float8 AS "amountFenLastYear"
         FROM order_lines
        WHERE territory_id = ANY($1)
          AND (order_date BETWEEN $2::date AND $3::date OR order_date BETWEEN $4::date AND $5::date
               OR order_date BETWEEN $6::date AND $7::date)
        GROUP BY territory_id, brand_id`,
      [
        territoryIds,
        current.from,
        current.to,
        previousMonth.from,
        previousMonth.to,
        lastYear.from,
        lastYear.to,
      ],
    );
  }

  /**
   * Per territory: cartons and amount of the order lines from 1 January through `through`, and of the same
   * period last year (`yearToDateWindows`), in one scan of the two windows.
   */
  async salesYearToDate(
    territoryIds: readonly number[],
    through: string,
  ): Promise<TerritoryYearToDateSales[]> {
    if (!territoryIds.length) return [];
    const { current, lastYear } = yearToDateWindows(through);
    return this.dataSource.query(
      `SELECT territory_id AS "territoryId",
              COALESCE(sum(ordered) FILTER (WHERE order_date >= $2::date), 0)::int AS cartons,
              COALESCE(sum(amount_fen) FILTER (WHERE order_date >= $2::date), 0)::float8 AS "amountFen",
              COALESCE(sum(ordered) FILTER (WHERE order_date <= $5::date), 0)::int AS "cartonsLastYear",
              COALESCE(sum(amount_fen) FILTER (WHERE order_date <= $5::date), 0)::float8 AS "amountFenLastYear"
         FROM order_lines
        WHERE territory_id = ANY($1)
          AND (order_date BETWEEN $2::date AND $3::date OR order_date BETWEEN $4::date AND $5::date)
        GROUP BY territory_id`,
      [territoryIds, current.from, current.to, lastYear.from, lastYear.to],
    );
  }

  /**
   * Per territory: demands by channel (cancelled ones left out) of the month's cycles (so far, with
   * `through`) and of the previous month's (whole once this month is over, else its same days).
   */
  async demandsByTerritory(
    month: string,
    territoryIds: readonly number[],
    options: { through?: string } = {},
  ): Promise<TerritoryDemands[]> {
    if (!territoryIds.length) return [];
    const { current, previousMonth } = comparisonWindows(month, options.through);
    return this.dataSource.query(
      `SELECT d.territory_id AS "territoryId",
              count(*) FILTER (WHERE c.order_date >= $2::date)::int AS demands,
              count(*) FILTER (WHERE c.order_date >= $2::date AND d.channel = 'self')::int AS "selfDemands",
              count(*) FILTER (WHERE c.order_date <= $5::date)::int AS "demandsPreviousMonth",
              count(*) FILTER (WHERE c.order_date <= $5::date AND d.channel = 'self')::int AS "selfDemandsPreviousMonth"
         FROM demands d JOIN order_cycles c ON c.id = d.cycle_id
        WHERE d.territory_id = ANY($1) AND d.status <> 'cancelled'
          AND (c.order_date BETWEEN $2::date AND $3::date OR c.order_date BETWEEN $4::date AND $5::date)
        GROUP BY d.territory_id`,
      [territoryIds, current.from, current.to, previousMonth.from, previousMonth.to],
    );
  }

  /**
   * Per territory and spec: cartons, amount and ordering retailers of the month (so far, with `through`),
   * and cartons of the same days of the previous month and of last year — brand cultivation's figures and
   * the territory's volume by spec (focus price tiers). One statement over the three windows.
   */
  async brandMonthByTerritory(
    month: string,
    territoryIds: readonly number[],
    options: { through?: string } = {},
  ): Promise<TerritoryBrandMonth[]> {
    if (!territoryIds.length) return [];
    const { current, previousMonth, lastYear } = comparisonWindows(month, options.through);
    return this.dataSource.query(
      `SELECT territory_id AS "territoryId", brand_id AS "brandId",
              COALESCE(sum(ordered) FILTER (WHERE order_date BETWEEN $2::date AND $3::date), 0)::int AS cartons,
              COALESCE(sum(amount_fen) FILTER (WHERE order_date BETWEEN $2::date AND $3::date), 0)::float8 AS "amountFen",
              count(DISTINCT retailer_id) FILTER (WHERE order_date BETWEEN $2::date AND $3::date)::int AS "orderingRetailers",
              COALESCE(sum(ordered) FILTER (WHERE order_date BETWEEN $4::date AND $5::date), 0)::int AS "cartonsPreviousMonth",
              COALESCE(sum(ordered) FILTER (WHERE order_date BETWEEN $6::date AND $7::date), 0)::int AS "cartonsLastYear"
         FROM order_lines
        WHERE territory_id = ANY($1)
          AND (order_date BETWEEN $2::date AND $3::date OR order_date BETWEEN $4::date AND $5::date
               OR order_date BETWEEN $6::date AND $7::date)
        GROUP BY territory_id, brand_id
        ORDER BY territory_id, brand_id`,
      [
        territoryIds,
        current.from,
        current.to,
        previousMonth.from,
        previousMonth.to,
        lastYear.from,
        lastYear.to,
      ],
    );
  }

  /**
   * How a spec was taken up from its launch: per territory and week since `from` (week 0 = days 0–6),
   * cartons and ordering retailers; per territory, the retailers that ordered it and those that ordered it
   * again on another order day (repeat orders). Two statements over the spec's lines of the window.
   */
  async brandUptake(
    brandId: number,
    window: DateRange,
    territoryIds: readonly number[],
  ): Promise<BrandUptake> {
    if (!territoryIds.length) return { weeks: [], retailers: [] };
    const params = [brandId, window.from, window.to, territoryIds];
    const [weeks, retailers] = await Promise.all([
      this.dataSource.query(
        `SELECT territory_id AS "territoryId", ((order_date - $2::date) / 7)::int AS week,
                sum(ordered)::int AS cartons, count(DISTINCT retailer_id)::int AS "orderingRetailers"
           FROM order_lines
          WHERE brand_id = $1 AND order_date BETWEEN $2::date AND $3::date AND territory_id = ANY($4)
          GROUP BY 1, 2 ORDER BY 1, 2`,
        params,
      ) as Promise<BrandUptake['weeks']>,
      this.dataSource.query(
        `SELECT territory_id AS "territoryId", count(*)::int AS "orderingRetailers",
                count(*) FILTER (WHERE order_days >= 2)::int AS "repeatRetailers"
           FROM (SELECT territory_id, retailer_id, count(DISTINCT order_date) AS order_days
                   FROM order_lines
                  WHERE brand_id = $1 AND order_date BETWEEN $2::date AND $3::date AND territory_id = ANY($4)
                  GROUP BY territory_id, retailer_id) r
          GROUP BY territory_id ORDER BY territory_id`,
        params,
      ) as Promise<BrandUptake['retailers']>,
    ]);
    return { weeks, retailers };
  }

  /**
   * Every order line of a month in the given departments or territories, in order-day then line order,
   * handed over in batches from a server-side cursor over one consistent snapshot (the next batch is read
   * while the caller handles the current one). `onBatch` answering false stops early (reader gone).
   */
  async forEachOrderLineBatch(
    month: string,
    filter: { departmentIds?: readonly number[]; territoryIds?: readonly number[] },
    batchSize: number,
    onBatch: (rows: OrderLineFact[]) => Promise<boolean>,
  ): Promise<void> {
    const { current } = comparisonWindows(month);
    await forEachBatchAhead<OrderLineFact>(
      this.dataSource,
      `SELECT ol.id::float8 AS id, to_char(ol.order_date, 'YYYY-MM-DD') AS "orderDate", ol.cycle_id AS "cycleId",
              ol.retailer_id AS "retailerId", ol.territory_id AS "territoryId", ol.service_center_id AS "serviceCenterId",
              ol.supply_point_id AS "supplyPointId", ol.brand_id AS "brandId", ol.requested, ol.ordered,
              ol.price_fen AS "priceFen", ol.amount_fen::float8 AS "amountFen"
         FROM order_lines ol
        WHERE ol.order_date BETWEEN $1::date AND $2::date
          AND ($3::int[] IS NULL OR ol.department_id = ANY($3))
          AND ($4::int[] IS NULL OR ol.territory_id = ANY($4))
        ORDER BY ol.order_date, ol.id`,
      [current.from, current.to, filter.departmentIds ?? null, filter.territoryIds ?? null],
      batchSize,
      onBatch,
    );
  }
}
