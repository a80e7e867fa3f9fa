import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '#libs/shared';
import { DeliveryPlanningService } from './delivery-planning.service.js';

/**
 * Delivery runs from the unified orders: every half hour from 06:00 (the unified order is consolidated at
 * 06:00) to 20:30, so a cycle consolidated late, by hand, is planned soon after.
 */
@Injectable()
export class DeliveryJobs {
  private readonly logger = new Logger(DeliveryJobs.name);

  constructor(
    private readonly planning: DeliveryPlanningService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Cron('5,35 6-20 * * *')
  async plan(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const summary = await this.planning.planDue();
    if (summary?.planned) this.logger.log(`planned ${summary.planned} stop(s) on ${summary.runs} run(s)`);
    if (summary?.unrouted) this.logger.warn(`${summary.unrouted} retailer(s) have no delivery route`);
  }
}
