import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DayOffRule, WorkingDays } from '#libs/kernel';
import { workingDaysOf, type CalendarDayKind } from './domain/index.js';

/** An order day on a day off moves to the working day before unless the department says otherwise. */
export const DEFAULT_ORDER_DAY_OFF: DayOffRule = 'earlier';

/** A department's business calendar, as every other context reads it. */
export interface DepartmentCalendar {
  readonly departmentId: number;
  readonly workingDays: WorkingDays;
  /** What becomes of an order day that falls on a day off. */
  readonly orderDayOff: DayOffRule;
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
}
