import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DayOffRule } from '#libs/kernel';
import {
  type Actor,
  commonError,
  type ImportOutcome,
  importTemplate,
  mapHeaders,
  parseRows,
  readFirstSheet,
  type RowError,
  sortRowErrors,
  TransactionRunner,
  type UploadedFile,
  workbookBuffer,
} from '#libs/shared';
import { AuditService } from '#libs/audit';
import { OrgDirectory } from '#libs/org';
import {
  CALENDAR_PROBLEM_REASONS,
  type CalendarEntry,
  type CalendarEntryProblem,
  holidayListChange,
  holidayListProblems,
  type HolidayListChange,
  workingDaysOf,
} from './domain/index.js';
import {
  DEFAULT_MONTH_CLOSE,
  DEFAULT_ORDER_DAY_OFF,
  type DepartmentCalendar,
} from './business-calendar-directory.js';
import { type CalendarCycleEffect, CalendarCycles } from './calendar-cycles.js';
import { CalendarPolicy } from './calendar.entity.js';
import { calendarError } from './calendar.errors.js';
import { CALENDAR_COLUMNS, type CalendarColumnKey, calendarRow } from './excel/calendar-columns.js';

export interface CalendarYearView {
  departmentId: number;
  year: number;
  /** What becomes of an order day on a day off (the department's rule). */
  orderDayOff: DayOffRule;
  /** The year's days that differ from the ordinary week, in date order. */
  days: CalendarEntry[];
  /** Working days in the year with these days. */
  workingDays: number;
}

export interface CalendarSaveResult extends CalendarYearView {
  /** True: nothing was saved; this is what saving would do. */
  dryRun: boolean;
  change: HolidayListChange;
  /** The order cycles the change moves or cancels (or brings back), and those on a day off it leaves alone. */
  cycles: CalendarCycleEffect;
}

/** The department's rules: what becomes of an order day off, and from when last month may be closed. */
export interface CalendarPolicyRules {
  orderDayOff: DayOffRule;
  /** Last month may be closed from this working day of the next month (1-based) … */
  monthCloseWorkingDay: number;
  /** … at this business time (`HH:MM`). */
  monthCloseAt: string;
}

export interface CalendarPolicyView extends CalendarPolicyRules {
  departmentId: number;
  /** False while the department works to the defaults. */
  configured: boolean;
}

export interface CalendarPolicySaveResult extends CalendarPolicyView {
  dryRun: boolean;
  cycles: CalendarCycleEffect;
}

const MAX_IMPORT_ROWS = 366;

/** A department's stored rules, or the defaults for a department that keeps none. */
function rulesOf(row: CalendarPolicy | null): CalendarPolicyRules {
  return {
    orderDayOff: row?.orderDayOff ?? DEFAULT_ORDER_DAY_OFF,
    monthCloseWorkingDay: row?.monthCloseWorkingDay ?? DEFAULT_MONTH_CLOSE.workingDay,
    monthCloseAt: row?.monthCloseAt ?? DEFAULT_MONTH_CLOSE.at,
  };
}

/**
 * A department's holiday calendar: department heads keep their own department's (admins any department's),
 * everyone else reads it. Saving a year (or the rule for order days off) re-places the department's cycles not
 * opened yet in the same transaction (`CalendarCycles`), audited; `dryRun` answers the same without saving.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgDirectory,
    private readonly cycles: CalendarCycles,
  ) {}

  async year(actor: Actor, requested: number | undefined, year: number): Promise<CalendarYearView> {
    const departmentId = await this.org.resolveDepartment(actor, requested);
    const manager = this.dataSource.manager;
    const [days, orderDayOff] = await Promise.all([
      this.daysOf(manager, departmentId, year),
      this.orderDayOff(manager, departmentId),
    ]);
    return yearView(departmentId, year, days, orderDayOff);
  }

  /** Replaces a year's list; the entries' dates are calendar dates (the request checks), the rest is checked here. */
  async saveYear(
    actor: Actor,
    requested: number | undefined,
    year: number,
    entries: readonly CalendarEntry[],
    dryRun = false,
  ): Promise<CalendarSaveResult> {
    const departmentId = await this.org.resolveDepartment(actor, requested);
    const problems = holidayListProblems(year, entries);
    if (problems.length) {
      throw calendarError('CALENDAR_DAYS_INVALID', {
        problems: problems.map((p) => ({ ...p, reason: CALENDAR_PROBLEM_REASONS[p.problem] })),
      });
    }
    const days = [...entries].sort((a, b) => a.date.localeCompare(b.date));
    return this.transactions.run(async (manager) => {
      await lockCalendar(manager, departmentId);
      const [before, others, orderDayOff] = await Promise.all([
        this.daysOf(manager, departmentId, year),
        this.daysOf(manager, departmentId, undefined, year),
        this.orderDayOff(manager, departmentId),
      ]);
      const change = holidayListChange(before, days);
      if (!dryRun) await this.writeYear(manager, actor, departmentId, year, days);
      const calendar = { departmentId, workingDays: workingDaysOf([...others, ...days]), orderDayOff };
      const cycles = await this.cycles.replan(manager, calendar, { dryRun, actor });
      if (!dryRun) {
        await this.audit.record(manager, actor, {
          action: 'calendar.save_year',
          entityType: 'calendar_year',
          entityId: `${departmentId}:${year}`,
          before: { days: before },
          after: { days, change, cyclesChanged: cycles.changed.map((c) => c.cycleId) },
          departmentId,
        });
      }
      return { ...yearView(departmentId, year, days, orderDayOff), dryRun, change, cycles };
    });
  }

  /**
   * A year's list from .xlsx (日期, 类型, 名称): every row problem reported, nothing saved unless all are fine.
   * `departmentId` comes from `department`, asked before the upload is read.
   */
  async importYear(
    actor: Actor,
    departmentId: number,
    year: number,
    file: UploadedFile,
    dryRun = false,
  ): Promise<ImportOutcome<CalendarSaveResult>> {
    const sheet = await readFirstSheet(file.buffer, { maxRows: MAX_IMPORT_ROWS });
    const { records, errors } = parseRows(
      sheet.rows,
      CALENDAR_COLUMNS,
      mapHeaders(sheet.header, CALENDAR_COLUMNS),
    );
    const valid = records.filter((record) => !errors.some((e) => e.row === record.row));
    const entries = valid.map(({ values }) => {
      const v = values as Record<CalendarColumnKey, string | null>;
      return { date: v.date!, kind: v.kind as CalendarEntry['kind'], name: v.name ?? '' };
    });
    errors.push(...holidayListProblems(year, entries).map((p) => rowError(p, valid[p.index].row)));
    if (errors.length) {
      return {
        ok: false,
        errors: sortRowErrors(errors, CALENDAR_COLUMNS),
        header: sheet.header,
        rows: sheet.rows,
      };
    }
    return { ok: true, summary: await this.saveYear(actor, departmentId, year, entries, dryRun) };
  }

  async exportYear(actor: Actor, requested: number | undefined, year: number): Promise<Buffer> {
    const { days } = await this.year(actor, requested, year);
    return workbookBuffer([
      {
        name: `${year}年节假日`,
        columns: CALENDAR_COLUMNS.map((c) => ({ header: c.header, width: c.width })),
        rows: days.map(calendarRow),
      },
    ]);
  }

  template(): Promise<Buffer> {
    return importTemplate('节假日', CALENDAR_COLUMNS, [
      [
        '导入规则',
        '一个文件是一个部门一年的清单，导入后整体替换该年原有清单；只列与平常不同的日子：放假的日子写“休息”，调休上班的周六、周日写“上班”，其余日子按周一至周五上班。任何一行有错则全部不导入，并返回每个错误的行、列、值和原因。',
      ],
      [
        '订货日',
        '订货日落在休息日的订货周期，按部门规则提前到前一个工作日、推后到后一个工作日或取消；导入时一并调整尚未开放的周期。',
      ],
    ]);
  }

  async policy(actor: Actor, requested: number | undefined): Promise<CalendarPolicyView> {
    const departmentId = await this.org.resolveDepartment(actor, requested);
    const row = await this.dataSource.manager.findOneBy(CalendarPolicy, { departmentId });
    return { departmentId, ...rulesOf(row), configured: row !== null };
  }

  /**
   * Sets some of the department's rules (those left out keep their value); cycles not opened yet follow a new
   * rule for order days off in the same transaction. Audited with the rules before and after.
   */
  async savePolicy(
    actor: Actor,
    requested: number | undefined,
    change: Partial<CalendarPolicyRules>,
    dryRun = false,
  ): Promise<CalendarPolicySaveResult> {
    if (Object.values(change).every((value) => value === undefined)) {
      throw commonError('VALIDATION_FAILED', [
        { field: 'body', errors: ['name at least one of orderDayOff, monthCloseWorkingDay, monthCloseAt'] },
      ]);
    }
    const departmentId = await this.org.resolveDepartment(actor, requested);
    return this.transactions.run(async (manager) => {
      await lockCalendar(manager, departmentId);
      const [before, days] = await Promise.all([
        manager.findOneBy(CalendarPolicy, { departmentId }),
        this.daysOf(manager, departmentId),
      ]);
      const current = rulesOf(before);
      const rules: CalendarPolicyRules = {
        orderDayOff: change.orderDayOff ?? current.orderDayOff,
        monthCloseWorkingDay: change.monthCloseWorkingDay ?? current.monthCloseWorkingDay,
        monthCloseAt: change.monthCloseAt ?? current.monthCloseAt,
      };
      if (!dryRun) {
        await manager.upsert(CalendarPolicy, { departmentId, ...rules, updatedBy: actor.userId }, [
          'departmentId',
        ]);
      }
      const calendar: DepartmentCalendar = {
        departmentId,
        workingDays: workingDaysOf(days),
        orderDayOff: rules.orderDayOff,
      };
      const cycles = await this.cycles.replan(manager, calendar, { dryRun, actor });
      if (!dryRun) {
        await this.audit.record(manager, actor, {
          action: 'calendar.save_policy',
          entityType: 'calendar_policy',
          entityId: departmentId,
          before: before ? current : null,
          after: { ...rules, cyclesChanged: cycles.changed.map((c) => c.cycleId) },
          departmentId,
        });
      }
      return { departmentId, ...rules, configured: true, dryRun, cycles };
    });
  }

  /** A department's listed days of one year, or (`except`) of every other year, in date order. */
  private async daysOf(
    manager: EntityManager,
    departmentId: number,
    year?: number,
    except?: number,
  ): Promise<CalendarEntry[]> {
    return manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS date, kind, name FROM calendar_days
        WHERE department_id = $1
          AND ($2::int IS NULL OR extract(year FROM day) = $2)
          AND ($3::int IS NULL OR extract(year FROM day) <> $3)
        ORDER BY day`,
      [departmentId, year ?? null, except ?? null],
    );
  }

  private async orderDayOff(manager: EntityManager, departmentId: number): Promise<DayOffRule> {
    return (await manager.findOneBy(CalendarPolicy, { departmentId }))?.orderDayOff ?? DEFAULT_ORDER_DAY_OFF;
  }

  private async writeYear(
    manager: EntityManager,
    actor: Actor,
    departmentId: number,
    year: number,
    days: readonly CalendarEntry[],
  ): Promise<void> {
    await manager.query(
      `DELETE FROM calendar_days WHERE department_id = $1 AND extract(year FROM day) = $2`,
      [departmentId, year],
    );
    if (!days.length) return;
    await manager.query(
      `INSERT INTO calendar_days (department_id, day, kind, name, updated_by)
       SELECT $1, d.day, d.kind, d.name, $2 FROM unnest($3::date[], $4::text[], $5::text[]) AS d(day, kind, name)`,
      [departmentId, actor.userId, days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name)],
    );
  }
}

function yearView(
  departmentId: number,
  year: number,
  days: CalendarEntry[],
  orderDayOff: DayOffRule,
): CalendarYearView {
  return {
    departmentId,
    year,
    orderDayOff,
    days,
    workingDays: workingDaysOf(days).countWorkingDays(`${year}-01-01`, `${year}-12-31`),
  };
}

/** Saves of one department's calendar run one at a time (the list is replaced whole). */
async function lockCalendar(manager: EntityManager, departmentId: number): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`calendar:${departmentId}`]);
}

function rowError(problem: CalendarEntryProblem, row: number): RowError {
  return { row, column: '日期', value: problem.date, reason: CALENDAR_PROBLEM_REASONS[problem.problem] };
}
