import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrgUnit } from '#libs/org';
import { User } from '#libs/auth';

/**
 * A department's field-work policy: visit cadence, daily visit and call targets, the price-check tolerance
 * and how far back field work may be recorded. A department without a row works to the defaults
 * (see `DEFAULT_FIELD_POLICY`).
 */
@Entity('field_policies')
@Check(
  'ck_field_policies_cadence',
  'big_account_visit_days BETWEEN 1 AND 90 AND regular_visit_days BETWEEN 1 AND 90 AND big_account_visit_days <= regular_visit_days',
)
@Check(
  'ck_field_policies_targets',
  'urban_visits_per_day BETWEEN 0 AND 200 AND rural_visits_per_day BETWEEN 0 AND 200 AND calls_per_day BETWEEN 0 AND 500',
)
@Check('ck_field_policies_price_tolerance', 'price_tolerance_bp BETWEEN 0 AND 5000')
@Check('ck_field_policies_backdate', 'visit_backdate_days BETWEEN 0 AND 31')
@Check('ck_field_policies_check_sample', 'guidance_check_sample_size BETWEEN 1 AND 50')
export class FieldPolicy {
  @PrimaryColumn({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  /** A big account is visited at least every this many days (default 7: weekly). */
  @Column({ type: 'smallint' })
  bigAccountVisitDays: number;

  /** Every other retailer at least every this many days (default 14: every two weeks). */
  @Column({ type: 'smallint' })
  regularVisitDays: number;

  /** Visits per working day for an account manager of a town territory (default 30). */
  @Column({ type: 'smallint' })
  urbanVisitsPerDay: number;

  /** Visits per working day for a rural territory (default 25). */
  @Column({ type: 'smallint' })
  ruralVisitsPerDay: number;

  /** Phone calls per working day (default 30). */
  @Column({ type: 'smallint' })
  callsPerDay: number;

  /** A price within this many basis points of the guide price is compliant (default 0: exactly the guide price). */
  @Column({ type: 'int' })
  priceToleranceBp: number;

  /** Visits and calls may be recorded up to this many days after they happened (default 7). */
  @Column({ type: 'smallint' })
  visitBackdateDays: number;

  /**
   * Guidance visits per account manager and month the system draws for market managers to check 有效指导抽查
   * (default 5): effective guidance is assessed on this sample only.
   */
  @Column({ type: 'smallint', default: 5 })
  guidanceCheckSampleSize: number;

  @Column({ type: 'int', nullable: true })
  updatedBy: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by' })
  updater?: User;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
