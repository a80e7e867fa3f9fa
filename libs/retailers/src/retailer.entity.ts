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
import type { BigAccountGround, BusinessScale, BusinessType, MarketType } from './domain/index.js';
import type { RetailerStatus } from './domain/index.js';

/**
 * 商圈 types: a list the department configures (residential community, commercial street, market, …).
 * Retailers refer to a type by its code; the name is what people read and type in Excel.
 */
@Entity('district_types')
@Index('uq_district_types_name', ['name'], { unique: true })
@Check('ck_district_types_code', `code ~ '^[a-z][a-z0-9_]{0,31}$'`)
export class DistrictType {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'smallint', default: 0 })
  sortOrder: number;

  /** Retired types stay for the retailers that carry them, but are not offered for new ones. */
  @Column({ type: 'boolean', default: true })
  active: boolean;
}

/**
 * A licensed tobacco retailer 零售户. Carries its territory and, denormalised, its service center and
 * department (the region key every fact table carries for scoping and, at province scale, distribution).
 */
@Entity('retailers')
@Index('uq_retailers_license_no', ['licenseNo'], { unique: true })
@Index('ix_retailers_territory_status', ['territoryId', 'status'])
@Index('ix_retailers_territory_weekday', ['territoryId', 'orderWeekday'])
@Index('ix_retailers_service_center', ['serviceCenterId'])
@Index('ix_retailers_department', ['departmentId'])
@Index('ix_retailers_grade', ['grade'])
@Index('ix_retailers_business_type', ['businessType'])
@Index('ix_retailers_market_type', ['marketType'])
@Index('ix_retailers_scale', ['scale'])
@Index('ix_retailers_status', ['status'])
@Index('ix_retailers_district_type', ['districtType'])
@Index('ix_retailers_big_account', ['bigAccount'], { where: 'big_account' })
@Check('ck_retailers_license_no', `license_no ~ '^[0-9]{6,32}$'`)
@Check('ck_retailers_business_type', `business_type IN ('C','B','S','N','Y','F','Q')`)
@Check('ck_retailers_market_type', `market_type IN ('urban','rural')`)
@Check('ck_retailers_scale', `scale IN ('large','medium','small')`)
@Check('ck_retailers_grade', 'grade BETWEEN 1 AND 30')
@Check('ck_retailers_order_weekday', 'order_weekday BETWEEN 1 AND 7')
@Check('ck_retailers_status', `status IN ('active','suspended','closed')`)
@Check('ck_retailers_status_reason', `status = 'active' OR status_reason IS NOT NULL`)
@Check(
  'ck_retailers_license_dates',
  'license_valid_to IS NULL OR license_valid_from IS NULL OR license_valid_to >= license_valid_from',
)
@Check(
  'ck_retailers_big_account_override',
  '(big_account_override IS NULL) = (big_account_override_reason IS NULL)',
)
@Check(
  'ck_retailers_big_account',
  'big_account = COALESCE(big_account_override, big_account_computed, false)',
)
export class Retailer {
  @PrimaryGeneratedColumn()
  id: number;

  /** 专卖许可证号: digits; its length is configured (default 12) and checked by the service. */
  @Column({ type: 'text' })
  licenseNo: string;

  /**
   * Text search (shop name, licence, owner, phone) is one trigram GIN index over their concatenation,
   * made by hand in the migration (pg_trgm); `RETAILER_SEARCH_SQL` is the expression it indexes.
   */
  @Index('ix_retailers_search_trgm', { synchronize: false })
  @Column({ type: 'text' })
  shopName: string;

  @Column({ type: 'text' })
  ownerName: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'int' })
  territoryId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_id' })
  territory?: OrgUnit;

  @Column({ type: 'int' })
  serviceCenterId: number;

  @Column({ type: 'int' })
  departmentId: number;

  @Column({ type: 'char', length: 1 })
  businessType: BusinessType;

  @Column({ type: 'text' })
  marketType: MarketType;

  @Column({ type: 'text' })
  scale: BusinessScale;

  /** The grade 档位 in force now (changes take effect from the next period; history in retailer_grades). */
  @Column({ type: 'smallint' })
  grade: number;

  /** Since when `grade` is in force: history entries after this day are pending (not yet in force). */
  @Column({ type: 'date', default: () => 'CURRENT_DATE' })
  gradeSince: string;

  /** 商圈 type code, from the configurable list. */
  @Column({ type: 'text', nullable: true })
  districtType: string | null;

  @ManyToOne(() => DistrictType, { onDelete: 'RESTRICT', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'district_type', referencedColumnName: 'code' })
  district?: DistrictType;

  /** 大户 in force: the override when there is one, else the last monthly computation (a CHECK keeps this so). */
  @Column({ type: 'boolean', default: false })
  bigAccount: boolean;

  /** The last monthly computation (null: never computed); history in retailer_big_account_months. */
  @Column({ type: 'boolean', nullable: true })
  bigAccountComputed: boolean | null;

  /** A manual decision overruling the computation; needs a reason. */
  @Column({ type: 'boolean', nullable: true })
  bigAccountOverride: boolean | null;

  @Column({ type: 'text', nullable: true })
  bigAccountOverrideReason: string | null;

  @Column({ type: 'int', nullable: true })
  bigAccountOverrideBy: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  bigAccountOverrideAt: Date | null;

  /** ISO weekday (1 = Monday) of the retailer's weekly order day. */
  @Column({ type: 'smallint' })
  orderWeekday: number;

  /** Reachable on the messaging channels (what 飞信 was): SMS, WeChat, the ordering portal. */
  @Column({ type: 'boolean', default: false })
  reachableSms: boolean;

  @Column({ type: 'boolean', default: false })
  reachableWechat: boolean;

  @Column({ type: 'boolean', default: false })
  reachablePortal: boolean;

  @Column({ type: 'date', nullable: true })
  ownerBirthday: string | null;

  @Column({ type: 'date', nullable: true })
  licenseValidFrom: string | null;

  @Column({ type: 'date', nullable: true })
  licenseValidTo: string | null;

  @Column({ type: 'text', default: 'active' })
  status: RetailerStatus;

  /** Why the status last changed (required unless active). */
  @Column({ type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** The expression the trigram index covers: a search must use exactly this to use the index. */
export const RETAILER_SEARCH_SQL = `(r.shop_name || ' ' || r.license_no || ' ' || r.owner_name || ' ' || coalesce(r.phone, ''))`;

export type GradeSource = 'initial' | 'change' | 'import';

/** Grade history: each grade with the first day it is in force (changes apply from the next period). */
@Entity('retailer_grades')
@Index('uq_retailer_grades_from', ['retailerId', 'effectiveFrom'], { unique: true })
@Index('ix_retailer_grades_effective_from', ['effectiveFrom'])
@Check('ck_retailer_grades_grade', 'grade BETWEEN 1 AND 30')
@Check('ck_retailer_grades_source', `source IN ('initial','change','import')`)
export class RetailerGrade {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  retailerId: number;

  @ManyToOne(() => Retailer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'retailer_id' })
  retailer?: Retailer;

  @Column({ type: 'smallint' })
  grade: number;

  @Column({ type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'text', default: 'change' })
  source: GradeSource;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'int', nullable: true })
  changedBy: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * The monthly big-account assessment of each retailer: its volume, the local (service-center) total and
 * count it was compared with, and the grounds found. Kept as history; the latest sets `big_account_computed`.
 */
@Entity('retailer_big_account_months')
@Index('ix_retailer_big_account_months_scope', ['month', 'territoryId'])
@Check('ck_retailer_big_account_months_month', `month = date_trunc('month', month)::date`)
@Check('ck_retailer_big_account_months_cartons', 'cartons >= 0 AND local_total_cartons >= cartons')
export class RetailerBigAccountMonth {
  @PrimaryColumn({ type: 'int' })
  retailerId: number;

  @ManyToOne(() => Retailer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'retailer_id' })
  retailer?: Retailer;

  /** First day of the month assessed. */
  @PrimaryColumn({ type: 'date' })
  month: string;

  @Column({ type: 'int' })
  territoryId: number;

  @Column({ type: 'int' })
  departmentId: number;

  @Column({ type: 'int' })
  cartons: number;

  @Column({ type: 'bigint' })
  localTotalCartons: string;

  @Column({ type: 'int' })
  localRetailerCount: number;

  @Column({ type: 'text', array: true })
  grounds: BigAccountGround[];

  @Column({ type: 'boolean' })
  isBigAccount: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  assessedAt: Date;
}

export const retailerEntities = [DistrictType, Retailer, RetailerGrade, RetailerBigAccountMonth];
