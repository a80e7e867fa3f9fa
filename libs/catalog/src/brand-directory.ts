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
}

const FACTS = `b.id, b.code, b.name, b.price_class AS "priceClass", b.wholesale_price_fen AS "wholesalePriceFen",
  b.scarce, b.active`;

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
}
