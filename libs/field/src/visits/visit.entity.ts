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
} from 'typeorm';
import { OrgUnit } from '#libs/org';
import { User } from '#libs/auth';
import { Retailer } from '#libs/retailers';
import { Brand } from '#libs/catalog';
import type { GuidanceTopic, VisitKind } from '../domain/index.js';

/**
 * An account manager's visit to a retailer. The retailer's territory and department are copied at write
 * time, so scoping is one indexed comparison and a visit stays with the territory it was made in.
 * A visit is a record of what happened: it is never edited (a market manager's check is a row of its own).
 */
@Entity('visits')
@Check('ck_visits_kind', `kind IN ('routine','guidance','big_account_inspection','onboarding')`)
@Check(
  'ck_visits_guidance',
  `(kind = 'guidance') = (guidance_topics IS NOT NULL) AND (guidance_topics IS NULL) = (guidance_advice IS NULL)` +
    ` AND (guidance_topics IS NULL OR (cardinality(guidance_topics) >= 1 AND guidance_topics <@ ARRAY['brand_structure','pricing','display','stock','policy','store_management','other']::text[]))`,
)
@Check('ck_visits_awareness', '(aware_floating_quota IS NULL) = (aware_self_reporting IS NULL)')
@Check(
  'ck_visits_reachability',
  '(reachable_sms IS NULL) = (reachable_wechat IS NULL) AND (reachable_sms IS NULL) = (reachable_portal IS NULL)',
)
@Check(
  'ck_visits_position',
  '(latitude IS NULL) = (longitude IS NULL) AND (latitude IS NOT NULL OR position_accuracy_m IS NULL)' +
    ' AND (latitude IS NULL OR (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180))',
)
@Index('ix_visits_territory_on', ['territoryId', 'visitedOn'])
@Index('ix_visits_territory_kind_on', ['territoryId', 'kind', 'visitedOn'])
@Index('ix_visits_department_on', ['departmentId', 'visitedOn'])
@Index('ix_visits_account_manager_on', ['accountManagerId', 'visitedOn'])
@Index('ix_visits_retailer_on', ['retailerId', 'visitedOn'])
export class Visit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  retailerId: number;

  @ManyToOne(() => Retailer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'retailer_id' })
  retailer?: Retailer;

  @Column({ type: 'int' })
  territoryId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_id' })
  territory?: OrgUnit;

  @Column({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  /** Who made the visit (the account manager who recorded it). */
  @Column({ type: 'int' })
  accountManagerId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_manager_id' })
  accountManager?: User;

  @Column({ type: 'text' })
  kind: VisitKind;

  @Column({ type: 'timestamptz' })
  visitedAt: Date;

  /** `visitedAt` as a business date (Asia/Shanghai): what cadence, targets and months count. */
  @Column({ type: 'date' })
  visitedOn: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** Guidance visits only: what was advised on. */
  @Column({ type: 'text', array: true, nullable: true })
  guidanceTopics: GuidanceTopic[] | null;

  /** Guidance visits only: the advice, in the account manager's words. */
  @Column({ type: 'text', nullable: true })
  guidanceAdvice: string | null;

  /** Whether a shelf check was made (its items may be none: nothing of interest on the shelf). */
  @Column({ type: 'boolean', default: false })
  shelfChecked: boolean;

  /** Awareness survey 知晓: does the retailer understand floating quotas / self-reporting? Null: not asked. */
  @Column({ type: 'boolean', nullable: true })
  awareFloatingQuota: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  awareSelfReporting: boolean | null;

  /** Channel reachability observed at the visit (SMS, WeChat, ordering portal). Null: not observed. */
  @Column({ type: 'boolean', nullable: true })
  reachableSms: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  reachableWechat: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  reachablePortal: boolean | null;

  /** Where the phone was at the visit (WGS-84 degrees), when its user allowed it; never required. */
  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true })
  latitude: string | null;

  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true })
  longitude: string | null;

  /** The phone's accuracy radius for the position, in metres. */
  @Column({ type: 'int', nullable: true })
  positionAccuracyM: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * One spec on a visit's price check: the observed prices against the guide prices in force at the visit
 * (copied, with the tolerance applied, so the verdict stays explainable when guide prices change).
 */
@Entity('visit_price_checks')
@Check(
  'ck_visit_price_checks_observed',
  '(observed_pack_fen IS NOT NULL OR observed_carton_fen IS NOT NULL) AND (observed_pack_fen IS NULL OR observed_pack_fen > 0) AND (observed_carton_fen IS NULL OR observed_carton_fen > 0)',
)
@Check('ck_visit_price_checks_guide', 'guide_pack_fen > 0 AND guide_carton_fen > 0 AND tolerance_bp >= 0')
@Index('ix_visit_price_checks_territory_on', ['territoryId', 'visitedOn'])
@Index('ix_visit_price_checks_department_on', ['departmentId', 'visitedOn'])
@Index('ix_visit_price_checks_brand_on', ['brandId', 'visitedOn'])
export class VisitPriceCheck {
  @PrimaryColumn({ type: 'int' })
  visitId: number;

  @ManyToOne(() => Visit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'visit_id' })
  visit?: Visit;

  @PrimaryColumn({ type: 'int' })
  brandId: number;

  @ManyToOne(() => Brand, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brand_id' })
  brand?: Brand;

  @Column({ type: 'int' })
  retailerId: number;

  @Column({ type: 'int' })
  territoryId: number;

  @Column({ type: 'int' })
  departmentId: number;

  @Column({ type: 'date' })
  visitedOn: string;

  @Column({ type: 'int', nullable: true })
  observedPackFen: number | null;

  @Column({ type: 'int', nullable: true })
  observedCartonFen: number | null;

  @Column({ type: 'int' })
  guidePackFen: number;

  @Column({ type: 'int' })
  guideCartonFen: number;

  @Column({ type: 'int' })
  toleranceBp: number;

  /** Every observed price within the tolerance of its guide price. */
  @Column({ type: 'boolean' })
  compliant: boolean;
}

/** A spec found on the shelf 上柜 at a visit's shelf check. */
@Entity('visit_shelf_items')
@Index('ix_visit_shelf_items_territory_on', ['territoryId', 'visitedOn'])
@Index('ix_visit_shelf_items_department_on', ['departmentId', 'visitedOn'])
@Index('ix_visit_shelf_items_brand_on', ['brandId', 'visitedOn'])
export class VisitShelfItem {
  @PrimaryColumn({ type: 'int' })
  visitId: number;

  @ManyToOne(() => Visit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'visit_id' })
  visit?: Visit;

  @PrimaryColumn({ type: 'int' })
  brandId: number;

  @ManyToOne(() => Brand, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brand_id' })
  brand?: Brand;

  @Column({ type: 'int' })
  retailerId: number;

  @Column({ type: 'int' })
  territoryId: number;

  @Column({ type: 'int' })
  departmentId: number;

  @Column({ type: 'date' })
  visitedOn: string;
}

/**
 * A market manager's field check of a guidance visit 有效指导: effective or not, with a note. One per visit
 * (the primary key): the verdict feeds the effective-guidance KPI and is not revised.
 */
@Entity('visit_checks')
@Index('ix_visit_checks_territory_at', ['territoryId', 'checkedAt'])
@Index('ix_visit_checks_department_at', ['departmentId', 'checkedAt'])
@Index('ix_visit_checks_checked_by', ['checkedBy', 'checkedAt'])
export class VisitCheck {
  @PrimaryColumn({ type: 'int' })
  visitId: number;

  @ManyToOne(() => Visit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'visit_id' })
  visit?: Visit;

  @Column({ type: 'int' })
  territoryId: number;

  @Column({ type: 'int' })
  departmentId: number;

  @Column({ type: 'boolean' })
  effective: boolean;

  @Column({ type: 'text' })
  note: string;

  @Column({ type: 'int' })
  checkedBy: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'checked_by' })
  checker?: User;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  checkedAt: Date;
}
