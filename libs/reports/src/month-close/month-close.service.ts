import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, APP_CONFIG, type AppConfig, Clock, JobRunner } from '#libs/shared';
import { AuditService } from '#libs/audit';
import { BusinessCalendarDirectory } from '#libs/calendar';
import { KpiMonthService, kpiError } from '#libs/kpi';
import { addMonths, firstDayOfMonth, lastDayOfMonth, wallClock } from '#libs/kernel';
import { OrgDirectory } from '#libs/org';
import { type MonthCloseWait, monthCloseGraceEnd, monthCloseWaits } from '../domain/index.js';
import { KpiWorkbookService } from '../kpi-workbook/kpi-workbook.service.js';
import { reportsError } from '../reports.errors.js';

/** An admin's order to close a month although it waits for its inputs, with the reason (audited). */
export interface ForcedClose {
  reason: string;
}

export interface MonthCloseOutcome {
  month: string;
  departmentId: number;
  /**
   * `closed` now; `already-closed` by an earlier run; `busy`: another replica is closing it right now;
   * `waiting` for its inputs (scheduled runs only: the next run checks again);
   * `failed` (scheduled runs only: the next department is still closed, and the next run retries).
   */
  status: 'closed' | 'already-closed' | 'busy' | 'waiting' | 'failed';
  /** `waiting`: what for; a forced close: what it did not wait for. */
  waitingFor?: MonthCloseWait[];
  error?: string;
  rows?: number;
  workbookBytes?: number;
}

/** A cycle of the month that is neither consolidated nor cancelled yet (its sales are not final). */
export interface UnfinishedCycle {
  id: number;
  territoryId: number;
  territoryCode: string | null;
  territoryName: string | null;
  orderDate: string;
  status: string;
}

/** Whether a department's month may be closed now, and if not, what it waits for. */
export interface MonthReadiness {
  month: string;
  departmentId: number;
  /** Closed already (by the job, by hand, or forced): nothing waits any more. */
  closed: boolean;
  /** The end of the grace period for late checks, results and confirmations (`YYYY-MM-DD HH:MM`). */
  graceEnd: string;
  /** Empty: the next run of the month-close job closes it. */
  waitingFor: MonthCloseWait[];
  unfinishedCycles: UnfinishedCycle[];
}

export interface StoredVersion {
  version: number;
  rows: number;
  workbookBytes: number;
  workbookSha256: string;
}

/**
 * 月结: a department's month becomes final. In one transaction under the job runner (advisory lock + run
 * row keyed by month and department): the KPI snapshot, the workbook made from it, and the audit entry.
 * A rerun after success does nothing; a crash half-way leaves nothing half-written. It waits for its inputs:
 * every cycle whose order day falls in the month consolidated or cancelled (else the last week's sales are
 * missing), and the department's grace period over (default: the 3rd working day of the next month, 09:00,
 * by its holiday calendar), unless an admin forces it with a reason. An approved correction stores the next
 * version through the same `storeVersion`, under the same lock.
 */
@Injectable()
export class MonthCloseService {
  private readonly logger = new Logger(MonthCloseService.name);

  constructor(
    private readonly jobs: JobRunner,
    private readonly months: KpiMonthService,
    private readonly workbooks: KpiWorkbookService,
    private readonly audit: AuditService,
    private readonly org: OrgDirectory,
    private readonly calendars: BusinessCalendarDirectory,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The scheduled run: last month, for a department (default: every department) not closed yet. */
  async closeDue(departmentId?: number, force?: ForcedClose): Promise<MonthCloseOutcome[]> {
    return this.close(addMonths(this.months.currentMonth(), -1), 'system', departmentId, force);
  }

  /**
   * An admin closes a month by hand (e.g. after fixing what made the scheduled run fail): 409
   * MONTH_CLOSE_WAITING while it waits for its inputs, unless forced with a reason.
   */
  async closeNow(
    actor: Actor,
    month: string,
    departmentId?: number,
    force?: ForcedClose,
  ): Promise<MonthCloseOutcome[]> {
    return this.close(month, actor, departmentId, force);
  }

  /** What closing `month` for a department waits for now (empty: it may be closed). */
  async waitsFor(month: string, departmentId: number): Promise<MonthCloseWait[]> {
    return (await this.inputs(month, departmentId)).waits;
  }

  /**
   * The month-close readiness of the caller's department (an admin names one when there are several): closed
   * or not, what the close waits for, and the month's cycles whose sales are not final yet.
   */
  async readiness(actor: Actor, month: string, departmentIdAsked?: number): Promise<MonthReadiness> {
    const departmentId = await this.org.resolveDepartment(actor, departmentIdAsked);
    this.months.period(month);
    const [closed, { waits, graceEnd, cycles }] = await Promise.all([
      this.isClosed(month, departmentId),
      this.inputs(month, departmentId),
    ]);
    const labels = await this.org.labels([...new Set(cycles.map((c) => c.territoryId))]);
    return {
      month,
      departmentId,
      closed,
      graceEnd: `${graceEnd.date} ${graceEnd.time}`,
      waitingFor: closed ? [] : waits,
      unfinishedCycles: closed
        ? []
        : cycles.map((cycle) => ({
            ...cycle,
            territoryCode: labels.get(cycle.territoryId)?.code ?? null,
            territoryName: labels.get(cycle.territoryId)?.name ?? null,
          })),
    };
  }

  /** The month's unfinished cycles (order day first), the grace period's end, and what the close waits for. */
  private async inputs(month: string, departmentId: number) {
    const [schedule, cycles] = await Promise.all([
      this.calendars.monthCloseOf(departmentId),
      this.dataSource.query(
        `SELECT id, territory_id AS "territoryId", to_char(order_date, 'YYYY-MM-DD') AS "orderDate", status
           FROM order_cycles
          WHERE department_id = $1 AND order_date BETWEEN $2 AND $3 AND status NOT IN ('consolidated', 'cancelled')
          ORDER BY order_date, territory_id`,
        [departmentId, firstDayOfMonth(month), lastDayOfMonth(month)],
      ) as Promise<Array<{ id: number; territoryId: number; orderDate: string; status: string }>>,
    ]);
    const graceEnd = monthCloseGraceEnd(month, schedule, schedule.workingDays);
    const waits = monthCloseWaits({
      month,
      now: wallClock(this.clock.now(), this.config.timeZone),
      graceEnd,
      unfinished: { cycles: cycles.length, lastOrderDate: cycles.at(-1)?.orderDate ?? null },
    });
    return { waits, graceEnd, cycles };
  }

  private async close(
    month: string,
    by: Actor | 'system',
    departmentId?: number,
    force?: ForcedClose,
  ): Promise<MonthCloseOutcome[]> {
    if (!this.months.period(month).over) throw kpiError('KPI_MONTH_NOT_OVER', { month });
    const departments = departmentId
      ? (await this.org.unitsOf([departmentId])).filter((u) => u.type === 'department')
      : await this.org.unitsOfType('department');
    const outcomes: MonthCloseOutcome[] = [];
    for (const department of departments) {
      try {
        if (await this.isClosed(month, department.id)) {
          outcomes.push({ month, departmentId: department.id, status: 'already-closed' });
          continue;
        }
        const waits = await this.waitsFor(month, department.id);
        if (waits.length && !force) {
          if (by !== 'system')
            throw reportsError('MONTH_CLOSE_WAITING', {
              month,
              departmentId: department.id,
              waitingFor: waits,
            });
          outcomes.push({ month, departmentId: department.id, status: 'waiting', waitingFor: waits });
          continue;
        }
        const forced = waits.length && force ? { reason: force.reason, waitingFor: waits } : undefined;
        outcomes.push(await this.closeDepartment(month, department.id, by, forced));
      } catch (error) {
        if (by !== 'system') throw error;
        outcomes.push({
          month,
          departmentId: department.id,
          status: 'failed',
          error: (error as Error).message,
        });
      }
    }
    return outcomes;
  }

  private async isClosed(month: string, departmentId: number): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM job_runs WHERE job_name = 'kpi-month-close' AND business_key = $1 AND status = 'succeeded'`,
      [`${month}:${departmentId}`],
    )) as unknown[];
    return rows.length > 0;
  }

  private async closeDepartment(
    month: string,
    departmentId: number,
    by: Actor | 'system',
    forced?: { reason: string; waitingFor: MonthCloseWait[] },
  ): Promise<MonthCloseOutcome> {
    const outcome = await this.jobs.runOnce(
      'kpi-month-close',
      `${month}:${departmentId}`,
      async (manager) => {
        const { rows, workbookBytes } = await this.storeVersion(manager, month, departmentId, by, null);
        if (forced) {
          await this.audit.record(manager, by, {
            action: 'kpi_month.force_close',
            entityType: 'kpi_month',
            entityId: `${month}:${departmentId}`,
            after: { month, reason: forced.reason, waitingFor: forced.waitingFor },
            departmentId,
          });
        }
        return { rows, workbookBytes };
      },
    );
    if (outcome.status === 'ran') {
      this.logger.log(`closed ${month} of department ${departmentId}: ${outcome.result.rows} rows`);
      return {
        month,
        departmentId,
        status: 'closed',
        ...outcome.result,
        ...(forced ? { waitingFor: forced.waitingFor } : {}),
      };
    }
    return { month, departmentId, status: outcome.status === 'locked' ? 'busy' : 'already-closed' };
  }

  /** The lock a month's close and its corrections share (the job runner's for the close). */
  async lockMonth(manager: EntityManager, month: string, departmentId: number): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `kpi-month-close:${month}:${departmentId}`,
    ]);
  }

  /**
   * Counts the month now and stores it as a version of its snapshot with its workbook, audited, in the
   * caller's transaction: version 1 at the close, the next one for an approved correction.
   */
  async storeVersion(
    manager: EntityManager,
    month: string,
    departmentId: number,
    by: Actor | 'system',
    correction: { id: number; reason: string } | null,
  ): Promise<StoredVersion> {
    const report = await this.months.storeSnapshot(
      manager,
      month,
      departmentId,
      by === 'system' ? null : by.userId,
      correction,
    );
    const workbook = await this.workbooks.store(manager, report);
    const rows = report.territories.length + report.serviceCenters.length + (report.department ? 1 : 0);
    const version = report.version ?? 1;
    await this.audit.record(manager, by, {
      action: correction ? 'kpi_month.correct' : 'kpi_month.close',
      entityType: 'kpi_month',
      entityId: `${month}:${departmentId}`,
      after: {
        month,
        version,
        ...(correction ? { correctionId: correction.id, reason: correction.reason } : {}),
        rows,
        workbookSha256: workbook.sha256,
        notes: report.notes,
      },
      departmentId,
    });
    return { version, rows, workbookBytes: workbook.byteSize, workbookSha256: workbook.sha256 };
  }
}
