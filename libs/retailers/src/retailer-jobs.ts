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
 * and last month's big accounts are assessed (key: the month) once a monthly volume source exists. Checking
 * often rather than at one instant means a replica down at midnight catches up at its next check.
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
    const bigAccounts = await this.assessBigAccounts(addMonths(businessMonth(now, this.config.timeZone), -1));
    const ran = grades.status === 'ran' || bigAccounts?.status === 'ran';
    return reportOf({ grades: grades.status, bigAccounts: bigAccounts?.status ?? 'no-volume-source' }, ran);
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
