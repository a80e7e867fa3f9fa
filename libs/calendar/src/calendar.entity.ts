import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrgUnit } from '#libs/org';
import type { DayOffRule } from '#libs/kernel';
import type { CalendarDayKind } from './domain/index.js';

/**
 * A day of a department's holiday calendar: a day off (春节, 国庆 … `dayOff`) or a weekend day worked
 * instead (调休 `workingDay`). Days not listed follow the week: Monday to Friday work, weekends off.
 */
@Entity('calendar_days')
@Check('ck_calendar_days_kind', `kind IN ('dayOff','workingDay')`)
@Check('ck_calendar_days_working_weekend', `kind <> 'workingDay' OR extract(isodow FROM day) >= 6`)
@Index('ix_calendar_days_day', ['day'])
export class CalendarDay {
  @PrimaryColumn({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'text' })
  kind: CalendarDayKind;

  /** What the day is, as people call it (国庆节, 春节调休). */
  @Column({ type: 'text', default: '' })
  name: string;

  @Column({ type: 'int', nullable: true })
  updatedBy: number | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A department's rule for an order day that falls on a day off; departments without a row move it earlier. */
@Entity('calendar_policies')
@Check('ck_calendar_policies_day_off', `order_day_off IN ('earlier','later','cancel')`)
@Check('ck_calendar_policies_month_close_day', `month_close_working_day BETWEEN 1 AND 10`)
@Check('ck_calendar_policies_month_close_at', `month_close_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`)
export class CalendarPolicy {
  @PrimaryColumn({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  @Column({ type: 'text' })
  orderDayOff: DayOffRule;

  /** Last month may be closed from this working day of the month (1-based) … */
  @Column({ type: 'int', default: 3 })
  monthCloseWorkingDay: number;

  /** … at this business time (`HH:MM`). */
  @Column({ type: 'text', default: '09:00' })
  monthCloseAt: string;

  @Column({ type: 'int', nullable: true })
  updatedBy: number | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export const calendarEntities = [CalendarDay, CalendarPolicy];
