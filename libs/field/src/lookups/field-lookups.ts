import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MarketType, RetailerStatus } from '#libs/retailers';

export interface RetailerForFieldWork {
  id: number;
  territoryId: number;
  departmentId: number;
  bigAccount: boolean;
  status: RetailerStatus;
}

export interface BrandGuidePrices {
  id: number;
  guidePackFen: number;
  guideCartonFen: number;
}

export interface KeyBrandRow {
  brandId: number;
  kind: 'national_top20' | 'equivalent';
  departmentId: number | null;
}

/**
 * The reads field work needs from other contexts' tables (retailers, brands, key brands, users), limited to
 * the columns it needs, in one place. The retailers and catalogue services are being built (issue 4) and
 * the users service has no such queries yet: each method here moves behind that context's exported service
 * once it exists. Set-based report queries (overdue) join `retailers` the same way; see FieldReportsService.
 */
@Injectable()
export class FieldLookups {
  constructor(private readonly dataSource: DataSource) {}

  /** The retailer with its place, share-locked so a concurrent move cannot split a visit from its territory. */
  async retailerForFieldWork(
    manager: EntityManager,
    retailerId: number,
  ): Promise<RetailerForFieldWork | null> {
    const [row] = await manager.query(
      `SELECT id, territory_id AS "territoryId", department_id AS "departmentId", big_account AS "bigAccount", status
         FROM retailers WHERE id = $1 FOR SHARE`,
      [retailerId],
    );
    return row ?? null;
  }

  /** The retail guide prices of the brands that exist among `brandIds`. */
  async brandGuidePrices(
    manager: EntityManager,
    brandIds: readonly number[],
  ): Promise<Map<number, BrandGuidePrices>> {
    if (!brandIds.length) return new Map();
    const rows: BrandGuidePrices[] = await manager.query(
      `SELECT id, retail_price_pack_fen AS "guidePackFen", retail_price_carton_fen AS "guideCartonFen"
         FROM brands WHERE id = ANY($1::int[])`,
      [brandIds],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** The active account manager of each territory (at most one: a unique index guarantees it). */
  async activeAccountManagers(territoryIds: readonly number[]): Promise<Map<number, number>> {
    if (!territoryIds.length) return new Map();
    const rows: Array<{ id: number; territoryId: number }> = await this.dataSource.query(
      `SELECT id, org_unit_id AS "territoryId" FROM users
        WHERE role = 'account_manager' AND status = 'active' AND org_unit_id = ANY($1::int[])`,
      [territoryIds],
    );
    return new Map(rows.map((row) => [row.territoryId, row.id]));
  }

  /** The territory an account manager (active or not) is placed in; null when the user is not one. */
  async territoryOfAccountManager(userId: number): Promise<number | null> {
    const [row] = await this.dataSource.query(
      `SELECT org_unit_id AS "territoryId" FROM users WHERE id = $1 AND role = 'account_manager'`,
      [userId],
    );
    return row?.territoryId ?? null;
  }

  /**
   * Whether each territory is a town or a rural one, by the majority of its active retailers' market type
   * (a tie, or no retailers, counts as town: the higher target).
   */
  async territoryMarkets(territoryIds: readonly number[]): Promise<Map<number, MarketType>> {
    if (!territoryIds.length) return new Map();
    const rows: Array<{ territoryId: number; market: MarketType }> = await this.dataSource.query(
      `SELECT territory_id AS "territoryId",
              CASE WHEN count(*) FILTER (WHERE market_type = 'rural') > count(*) FILTER (WHERE market_type = 'urban')
                   THEN 'rural' ELSE 'urban' END AS market
         FROM retailers
        WHERE territory_id = ANY($1::int[]) AND status = 'active'
        GROUP BY territory_id`,
      [territoryIds],
    );
    return new Map(rows.map((row) => [row.territoryId, row.market]));
  }

  /** The key brands of a year: the national top 20 and every department's equivalents. */
  async keyBrands(year: number): Promise<KeyBrandRow[]> {
    return this.dataSource.query(
      `SELECT brand_id AS "brandId", kind, department_id AS "departmentId" FROM key_brands WHERE year = $1`,
      [year],
    );
  }
}
