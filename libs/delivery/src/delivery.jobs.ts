import { Injectable } from '@nestjs/common';
import { type JobRunReport, type JobRunRequest, reportOf, ScheduledJob } from '#libs/shared';
import { DeliveryPlanningService } from './delivery-planning.service.js';

/**
 * Delivery runs from the unified orders: every half hour from 06:05 (the unified order is consolidated at
 * 06:00) to 20:35, so a cycle consolidated late, by hand, is planned soon after. Retailers without a delivery
 * route show in the run's summary (`unrouted`).
 */
@Injectable()
export class DeliveryJobs {
  constructor(private readonly planning: DeliveryPlanningService) {}

  @ScheduledJob('delivery.plan')
  async plan({ now }: JobRunRequest): Promise<JobRunReport> {
    const summary = await this.planning.planDue(now);
    return reportOf(summary, (summary?.planned ?? 0) > 0 || (summary?.unrouted ?? 0) > 0);
  }
}
