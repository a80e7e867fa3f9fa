import { preparedQuery } from '#libs/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { BusinessScale, MarketType } from './domain/index.js';
import type { RetailerStatus } from './domain/index.js';

/** What other contexts need to know about a retailer to apply their own rules. */
export interface RetailerFacts {
  id: number;
  licenseNo: string;
  shopName: string;
  territoryId: number;
  serviceCenterId: number;
  departmentId: number;
  grade: number;
  scale: BusinessScale;
  marketType: MarketType;
  bigAccount: boolean;
  orderWeekday: number;
  status: RetailerStatus;
  licenseValidTo: string | null;
}

const FACTS = `r.id, r.license_no AS "licenseNo", r.shop_name AS "shopName", r.territory_id AS "territoryId",
  r.service_center_id AS "serviceCenterId", r.department_id AS "departmentId", r.grade, r.scale,
  r.market_type AS "marketType", r.big_account AS "bigAccount", r.order_weekday AS "orderWeekday", r.status,
  to_char(r.license_valid_to, 'YYYY-MM-DD') AS "licenseValidTo"`;

/** A territory's active retailers as KPIs count them: how many, how many reachable, town or country. */
export interface TerritoryRetailerProfile {
  territoryId: number;
  activeRetailers: number;
  /** Active retailers reachable on at least one message channel (SMS, WeChat, the ordering portal) 信息覆盖. */
  reachableRetailers: number;
  urbanRetailers: number;
  ruralRetailers: number;
  /** Rural when most active retailers are rural; a tie (or none) counts as town, the higher target. */
  market: MarketType;
}

/**
 * Read-only access to retailers for other bounded contexts (quotas, ordering, field work…), so they never
 * query the retailers table themselves. Set-based: one query per call, whatever the number of retailers.
 */
@Injectable()
export class RetailerDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async facts(id: number, manager: EntityManager = this.dataSource.manager): Promise<RetailerFacts | null> {
    const [row] = await preparedQuery<RetailerFacts>(
      manager,
      `SELECT ${FACTS} FROM retailers r WHERE r.id = $1`,
      [id],
    );
    return row ?? null;
  }

  async factsOf(ids: number[], manager: EntityManager = this.dataSource.manager): Promise<RetailerFacts[]> {
    if (!ids.length) return [];
    return preparedQuery<RetailerFacts>(
      manager,
      `SELECT ${FACTS} FROM retailers r WHERE r.id = ANY($1) ORDER BY r.id`,
      [ids],
    );
  }

  /** Active retailers of the departments (all departments when omitted). */
  async activeIn(
    departmentIds?: number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RetailerFacts[]> {
    return departmentIds
      ? manager.query(
          `SELECT ${FACTS} FROM retailers r WHERE r.status = 'active' AND r.department_id = ANY($1) ORDER BY r.id`,
          [departmentIds],
        )
      : manager.query(`SELECT ${FACTS} FROM retailers r WHERE r.status = 'active' ORDER BY r.id`);
  }

  /** Ids of the active retailers of some territories. */
  async activeIdsInTerritories(
    territoryIds: number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number[]> {
    const rows: Array<{ id: number }> = await manager.query(
      `SELECT id FROM retailers WHERE status = 'active' AND territory_id = ANY($1) ORDER BY id`,
      [territoryIds],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The active retailers of some territories as two parallel arrays (ids and their territories), to be joined
   * set-based by another context's query (`unnest($1::int[], $2::int[])`): one row per retailer, no objects.
   */
  async activeByTerritory(
    territoryIds: readonly number[],
  ): Promise<{ ids: number[]; territoryIds: number[] }> {
    if (!territoryIds.length) return { ids: [], territoryIds: [] };
    const [row]: Array<{ ids: number[] | null; territoryIds: number[] | null }> = await this.dataSource.query(
      `SELECT array_agg(id ORDER BY id) AS ids, array_agg(territory_id ORDER BY id) AS "territoryIds"
         FROM retailers WHERE status = 'active' AND territory_id = ANY($1::int[])`,
      [territoryIds],
    );
    return { ids: row?.ids ?? [], territoryIds: row?.territoryIds ?? [] };
  }

  /** Active retailers per grade 1–30 (index 0 = grade 1) in a department, optionally of one market type. */
  async countsByGrade(departmentId: number, marketType: MarketType | null): Promise<number[]> {
    const rows: Array<{ grade: number; n: number }> = await this.dataSource.query(
      `SELECT grade, count(*)::int AS n FROM retailers
        WHERE status = 'active' AND department_id = $1 AND ($2::text IS NULL OR market_type = $2)
        GROUP BY grade`,
      [departmentId, marketType],
    );
    const counts = Array.from({ length: 30 }, () => 0);
    for (const row of rows) counts[row.grade - 1] = row.n;
    return counts;
  }

  /**
   * Per territory: its active retailers, those reachable on a message channel, and its market (town or
   * country by majority). One GROUP BY; territories without active retailers answer zeros. The flags are the
   * directory's as they stand now: a month is frozen with them when it closes.
   */
  async territoryProfiles(territoryIds: readonly number[]): Promise<TerritoryRetailerProfile[]> {
    if (!territoryIds.length) return [];
    return this.dataSource.query(
      `SELECT t.id AS "territoryId", COALESCE(r.active, 0) AS "activeRetailers", COALESCE(r.reachable, 0) AS "reachableRetailers",
              COALESCE(r.urban, 0) AS "urbanRetailers", COALESCE(r.rural, 0) AS "ruralRetailers",
              CASE WHEN COALESCE(r.rural, 0) > COALESCE(r.urban, 0) THEN 'rural' ELSE 'urban' END AS market
         FROM unnest($1::int[]) AS t(id)
         LEFT JOIN (
           SELECT territory_id, count(*)::int AS active,
                  count(*) FILTER (WHERE reachable_sms OR reachable_wechat OR reachable_portal)::int AS reachable,
                  count(*) FILTER (WHERE market_type = 'urban')::int AS urban,
                  count(*) FILTER (WHERE market_type = 'rural')::int AS rural
             FROM retailers WHERE status = 'active' AND territory_id = ANY($1::int[])
            GROUP BY territory_id) r ON r.territory_id = t.id
        ORDER BY t.id`,
      [territoryIds],
    );
  }

  /** Licence number and shop name of some retailers, for reports that show who (one query, any number). */
  async labelsOf(ids: readonly number[]): Promise<Map<number, { licenseNo: string; shopName: string }>> {
    if (!ids.length) return new Map();
    const rows: Array<{ id: number; licenseNo: string; shopName: string }> = await this.dataSource.query(
      `SELECT id, license_no AS "licenseNo", shop_name AS "shopName" FROM retailers WHERE id = ANY($1::int[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, { licenseNo: row.licenseNo, shopName: row.shopName }]));
  }
}
