import { preparedQuery } from '#libs/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PriceClass } from './domain/index.js';

/** What other contexts need to know about a specification. */
export interface BrandFacts {
  id: number;
  code: string;
  name: string;
  priceClass: PriceClass;
  wholesalePriceFen: number;
  scarce: boolean;
  active: boolean;
  /** Retail guide price per pack 零售指导价 (focus price tiers are bands of it). */
  retailPricePackFen: number;
  launchDate: string | null;
}

const FACTS = `b.id, b.code, b.name, b.price_class AS "priceClass", b.wholesale_price_fen AS "wholesalePriceFen",
  b.scarce, b.active, b.retail_price_pack_fen AS "retailPricePackFen", to_char(b.launch_date, 'YYYY-MM-DD') AS "launchDate"`;

/** A key brand of a year: national top 20, or a department's equivalent. */
export interface KeyBrandDesignationFact {
  brandId: number;
  kind: 'national_top20' | 'equivalent';
  /** The designating department for an equivalent. */
  departmentId: number | null;
}

/** Read-only access to the catalogue for other bounded contexts (one query per call). */
@Injectable()
export class BrandDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async factsOf(ids: number[], manager: EntityManager = this.dataSource.manager): Promise<BrandFacts[]> {
    if (!ids.length) return [];
    return preparedQuery<BrandFacts>(
      manager,
      `SELECT ${FACTS} FROM brands b WHERE b.id = ANY($1) ORDER BY b.id`,
      [ids],
    );
  }

  /** Ids of the key brands of a year (the national top 20 and the department's equivalents). */
  async keyBrandIds(year: number, departmentId: number | null): Promise<number[]> {
    const rows: Array<{ brand_id: number }> = await this.dataSource.query(
      `SELECT brand_id FROM key_brands WHERE year = $1 AND (kind = 'national_top20' OR department_id = $2) ORDER BY brand_id`,
      [year, departmentId],
    );
    return rows.map((row) => row.brand_id);
  }

  async facts(id: number): Promise<BrandFacts | null> {
    const [row] = await this.factsOf([id]);
    return row ?? null;
  }

  /** The key brands of a year for some departments: the national top 20 and those departments' equivalents. */
  async keyBrandsOf(year: number, departmentIds: readonly number[]): Promise<KeyBrandDesignationFact[]> {
    return this.dataSource.query(
      `SELECT brand_id AS "brandId", kind, department_id AS "departmentId" FROM key_brands
        WHERE year = $1 AND (kind = 'national_top20' OR department_id = ANY($2::int[]))
        ORDER BY brand_id, department_id NULLS FIRST`,
      [year, departmentIds],
    );
  }

  /** Specs launched between two dates (both included), for new-spec cultivation. */
  async launchedBetween(from: string, to: string): Promise<BrandFacts[]> {
    return this.dataSource.query(
      `SELECT ${FACTS} FROM brands b WHERE b.launch_date BETWEEN $1::date AND $2::date ORDER BY b.launch_date, b.id`,
      [from, to],
    );
  }
}
