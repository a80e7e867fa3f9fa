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
import { User } from '#libs/auth';
import { Brand } from '#libs/catalog';
import type { KpiBaseline, KpiCells, KpiCode } from './domain/index.js';

/**
 * A department's own target for a KPI, over the default of the KPI table: for the whole department
 * (`territoryId` null) or for one territory (e.g. its shelf-rate target). `kind = 'none'` removes the default
 * target. Read at evaluation time; a closed month keeps the targets it was judged against in its snapshot.
 */
@Entity('kpi_targets')
@Index('uq_kpi_targets_department_code', ['departmentId', 'code'], {
  unique: true,
  where: 'territory_id IS NULL',
})
@Index('uq_kpi_targets_territory_code', ['territoryId', 'code'], {
  unique: true,
  where: 'territory_id IS NOT NULL',
})
@Check('ck_kpi_targets_kind', `kind IN ('atLeast','atMost','rising','upByAmount','upByPercent','none')`)
@Check(
  'ck_kpi_targets_shape',
  `(kind IN ('atLeast','atMost','upByAmount','upByPercent')) = (value IS NOT NULL) AND (kind = 'rising') = (baseline IS NOT NULL)`,
)
@Check('ck_kpi_targets_baseline', `baseline IS NULL OR baseline IN ('previousMonth','sameMonthLastYear')`)
@Check('ck_kpi_targets_value', 'value IS NULL OR value >= 0')
export class KpiTargetSetting {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  /** Null: the department's target; set: this territory's, over the department's. */
  @Column({ type: 'int', nullable: true })
  territoryId: number | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'territory_id' })
  territory?: OrgUnit;

  @Column({ type: 'text' })
  code: KpiCode;

  @Column({ type: 'text' })
  kind: 'atLeast' | 'atMost' | 'rising' | 'upByAmount' | 'upByPercent' | 'none';

  /** A fraction for percent KPIs (0.6 = 60 %), fen for money, cartons or a count otherwise. */
  @Column({ type: 'numeric', precision: 18, scale: 6, nullable: true })
  value: string | null;

  @Column({ type: 'text', nullable: true })
  baseline: KpiBaseline | null;

  @Column({ type: 'int', nullable: true })
  updatedBy: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by' })
  updater?: User;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export const KPI_CORRECTION_STATES = ['open', 'approved', 'rejected'] as const;
export type KpiCorrectionState = (typeof KPI_CORRECTION_STATES)[number];

/**
 * A correction of a closed month 更正: a department head opens it with a reason, an inspector (another
 * person) approves or rejects it; an approval recounts the month into a new version of its snapshot and
 * workbook (`KpiMonthClose.correctionId`), the old versions kept. One open correction per month at a time.
 */
@Entity('kpi_month_corrections')
@Index('uq_kpi_month_corrections_open', ['month', 'departmentId'], { unique: true, where: `status = 'open'` })
@Index('ix_kpi_month_corrections_department_status', ['departmentId', 'status', 'openedAt'])
@Check('ck_kpi_month_corrections_month', 'EXTRACT(DAY FROM month) = 1')
@Check('ck_kpi_month_corrections_status', `status IN ('open','approved','rejected')`)
@Check('ck_kpi_month_corrections_decision', `(status = 'open') = (decided_by IS NULL AND decided_at IS NULL)`)
@Check('ck_kpi_month_corrections_two_people', 'decided_by IS NULL OR decided_by <> opened_by')
export class KpiMonthCorrection {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'date' })
  month: string;

  @Column({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', default: 'open' })
  status: KpiCorrectionState;

  @Column({ type: 'int' })
  openedBy: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opened_by' })
  opener?: User;

  @Column({ type: 'timestamptz' })
  openedAt: Date;

  @Column({ type: 'int', nullable: true })
  decidedBy: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by' })
  decider?: User;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionNote: string | null;
}

/**
 * A closed month of a department 月结, in versions: version 1 written once by the month-close job with its
 * rows and workbook, in one transaction; each approved correction adds the next version, counted by the same
 * code. A trigger refuses UPDATE, DELETE and TRUNCATE, so what was reported stays what it was; the newest
 * version is the month's figure, the older ones are superseded and kept.
 */
@Entity('kpi_month_closes')
@Index('uq_kpi_month_closes_correction', ['correctionId'], { unique: true })
@Check('ck_kpi_month_closes_month', 'EXTRACT(DAY FROM month) = 1')
@Check('ck_kpi_month_closes_version', '(version = 1) = (correction_id IS NULL) AND version >= 1')
export class KpiMonthClose {
  @PrimaryColumn({ type: 'date' })
  month: string;

  @PrimaryColumn({ type: 'int' })
  departmentId: number;

  @PrimaryColumn({ type: 'int', default: 1 })
  version: number;

  /** The approved correction that made this version; null for the month close itself (version 1). */
  @Column({ type: 'int', nullable: true })
  correctionId: number | null;

  @ManyToOne(() => KpiMonthCorrection, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'correction_id' })
  correction?: KpiMonthCorrection;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  /** The business date the figures were counted through (the month's last day). */
  @Column({ type: 'date' })
  asOf: string;

  @Column({ type: 'timestamptz' })
  closedAt: Date;

  /** The admin who closed it by hand, or the inspector who approved the correction; null for the job. */
  @Column({ type: 'int', nullable: true })
  closedBy: number | null;

  /** The KPIs the snapshot could not measure yet (e.g. a family whose context is not deployed), with why. */
  @Column({ type: 'jsonb' })
  notes: Array<{ family: string; reason: string }>;
}

export type KpiRowLevel = 'territory' | 'service_center' | 'department' | 'squad' | 'delivery_staff';

/**
 * One subject's KPIs in a closed month: a territory with its account manager, a service center, the
 * department (and, with the three-role interaction, a squad or a delivery staff member). The cells carry
 * values, parts, targets and statuses exactly as reported. Immutable (trigger).
 */
@Entity('kpi_snapshot_rows')
@Index('uq_kpi_snapshot_rows_subject', ['month', 'departmentId', 'version', 'level', 'subjectId'], {
  unique: true,
})
@Check(
  'ck_kpi_snapshot_rows_level',
  `level IN ('territory','service_center','department','squad','delivery_staff')`,
)
export class KpiSnapshotRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'date' })
  month: string;

  @Column({ type: 'int' })
  departmentId: number;

  @Column({ type: 'int', default: 1 })
  version: number;

  @ManyToOne(() => KpiMonthClose, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'month', referencedColumnName: 'month' },
    { name: 'department_id', referencedColumnName: 'departmentId' },
    { name: 'version', referencedColumnName: 'version' },
  ])
  close?: KpiMonthClose;

  @Column({ type: 'text' })
  level: KpiRowLevel;

  /** The territory, center, department, squad or user the row is about. */
  @Column({ type: 'int' })
  subjectId: number;

  @Column({ type: 'int', nullable: true })
  serviceCenterId: number | null;

  /** How the subject was named and who held it when the month closed (names change; the report does not). */
  @Column({ type: 'jsonb' })
  subject: object;

  @Column({ type: 'jsonb' })
  cells: KpiCells;
}

export type CultivationTaskStatus = 'open' | 'submitted';

/**
 * 新品分析: an account manager's written analysis of a new spec in its territory, due 30 days after launch
 * (sales trend, consumer opinion, ordering). One per spec and territory; submitted once.
 */
@Entity('cultivation_tasks')
@Index('uq_cultivation_tasks_brand_territory', ['brandId', 'territoryId'], { unique: true })
@Index('ix_cultivation_tasks_territory_status', ['territoryId', 'status', 'dueOn'])
@Index('ix_cultivation_tasks_department_status', ['departmentId', 'status', 'dueOn'])
@Check('ck_cultivation_tasks_status', `status IN ('open','submitted')`)
@Check(
  'ck_cultivation_tasks_submission',
  `(status = 'submitted') = (submitted_at IS NOT NULL AND submitted_by IS NOT NULL AND sales_trend IS NOT NULL AND consumer_opinion IS NOT NULL AND ordering_analysis IS NOT NULL)`,
)
export class CultivationTask {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  brandId: number;

  @ManyToOne(() => Brand, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brand_id' })
  brand?: Brand;

  @Column({ type: 'int' })
  territoryId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_id' })
  territory?: OrgUnit;

  @Column({ type: 'int' })
  serviceCenterId: number;

  @Column({ type: 'int' })
  departmentId: number;

  /** The territory's account manager when the task was made (whoever holds the territory submits it). */
  @Column({ type: 'int', nullable: true })
  assignedTo: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assigned_to' })
  assignee?: User;

  @Column({ type: 'date' })
  launchDate: string;

  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'text', default: 'open' })
  status: CultivationTaskStatus;

  @Column({ type: 'text', nullable: true })
  salesTrend: string | null;

  @Column({ type: 'text', nullable: true })
  consumerOpinion: string | null;

  @Column({ type: 'text', nullable: true })
  orderingAnalysis: string | null;

  @Column({ type: 'int', nullable: true })
  submittedBy: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by' })
  submitter?: User;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const kpiEntities = [
  KpiTargetSetting,
  KpiMonthCorrection,
  KpiMonthClose,
  KpiSnapshotRow,
  CultivationTask,
];
