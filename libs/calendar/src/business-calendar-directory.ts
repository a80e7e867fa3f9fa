import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DayOffRule, WorkingDays } from '#libs/kernel';
import { workingDaysOf, type CalendarDayKind } from './domain/index.js';

/** An order day on a day off moves to the working day before unless the department says otherwise. */
export const DEFAULT_ORDER_DAY_OFF: DayOffRule = 'earlier';

/** Last month may be closed from the 3rd working day of the month, 09:00, unless the department says otherwise. */
export const DEFAULT_MONTH_CLOSE = { workingDay: 3, at: '09:00' } as const;

/** A department's business calendar, as every other context reads it. */
export interface DepartmentCalendar {
  readonly departmentId: number;
  readonly workingDays: WorkingDays;
  /** What becomes of an order day that falls on a day off. */
  readonly orderDayOff: DayOffRule;
}

/** From when a department's last month may be closed: its n-th working day of the month, at a business time. */
export interface MonthCloseSchedule {
  readonly workingDays: WorkingDays;
  readonly workingDay: number;
  /** `HH:MM`. */
  readonly at: string;
}

/**
 * The read port of the calendar context: ordering (cycles), field work (attainment's working days), reports and
 * quotas get a department's calendar here as a kernel `WorkingDays`, never from its tables.
 */
@Injectable()
export class BusinessCalendarDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** Each department's calendar (departments keeping none: Monday–Friday, earlier), two queries in all. */
  async calendarsOf(
    departmentIds: readonly number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, DepartmentCalendar>> {
    const ids = [...new Set(departmentIds)];
    if (!ids.length) return new Map();
    const [days, policies] = await Promise.all([
      manager.query(
        `SELECT department_id AS "departmentId", to_char(day, 'YYYY-MM-DD') AS date, kind
           FROM calendar_days WHERE department_id = ANY($1)`,
        [ids],
      ) as Promise<Array<{ departmentId: number; date: string; kind: CalendarDayKind }>>,
      manager.query(
        `SELECT department_id AS "departmentId", order_day_off AS "orderDayOff"
           FROM calendar_policies WHERE department_id = ANY($1)`,
        [ids],
      ) as Promise<Array<{ departmentId: number; orderDayOff: DayOffRule }>>,
    ]);
    const rules = new Map(policies.map((p) => [p.departmentId, p.orderDayOff]));
    return new Map(
      ids.map((departmentId) => [
        departmentId,
        {
          departmentId,
          workingDays: workingDaysOf(days.filter((d) => d.departmentId === departmentId)),
          orderDayOff: rules.get(departmentId) ?? DEFAULT_ORDER_DAY_OFF,
        },
      ]),
    );
  }

  async calendarOf(departmentId: number, manager?: EntityManager): Promise<DepartmentCalendar> {
    return (await this.calendarsOf([departmentId], manager)).get(departmentId)!;
  }

  /** The department's calendar and its month-close working day and time (default: 3rd working day, 09:00). */
  async monthCloseOf(
    departmentId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MonthCloseSchedule> {
    const [calendar, [policy]] = await Promise.all([
      this.calendarOf(departmentId, manager),
      manager.query(
        `SELECT month_close_working_day AS "workingDay", month_close_at AS "at"
           FROM calendar_policies WHERE department_id = $1`,
        [departmentId],
      ) as Promise<Array<{ workingDay: number; at: string }>>,
    ]);
    return { workingDays: calendar.workingDays, ...(policy ?? DEFAULT_MONTH_CLOSE) };
  }
}
