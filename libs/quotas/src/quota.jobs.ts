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
import { addMonths, businessMonth } from '#libs/kernel';
import { QuotaService } from './quota.service.js';

/** Next month's quotas are computed on the 25th (01:30 business time), once across replicas. */
@Injectable()
export class QuotaJobs {
  constructor(
    private readonly quotas: QuotaService,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ScheduledJob('quotas.compute-next-month')
  async computeNextMonth({ now }: JobRunRequest): Promise<JobRunReport> {
    const month = addMonths(businessMonth(now, this.config.timeZone), 1);
    const outcome = await this.jobs.runOnce('quota-compute', month, (manager) =>
      this.quotas.compute('system', month, undefined, manager),
    );
    return reportOf(
      outcome.status === 'ran' ? outcome.result : { month, status: outcome.status },
      outcome.status === 'ran',
    );
  }
}
