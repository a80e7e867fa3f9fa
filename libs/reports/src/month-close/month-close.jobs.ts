import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '#libs/shared';
import { MonthCloseService } from './month-close.service.js';

/**
 * Closes last month at 01:00 (Asia/Shanghai). It runs every day: on the 1st it closes the month, on other
 * days it finds it closed (a run row per month and department) unless the 1st's run was missed or failed;
 * a start of the application catches up too, in the background.
 */
@Injectable()
export class MonthCloseJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(MonthCloseJobs.name);

  constructor(
    private readonly close: MonthCloseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.jobsEnabled) void this.closeLastMonth();
  }

  @Cron('0 1 * * *')
  async closeLastMonth(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    try {
      const outcomes = await this.close.closeDue();
      const closed = outcomes.filter((o) => o.status === 'closed');
      if (closed.length) this.logger.log(`closed ${closed.length} department month(s)`);
      for (const failed of outcomes.filter((o) => o.status === 'failed'))
        this.logger.error(
          `closing ${failed.month} of department ${failed.departmentId} failed: ${failed.error}`,
        );
    } catch (error) {
      this.logger.error(`month close failed: ${(error as Error).message}`);
    }
  }
}
