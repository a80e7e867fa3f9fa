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
import { Retailer } from '#libs/retailers';
import { User } from '#libs/auth';
import {
  LEAD_IMPORTANCES,
  LEAD_KINDS,
  LEAD_STATES,
  VERIFICATION_RESULTS,
  type LeadImportance,
  type LeadKind,
  type LeadState,
  type VerificationResult,
} from './domain/index.js';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(',');

export const LEAD_SOURCES = ['report', 'anomaly'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/**
 * A lead 线索 reported by an account manager or delivery staff (or raised from an ordering anomaly), routed to
 * the enforcement squad covering its territory. The deadline is fixed when it is reported (the department's
 * policy of that day); the result is recorded once, by an officer of the squad. Carries the org keys so
 * every scoping rule is one indexed comparison.
 */
@Entity('leads')
@Index('ix_leads_squad_reported', ['squadId', 'reportedAt'])
@Index('ix_leads_reporter_reported', ['reportedBy', 'reportedAt'])
@Index('ix_leads_department_reported', ['departmentId', 'reportedAt'])
@Index('ix_leads_department_deadline', ['departmentId', 'deadlineAt'])
@Index('ix_leads_squad_deadline', ['squadId', 'deadlineAt'])
@Index('ix_leads_center_reported', ['serviceCenterId', 'reportedAt'])
@Index('ix_leads_status_reported', ['status', 'reportedAt'])
@Index('ix_leads_retailer_reported', ['retailerId', 'reportedAt'])
@Index('ix_leads_open_important', ['deadlineAt'], {
  where: `importance = 'important' AND verification_result IS NULL`,
})
@Index('uq_leads_anomaly', ['sourceCycleId', 'retailerId', 'sourceBrandId'], {
  unique: true,
  where: `source = 'anomaly'`,
})
@Check('ck_leads_kind', `kind IN (${list(LEAD_KINDS)})`)
@Check('ck_leads_importance', `importance IN (${list(LEAD_IMPORTANCES)})`)
@Check('ck_leads_status', `status IN (${list(LEAD_STATES)})`)
@Check('ck_leads_source', `source IN (${list(LEAD_SOURCES)})`)
@Check(
  'ck_leads_result',
  `verification_result IS NULL OR verification_result IN (${list(VERIFICATION_RESULTS)})`,
)
@Check(
  'ck_leads_result_recorded',
  `(verification_result IS NULL) = (verified_at IS NULL) AND (verification_result IS NULL) = (verified_by IS NULL)`,
)
@Check('ck_leads_result_state', `(status IN ('verified','closed')) = (verification_result IS NOT NULL)`)
@Check('ck_leads_closed', `(status = 'closed') = (closed_at IS NOT NULL)`)
@Check('ck_leads_deadline', 'deadline_at > reported_at')
@Check(
  'ck_leads_anomaly',
  `source <> 'anomaly' OR (retailer_id IS NOT NULL AND source_cycle_id IS NOT NULL AND source_brand_id IS NOT NULL)`,
)
export class Lead {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  kind: LeadKind;

  @Column({ type: 'text' })
  importance: LeadImportance;

  @Column({ type: 'text', default: 'new' })
  status: LeadState;

  @Column({ type: 'text' })
  description: string;

  /** Photo references, document numbers, notes: what the reporter has to show. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  evidence: string[];

  @Column({ type: 'text', default: 'report' })
  source: LeadSource;

  @Column({ type: 'int', nullable: true })
  retailerId: number | null;

  @ManyToOne(() => Retailer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'retailer_id' })
  retailer?: Retailer;

  @Column({ type: 'int' })
  territoryId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_id' })
  territory?: OrgUnit;

  @Column({ type: 'int' })
  serviceCenterId: number;

  @Column({ type: 'int' })
  departmentId: number;

  /** The squad that received the lead (the territory's covering squad when it was reported). */
  @Column({ type: 'int' })
  squadId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'squad_id' })
  squad?: OrgUnit;

  @Column({ type: 'int' })
  reportedBy: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reported_by' })
  reporter?: User;

  @Column({ type: 'text' })
  reporterRole: string;

  @Column({ type: 'timestamptz' })
  reportedAt: Date;

  @Column({ type: 'timestamptz' })
  deadlineAt: Date;

  @Column({ type: 'int', nullable: true })
  assignedTo: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assigned_to' })
  assignee?: User;

  @Column({ type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  verificationResult: VerificationResult | null;

  @Column({ type: 'text', nullable: true })
  verificationNote: string | null;

  @Column({ type: 'int', nullable: true })
  verifiedBy: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'verified_by' })
  verifier?: User;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  /** When the lead was last escalated to the inspectors 督察组, and how often. */
  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  @Column({ type: 'smallint', default: 0 })
  escalationCount: number;

  /** Set by inspectors requiring action: the new instant by which they expect the result. */
  @Column({ type: 'timestamptz', nullable: true })
  actionDueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** An anomaly lead: the cycle and spec of the ordering warning, and what it said. */
  @Column({ type: 'int', nullable: true })
  sourceCycleId: number | null;

  @Column({ type: 'int', nullable: true })
  sourceBrandId: number | null;

  @Column({ type: 'jsonb', nullable: true })
  anomaly: object | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** The events a lead's history shows its reporter, the squad and the inspectors: steps and comments. */
export const LEAD_EVENT_KINDS = [
  'report',
  'assign',
  'startVerification',
  'recordResult',
  'escalate',
  'requireAction',
  'close',
  'comment',
] as const;
export type LeadEventKind = (typeof LEAD_EVENT_KINDS)[number];

@Entity('lead_events')
@Index('ix_lead_events_lead', ['leadId', 'at'])
@Check('ck_lead_events_event', `event IN (${list(LEAD_EVENT_KINDS)})`)
export class LeadEventRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'int' })
  leadId: number;

  @ManyToOne(() => Lead, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lead_id' })
  lead?: Lead;

  @Column({ type: 'text' })
  event: LeadEventKind;

  @Column({ type: 'text', nullable: true })
  fromStatus: LeadState | null;

  @Column({ type: 'text', nullable: true })
  toStatus: LeadState | null;

  /** Null for the system (the escalation job). */
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Column({ type: 'text' })
  actorRole: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}

/** A department's lead deadlines (days by importance); departments without a row use the defaults. */
@Entity('lead_policies')
@Check('ck_lead_policies_days', 'important_days BETWEEN 1 AND 90 AND normal_days BETWEEN 1 AND 90')
@Check('ck_lead_policies_order', 'important_days <= normal_days')
export class LeadPolicyRecord {
  @PrimaryColumn({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  @Column({ type: 'smallint' })
  importantDays: number;

  @Column({ type: 'smallint' })
  normalDays: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export const enforcementEntities = [Lead, LeadEventRecord, LeadPolicyRecord];
