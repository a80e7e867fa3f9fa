import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrgUnit } from '#libs/org';
import { PRICE_CLASS_FLOORS_FEN, PRICE_CLASSES, type PriceClass } from './domain/index.js';
import type { FocusMarket } from './domain/index.js';

/**
 * The database's own copy of the price-class rule, generated from the domain's boundaries: a row whose
 * class does not follow from its wholesale price is refused, and moving a boundary in the domain shows up
 * as schema drift (a migration is needed), never as silently stale rows.
 */
export const PRICE_CLASS_CHECK = `price_class = CASE ${PRICE_CLASS_FLOORS_FEN.map(
  ([priceClass, minFen]) => `WHEN wholesale_price_fen >= ${minFen} THEN ${priceClass}`,
).join(' ')} ELSE ${PRICE_CLASSES.length} END`;

/** A cigarette specification 规格 (a product; "brand" in the API). Money in integer fen. */
@Entity('brands')
@Index('uq_brands_code', ['code'], { unique: true })
@Index('ix_brands_active_class', ['active', 'priceClass'])
@Check(
  'ck_brands_prices',
  'wholesale_price_fen > 0 AND retail_price_carton_fen > 0 AND retail_price_pack_fen > 0',
)
@Check('ck_brands_price_class', 'price_class BETWEEN 1 AND 5')
@Check('ck_brands_price_class_derived', PRICE_CLASS_CHECK)
@Check('ck_brands_code', `code ~ '^[A-Za-z0-9_-]{1,32}$'`)
export class Brand {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  manufacturer: string;

  /** Tax-excluded wholesale (transfer) price per carton, in fen. */
  @Column({ type: 'int' })
  wholesalePriceFen: number;

  /** Retail guide price 零售指导价 per carton, in fen. */
  @Column({ type: 'int' })
  retailPriceCartonFen: number;

  /** Retail guide price per pack, in fen. */
  @Column({ type: 'int' })
  retailPricePackFen: number;

  /** 1–5 for classes I–V, derived from the wholesale price (`priceClassOf`), never typed in. */
  @Column({ type: 'smallint' })
  priceClass: PriceClass;

  @Column({ type: 'date', nullable: true })
  launchDate: string | null;

  /** Scarce 紧俏: may carry per-grade supply limits (never a purchase duty). */
  @Column({ type: 'boolean', default: false })
  scarce: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export type KeyBrandKind = 'national_top20' | 'equivalent';

/**
 * The key brands of a year: the top-20 national key brands 前20名全国性重点骨干品牌 (company-wide, no
 * department), and brands a department designates as equivalent (e.g. a local brand treated as top-20).
 */
@Entity('key_brands')
@Index('ix_key_brands_brand', ['brandId'])
@Index('uq_key_brands_national', ['year', 'brandId'], { unique: true, where: 'department_id IS NULL' })
@Index('uq_key_brands_equivalent', ['year', 'departmentId', 'brandId'], {
  unique: true,
  where: 'department_id IS NOT NULL',
})
@Check('ck_key_brands_kind', `kind IN ('national_top20', 'equivalent')`)
@Check('ck_key_brands_kind_department', `(kind = 'national_top20') = (department_id IS NULL)`)
@Check('ck_key_brands_year', 'year BETWEEN 2000 AND 2100')
export class KeyBrand {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'int' })
  brandId: number;

  @ManyToOne(() => Brand, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id' })
  brand?: Brand;

  @Column({ type: 'text' })
  kind: KeyBrandKind;

  /** For an equivalent designation: the department that made it. */
  @Column({ type: 'int', nullable: true })
  departmentId: number | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A department's cultivation focus price tier 重点培育价位 for a market (urban / rural), in fen per pack;
 * without a row the domain's defaults apply (urban ≥ 10 yuan, rural 5–8 yuan).
 */
@Entity('focus_tiers')
@Check('ck_focus_tiers_market', `market IN ('urban', 'rural')`)
@Check(
  'ck_focus_tiers_range',
  'min_fen_per_pack > 0 AND (max_fen_per_pack IS NULL OR max_fen_per_pack >= min_fen_per_pack)',
)
export class FocusTier {
  @PrimaryColumn({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  @PrimaryColumn({ type: 'text' })
  market: FocusMarket;

  @Column({ type: 'int' })
  minFenPerPack: number;

  @Column({ type: 'int', nullable: true })
  maxFenPerPack: number | null;

  @Column({ type: 'int', nullable: true })
  updatedBy: number | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export const catalogEntities = [Brand, KeyBrand, FocusTier];
