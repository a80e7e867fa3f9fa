import { hashPassword } from '#libs/auth';
import { DEMO_PASSWORD, type DemoApp } from './demo.js';

export interface RetailerFixture {
  licenseNo: string;
  territory: string;
  grade: number;
  scale?: 'large' | 'medium' | 'small';
  marketType?: 'urban' | 'rural';
  orderWeekday?: number;
  status?: 'active' | 'suspended' | 'closed';
  licenseValidTo?: string | null;
  /** Also create the retailer's self-service user (username = licence number, password DEMO_PASSWORD). */
  withUser?: boolean;
}

/**
 * A department's quota policy in round numbers (grade g: 10·g cartons a month; +5/10/15% by scale; pacing
 * factor 1.5), for tests whose sums are worked out by hand.
 */
export const ROUND_QUOTA_POLICY = {
  floatAllowancesBp: { large: 500, medium: 1000, small: 1500 },
  trailingWindowMonths: 3,
  maxMonthlyChangeBp: 2000,
  pacingFactorBp: 15000,
  grades: Array.from({ length: 30 }, (_, i) => ({ grade: i + 1, baseMonthlyTotal: 10 * (i + 1) })),
};

let retailerPasswordHash: Promise<string> | undefined;

/** Inserts small, explicit retailer fixtures (with their territory's center and department); returns ids. */
export async function insertRetailers(t: DemoApp, fixtures: RetailerFixture[]): Promise<number[]> {
  const ids: number[] = [];
  for (const f of fixtures) {
    const territoryId = await t.unitId(f.territory);
    const { rows } = await t.db.query(
      `INSERT INTO retailers (license_no, shop_name, owner_name, address, territory_id, service_center_id, department_id,
         business_type, market_type, scale, grade, order_weekday, status, license_valid_to, status_reason)
       SELECT $1, '测试商店' || $1, '店主', '测试地址', t.id, t.service_center_id, t.department_id,
         'C', $2, $3, $4, $5, $6, $7, CASE WHEN $6 <> 'active' THEN '测试' END
         FROM org_units t WHERE t.id = $8
       RETURNING id`,
      [
        f.licenseNo,
        f.marketType ?? 'urban',
        f.scale ?? 'small',
        f.grade,
        f.orderWeekday ?? 1,
        f.status ?? 'active',
        f.licenseValidTo ?? null,
        territoryId,
      ],
    );
    ids.push(rows[0].id);
    if (f.withUser) {
      retailerPasswordHash ??= hashPassword(DEMO_PASSWORD);
      await t.db.query(
        `INSERT INTO users (username, display_name, role, org_unit_id, retailer_id, password_hash) VALUES ($1, $2, 'retailer', $3, $4, $5)`,
        [f.licenseNo, `零售户${f.licenseNo}`, territoryId, rows[0].id, await retailerPasswordHash],
      );
    }
  }
  return ids;
}

export interface BrandFixture {
  code: string;
  name?: string;
  wholesalePriceFen?: number;
  priceClass?: number;
  scarce?: boolean;
  active?: boolean;
}

export async function insertBrands(t: DemoApp, fixtures: BrandFixture[]): Promise<number[]> {
  const ids: number[] = [];
  for (const f of fixtures) {
    const { rows } = await t.db.query(
      `INSERT INTO brands (code, name, manufacturer, wholesale_price_fen, retail_price_carton_fen, retail_price_pack_fen, price_class, scarce, active)
       VALUES ($1, $2, '测试卷烟厂', $3, $3 * 13 / 10, $3 * 13 / 100, $4, $5, $6) RETURNING id`,
      [
        f.code,
        f.name ?? `规格${f.code}`,
        f.wholesalePriceFen ?? 20000,
        f.priceClass ?? 1,
        f.scarce ?? false,
        f.active ?? true,
      ],
    );
    ids.push(rows[0].id);
  }
  return ids;
}
