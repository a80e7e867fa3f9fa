import { preparedQuery } from '#libs/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { BusinessScale, MarketType } from './domain/index.js';
import type { RetailerStatus } from './rules/retailer-status.rule.js';

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
}
