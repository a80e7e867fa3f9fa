import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '#libs/shared';
import { MonthCloseService } from './month-close.service.js';

/**
 * Closes last month at 01:00 (Asia/Shanghai). It runs every day: on the 1st it closes the month, on other
 * days it finds it closed (a run row per month and department) unless the 1st's run was missed or failed.
 */
@Injectable()
export class MonthCloseJobs {
  private readonly logger = new Logger(MonthCloseJobs.name);

  constructor(
    private readonly close: MonthCloseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Cron('0 1 * * *', { timeZone: 'Asia/Shanghai' })
  async closeLastMonth(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    try {
      const closed = (await this.close.closeDue()).filter((o) => o.status === 'closed');
      if (closed.length) this.logger.log(`closed ${closed.length} department month(s)`);
    } catch (error) {
      this.logger.error(`month close failed: ${(error as Error).message}`);
    }
  }
}
