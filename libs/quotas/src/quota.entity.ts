import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrgUnit } from '#libs/org';
import { Retailer } from '#libs/retailers';
import { Brand } from '#libs/catalog';

/**
 * A department's quota policy: float allowances by scale, how the agreed total floats, and the pacing
 * factor. There is no floor anywhere in it (rule 1): only caps.
 */
@Entity('quota_policies')
@Check(
  'ck_quota_policies_float',
  'large_float_bp BETWEEN 0 AND 10000 AND medium_float_bp BETWEEN 0 AND 10000 AND small_float_bp BETWEEN 0 AND 10000',
)
@Check('ck_quota_policies_window', 'trailing_window_months BETWEEN 1 AND 24')
@Check('ck_quota_policies_change', 'max_monthly_change_bp BETWEEN 0 AND 10000')
@Check('ck_quota_policies_pacing', 'pacing_factor_bp BETWEEN 10000 AND 100000')
export class QuotaPolicyRecord {
  @PrimaryColumn({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  @Column({ type: 'int' })
  largeFloatBp: number;

  @Column({ type: 'int' })
  mediumFloatBp: number;

  @Column({ type: 'int' })
  smallFloatBp: number;

  @Column({ type: 'smallint' })
  trailingWindowMonths: number;

  @Column({ type: 'int' })
  maxMonthlyChangeBp: number;

  @Column({ type: 'int' })
  pacingFactorBp: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** The base monthly total of a grade, optionally narrowed to a scale and/or market type (null = any). */
@Entity('grade_policies')
@Check('ck_grade_policies_grade', 'grade BETWEEN 1 AND 30')
@Check('ck_grade_policies_base', 'base_monthly_total >= 0')
@Check('ck_grade_policies_scale', `scale IS NULL OR scale IN ('large','medium','small')`)
@Check('ck_grade_policies_market', `market_type IS NULL OR market_type IN ('urban','rural')`)
export class GradePolicyRecord {
  @PrimaryGeneratedColumn()
  id: number;

  /** Unique with grade, scale and market type, nulls included: an expression index made in the migration. */
  @Index('uq_grade_policies_row', { synchronize: false })
  @Column({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  @Column({ type: 'smallint' })
  grade: number;

  @Column({ type: 'text', nullable: true })
  scale: 'large' | 'medium' | 'small' | null;

  @Column({ type: 'text', nullable: true })
  marketType: 'urban' | 'rural' | null;

  @Column({ type: 'int' })
  baseMonthlyTotal: number;
}

/**
 * A retailer's quota for a month: the agreed total and the cap above it (never a floor), with what is used
 * (ordered, consolidated) and reserved (submitted demand not yet consolidated). The CHECK is the last line
 * of defence against over-consumption: used + reserved never exceeds the cap.
 */
@Entity('retailer_quotas')
@Index('ix_retailer_quotas_territory_month', ['territoryId', 'month'])
@Index('ix_retailer_quotas_department_month', ['departmentId', 'month'])
@Check('ck_retailer_quotas_amounts', 'agreed_total >= 0 AND cap >= 0 AND used >= 0 AND reserved >= 0')
@Check('ck_retailer_quotas_within_cap', 'used + reserved <= cap')
@Check('ck_retailer_quotas_month', `month = date_trunc('month', month)::date`)
@Check('ck_retailer_quotas_source', `agreed_total_source IN ('market_manager','grade_policy','floating')`)
export class RetailerQuota {
  @PrimaryColumn({ type: 'int' })
  retailerId: number;

  @ManyToOne(() => Retailer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'retailer_id' })
  retailer?: Retailer;

  /** The first day of the month. */
  @PrimaryColumn({ type: 'date' })
  month: string;

  @Column({ type: 'int' })
  territoryId: number;

  @Column({ type: 'int' })
  departmentId: number;

  @Column({ type: 'int' })
  agreedTotal: number;

  @Column({ type: 'text' })
  agreedTotalSource: 'market_manager' | 'grade_policy' | 'floating';

  @Column({ type: 'int' })
  floatBp: number;

  @Column({ type: 'int' })
  cap: number;

  @Column({ type: 'int', default: 0 })
  used: number;

  @Column({ type: 'int', default: 0 })
  reserved: number;

  /** Every input of the cap (policy, history, float, bounds, manual changes), so each change is explained. */
  @Column({ type: 'jsonb' })
  explanation: Record<string, unknown>;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * Per-retailer supply limits 限量 of a scarce spec for one order week, by grade (index 0 = grade 1):
 * D30 ≥ … ≥ D1. A limit on what may be supplied, never a purchase duty.
 */
@Entity('scarce_limits')
@Check('ck_scarce_limits_vector', 'array_length(limits, 1) = 30 AND 0 <= ALL(limits)')
@Check('ck_scarce_limits_week', `extract(isodow FROM week_start) = 1`)
@Check('ck_scarce_limits_market', `market_type IS NULL OR market_type IN ('urban','rural')`)
@Index('ix_scarce_limits_week', ['weekStart'])
export class ScarceLimitRecord {
  @PrimaryGeneratedColumn()
  id: number;

  /** Unique with brand, week and market type (nulls included): an expression index made in the migration. */
  @Index('uq_scarce_limits_row', { synchronize: false })
  @Column({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  @Column({ type: 'int' })
  brandId: number;

  @ManyToOne(() => Brand, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id' })
  brand?: Brand;

  /** The Monday of the order week the limits apply to. */
  @Column({ type: 'date' })
  weekStart: string;

  @Column({ type: 'text', nullable: true })
  marketType: 'urban' | 'rural' | null;

  @Column({ type: 'int', array: true })
  limits: number[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export const quotaEntities = [QuotaPolicyRecord, GradePolicyRecord, RetailerQuota, ScarceLimitRecord];
