import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig, JobRunner } from '#libs/shared';
import { addMonths } from '#libs/kernel';
import { QuotaService } from './quota.service.js';

/** Next month's quotas are computed on the 25th (01:30 Asia/Shanghai), once across replicas. */
@Injectable()
export class QuotaJobs {
  private readonly logger = new Logger(QuotaJobs.name);

  constructor(
    private readonly quotas: QuotaService,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Cron('30 1 25 * *')
  async computeNextMonth(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const month = addMonths(this.quotas.currentMonth(), 1);
    const outcome = await this.jobs.runOnce('quota-compute', month, (manager) =>
      this.quotas.compute('system', month, undefined, manager),
    );
    this.logger.log(`quota computation for ${month}: ${outcome.status}`);
  }
}
