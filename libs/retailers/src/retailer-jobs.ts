import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  JobRunner,
  type JobRunReport,
  type JobRunRequest,
  reportOf,
  ScheduledJob,
} from '#libs/shared';
import { addMonths, businessDate, businessMonth } from '#libs/kernel';
import { BigAccountsService } from './big-accounts.service.js';
import { RetailerGradesService } from './retailer-grades.service.js';

/**
 * The retailers' scheduled work, checked every 10 minutes and run once per business key across replicas
 * (JobRunner: advisory lock + run row): grades whose period has started are put in force (key: the day),
 * and last month's big accounts are assessed (key: the month) from its order lines once they are final:
 * every cycle ordering in the month consolidated or cancelled (the last order day is consolidated at 06:00
 * on the 1st); until then a run says it is waiting. Checking often rather than at one instant means a
 * replica down at midnight catches up at its next check.
 */
@Injectable()
export class RetailerJobs {
  constructor(
    private readonly jobs: JobRunner,
    private readonly grades: RetailerGradesService,
    private readonly bigAccounts: BigAccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ScheduledJob('retailers.grades-and-big-accounts')
  async tick({ now }: JobRunRequest): Promise<JobRunReport> {
    const grades = await this.applyGrades(businessDate(now, this.config.timeZone));
    const month = addMonths(businessMonth(now, this.config.timeZone), -1);
    const wait = this.bigAccounts.hasVolumeSource ? await this.bigAccounts.waitFor(month) : null;
    const bigAccounts = wait ? null : await this.assessBigAccounts(month);
    const summary = {
      grades: grades.status,
      bigAccounts: wait ? 'waiting' : (bigAccounts?.status ?? 'no-volume-source'),
    };
    if (wait) return { outcome: 'waiting', waitingFor: [wait], summary };
    return reportOf(summary, grades.status === 'ran' || bigAccounts?.status === 'ran');
  }

  applyGrades(date: string) {
    return this.jobs.runOnce('retailers.apply-grades', date, (manager) =>
      this.grades.applyDue(date, manager),
    );
  }

  async assessBigAccounts(month: string) {
    if (!this.bigAccounts.hasVolumeSource) return null;
    return this.jobs.runOnce('retailers.big-accounts', month, async (manager) => {
      const summary = await this.bigAccounts.assessFromSource(month, manager);
      return summary ?? { month, skipped: true };
    });
  }
}
