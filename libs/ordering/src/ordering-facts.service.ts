import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface TerritoryBrandCartons {
  territoryId: number;
  brandId: number;
  cartons: number;
}

/** A territory's ordering in a month, for KPIs: demand by channel and what was ordered, with last year's. */
export interface TerritoryOrderingMonth {
  territoryId: number;
  demands: number;
  selfDemands: number;
  collectedDemands: number;
  orderingRetailers: number;
  cartons: number;
  amountFen: number;
  cartonsLastYear: number;
  amountFenLastYear: number;
}

/**
 * Ordering facts for other contexts (forecast accuracy, KPIs, cultivation), one set-based query each.
 * A month is the month of the cycle's order day (business calendar).
 */
@Injectable()
export class OrderingFacts {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Approved, consolidated demand of a month per territory and spec 实际订货量 — the actuals of forecast
   * accuracy. Expired collected demand and no-demand records count nothing (they never became order lines).
   */
  async actualCartonsByBrand(
    territoryIds: readonly number[],
    month: string,
  ): Promise<TerritoryBrandCartons[]> {
    if (!territoryIds.length) return [];
    return this.dataSource.query(
      `SELECT territory_id AS "territoryId", brand_id AS "brandId", sum(ordered)::int AS cartons
         FROM order_lines
        WHERE territory_id = ANY($1) AND order_date >= $2::date AND order_date < ($2::date + interval '1 month')
        GROUP BY territory_id, brand_id ORDER BY territory_id, brand_id`,
      [territoryIds, `${month}-01`],
    );
  }

  /** Per territory: demands by channel (cancelled ones left out) and the month's sales against the same month last year. */
  async monthByTerritory(month: string, territoryIds?: readonly number[]): Promise<TerritoryOrderingMonth[]> {
    return this.dataSource.query(
      `WITH m AS (SELECT $1::date AS start, ($1::date + interval '1 month')::date AS finish,
                         ($1::date - interval '1 year')::date AS ly_start, ($1::date - interval '11 months')::date AS ly_finish),
       demand AS (
         SELECT d.territory_id, count(*)::int AS demands,
                count(*) FILTER (WHERE d.channel = 'self')::int AS self_demands,
                count(*) FILTER (WHERE d.channel = 'collected')::int AS collected_demands
           FROM demands d JOIN order_cycles c ON c.id = d.cycle_id, m
          WHERE c.order_date >= m.start AND c.order_date < m.finish AND d.status <> 'cancelled'
            AND ($2::int[] IS NULL OR d.territory_id = ANY($2))
          GROUP BY d.territory_id),
       sales AS (
         SELECT ol.territory_id,
                count(DISTINCT ol.retailer_id) FILTER (WHERE ol.order_date >= m.start)::int AS ordering_retailers,
                COALESCE(sum(ol.ordered) FILTER (WHERE ol.order_date >= m.start), 0)::int AS cartons,
                COALESCE(sum(ol.amount_fen) FILTER (WHERE ol.order_date >= m.start), 0)::bigint AS amount_fen,
                COALESCE(sum(ol.ordered) FILTER (WHERE ol.order_date < m.ly_finish), 0)::int AS cartons_ly,
                COALESCE(sum(ol.amount_fen) FILTER (WHERE ol.order_date < m.ly_finish), 0)::bigint AS amount_fen_ly
           FROM order_lines ol, m
          WHERE ((ol.order_date >= m.start AND ol.order_date < m.finish) OR (ol.order_date >= m.ly_start AND ol.order_date < m.ly_finish))
            AND ($2::int[] IS NULL OR ol.territory_id = ANY($2))
          GROUP BY ol.territory_id)
       SELECT COALESCE(demand.territory_id, sales.territory_id) AS "territoryId",
              COALESCE(demand.demands, 0) AS demands, COALESCE(demand.self_demands, 0) AS "selfDemands",
              COALESCE(demand.collected_demands, 0) AS "collectedDemands",
              COALESCE(sales.ordering_retailers, 0) AS "orderingRetailers", COALESCE(sales.cartons, 0) AS cartons,
              COALESCE(sales.amount_fen, 0)::float8 AS "amountFen", COALESCE(sales.cartons_ly, 0) AS "cartonsLastYear",
              COALESCE(sales.amount_fen_ly, 0)::float8 AS "amountFenLastYear"
         FROM demand FULL JOIN sales ON sales.territory_id = demand.territory_id
        ORDER BY 1`,
      [`${month}-01`, territoryIds ?? null],
    );
  }
}
