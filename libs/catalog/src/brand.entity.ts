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

/** Price class I–V by tax-excluded wholesale price per carton (derived, never typed in). */
export type PriceClass = 1 | 2 | 3 | 4 | 5;

/** A cigarette specification 规格 (a product; "brand" in the API). Money in integer fen. */
@Entity('brands')
@Index('uq_brands_code', ['code'], { unique: true })
@Index('ix_brands_active_class', ['active', 'priceClass'])
@Check(
  'ck_brands_prices',
  'wholesale_price_fen > 0 AND retail_price_carton_fen > 0 AND retail_price_pack_fen > 0',
)
@Check('ck_brands_price_class', 'price_class BETWEEN 1 AND 5')
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
 * The key brands of a year: the top-20 national key brands 前20名全国性重点骨干品牌, and brands a department
 * designates as equivalent (e.g. a local brand treated as top-20).
 */
@Entity('key_brands')
@Index('ix_key_brands_brand', ['brandId'])
@Check('ck_key_brands_kind', `kind IN ('national_top20', 'equivalent')`)
export class KeyBrand {
  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @PrimaryColumn({ type: 'int' })
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
}

export const catalogEntities = [Brand, KeyBrand];
