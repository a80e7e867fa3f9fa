import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RetailerStatus } from '#libs/retailers';

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

/**
 * The two reads of other contexts' tables that their directories (RetailerDirectory, BrandDirectory) do not
 * offer yet: a retailer share-locked inside the recording transaction, and the brands' guide prices per
 * carton as well as per pack. Set-based report queries (overdue) join `retailers` the same way; see
 * FieldReportsService.
 */
@Injectable()
export class FieldLookups {
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
}
