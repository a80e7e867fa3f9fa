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
  CASE_ANSWER_HOURS_MAX,
  CASE_STATES,
  type CaseState,
  PROBLEM_KINDS,
  type ProblemKind,
  THREE_ROLES,
  type ThreeRole,
} from './domain/index.js';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(',');

/**
 * A problem one of the three roles raised about another's work at a retailer 三员互动问题. It goes to the market
 * manager of the retailer's center, who answers it by the deadline fixed when it was raised (the department's
 * policy of that day); overdue, the job escalates it to the department's inspectors; the raiser closes it once
 * answered. Carries the retailer's org keys so every scoping rule is one indexed comparison.
 */
@Entity('problems')
@Index('ix_problems_raiser_raised', ['raisedBy', 'raisedAt'])
@Index('ix_problems_center_status_raised', ['serviceCenterId', 'status', 'raisedAt'])
@Index('ix_problems_department_status_raised', ['departmentId', 'status', 'raisedAt'])
@Index('ix_problems_retailer_raised', ['retailerId', 'raisedAt'])
@Index('ix_problems_open_deadline', ['deadlineAt'], { where: `status = 'open'` })
@Check('ck_problems_kind', `kind IN (${list(PROBLEM_KINDS)})`)
@Check('ck_problems_about_role', `about_role IN (${list(THREE_ROLES)})`)
@Check('ck_problems_raiser_role', `raiser_role IN (${list(THREE_ROLES)}) AND raiser_role <> about_role`)
@Check('ck_problems_status', `status IN (${list(CASE_STATES)})`)
@Check('ck_problems_deadline', 'deadline_at > raised_at')
@Check(
  'ck_problems_answer',
  `(answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answered_by IS NULL)` +
    ` AND (status IN ('answered','closed')) = (answer IS NOT NULL)`,
)
@Check('ck_problems_closed', `(status = 'closed') = (closed_at IS NOT NULL)`)
export class Problem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  kind: ProblemKind;

  /** The role whose work the problem is about. */
  @Column({ type: 'text' })
  aboutRole: ThreeRole;

  @Column({ type: 'text' })
  description: string;

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

  /** The center whose market manager answers. */
  @Column({ type: 'int' })
  serviceCenterId: number;

  @Column({ type: 'int' })
  departmentId: number;

  @Column({ type: 'int' })
  raisedBy: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'raised_by' })
  raiser?: User;

  @Column({ type: 'text' })
  raiserRole: ThreeRole;

  @Column({ type: 'timestamptz' })
  raisedAt: Date;

  @Column({ type: 'timestamptz' })
  deadlineAt: Date;

  @Column({ type: 'text', default: 'open' })
  status: CaseState;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ type: 'int', nullable: true })
  answeredBy: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'answered_by' })
  answerer?: User;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  /** When the job escalated it to the inspectors 督察组 (it stays escalated until answered). */
  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A department's answer time for problems; departments without a row use the default (48 hours). */
@Entity('problem_policies')
@Check('ck_problem_policies_hours', `answer_hours BETWEEN 1 AND ${CASE_ANSWER_HOURS_MAX}`)
export class ProblemPolicyRecord {
  @PrimaryColumn({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  @Column({ type: 'smallint' })
  answerHours: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export const interactionEntities = [Problem, ProblemPolicyRecord];
