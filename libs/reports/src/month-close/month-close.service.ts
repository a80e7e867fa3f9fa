import { Injectable, Logger } from '@nestjs/common';
import { type Actor, JobRunner } from '#libs/shared';
import { AuditService } from '#libs/audit';
import { KpiMonthService, kpiError } from '#libs/kpi';
import { addMonths } from '#libs/kernel';
import { OrgService } from '#libs/org';
import { KpiWorkbookService } from '../kpi-workbook/kpi-workbook.service.js';

export interface MonthCloseOutcome {
  month: string;
  departmentId: number;
  /**
   * `closed` now; `already-closed` by an earlier run; `busy`: another replica is closing it right now;
   * `failed` (scheduled runs only: the next department is still closed, and tomorrow's run retries).
   */
  status: 'closed' | 'already-closed' | 'busy' | 'failed';
  error?: string;
  rows?: number;
  workbookBytes?: number;
}

/**
 * 月结: a department's month becomes final. In one transaction under the job runner (advisory lock + run
 * row keyed by month and department): the KPI snapshot, the workbook made from it, and the audit entry.
 * A rerun after success does nothing; a crash half-way leaves nothing half-written.
 */
@Injectable()
export class MonthCloseService {
  private readonly logger = new Logger(MonthCloseService.name);

  constructor(
    private readonly jobs: JobRunner,
    private readonly months: KpiMonthService,
    private readonly workbooks: KpiWorkbookService,
    private readonly audit: AuditService,
    private readonly org: OrgService,
  ) {}

  /** The scheduled run: last month, for a department (default: every department) not closed yet. */
  async closeDue(departmentId?: number): Promise<MonthCloseOutcome[]> {
    return this.close(addMonths(this.months.currentMonth(), -1), 'system', departmentId);
  }

  /** An admin closes a month by hand (e.g. after fixing what made the scheduled run fail). */
  async closeNow(actor: Actor, month: string, departmentId?: number): Promise<MonthCloseOutcome[]> {
    return this.close(month, actor, departmentId);
  }

  private async close(
    month: string,
    by: Actor | 'system',
    departmentId?: number,
  ): Promise<MonthCloseOutcome[]> {
    if (!this.months.period(month).over) throw kpiError('KPI_MONTH_NOT_OVER', { month });
    const departments = departmentId
      ? (await this.org.unitsOf([departmentId])).filter((u) => u.type === 'department')
      : await this.org.unitsOfType('department');
    const outcomes: MonthCloseOutcome[] = [];
    for (const department of departments) {
      try {
        outcomes.push(await this.closeDepartment(month, department.id, by));
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

  private async closeDepartment(
    month: string,
    departmentId: number,
    by: Actor | 'system',
  ): Promise<MonthCloseOutcome> {
    const outcome = await this.jobs.runOnce(
      'kpi-month-close',
      `${month}:${departmentId}`,
      async (manager) => {
        const report = await this.months.storeSnapshot(
          manager,
          month,
          departmentId,
          by === 'system' ? null : by.userId,
        );
        const workbook = await this.workbooks.store(manager, report);
        const rows = report.territories.length + report.serviceCenters.length + (report.department ? 1 : 0);
        await this.audit.record(manager, by, {
          action: 'kpi_month.close',
          entityType: 'kpi_month',
          entityId: `${month}:${departmentId}`,
          after: { month, rows, workbookSha256: workbook.sha256, notes: report.notes },
          departmentId,
        });
        return { rows, workbookBytes: workbook.byteSize };
      },
    );
    if (outcome.status === 'ran') {
      this.logger.log(`closed ${month} of department ${departmentId}: ${outcome.result.rows} rows`);
      return { month, departmentId, status: 'closed', ...outcome.result };
    }
    return { month, departmentId, status: outcome.status === 'locked' ? 'busy' : 'already-closed' };
  }
}
