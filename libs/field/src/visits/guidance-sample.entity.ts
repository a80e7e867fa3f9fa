import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrgUnit } from '#libs/org';
import { User } from '#libs/auth';
import { Visit } from './visit.entity.js';

/**
 * A department's guidance check sample of a month, frozen 有效指导抽查样本: from then on the sample is the
 * stored one, whatever visits or policy change later. Frozen once the month's recording window has closed
 * (nothing can be added to the month any more), or when the month is closed, whichever comes first.
 * Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE).
 */
@Entity('guidance_sample_freezes')
@Check('ck_guidance_sample_freezes_month', 'EXTRACT(DAY FROM month) = 1')
@Check('ck_guidance_sample_freezes_size', 'sample_size BETWEEN 1 AND 50')
@Check('ck_guidance_sample_freezes_reason', `reason IN ('windowClosed','monthClosed')`)
export class GuidanceSampleFreeze {
  @PrimaryColumn({ type: 'date' })
  month: string;

  @PrimaryColumn({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  /** The department's sample size when it froze. */
  @Column({ type: 'smallint' })
  sampleSize: number;

  @Column({ type: 'text' })
  reason: 'windowClosed' | 'monthClosed';

  @Column({ type: 'timestamptz' })
  frozenAt: Date;
}

/** One visit of a frozen sample: drawn for its account manager, in draw order. */
@Entity('guidance_check_samples')
@Index('uq_guidance_check_samples_draw', ['month', 'departmentId', 'accountManagerId', 'drawOrder'], {
  unique: true,
})
@Check('ck_guidance_check_samples_draw', 'draw_order >= 1')
export class GuidanceCheckSample {
  @PrimaryColumn({ type: 'int' })
  visitId: number;

  @ManyToOne(() => Visit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'visit_id' })
  visit?: Visit;

  @Column({ type: 'date' })
  month: string;

  @Column({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => GuidanceSampleFreeze, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'month', referencedColumnName: 'month' },
    { name: 'department_id', referencedColumnName: 'departmentId' },
  ])
  freeze?: GuidanceSampleFreeze;

  @Column({ type: 'int' })
  accountManagerId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_manager_id' })
  accountManager?: User;

  @Column({ type: 'smallint' })
  drawOrder: number;
}
