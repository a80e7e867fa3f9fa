import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  type JobRunReport,
  type JobRunRequest,
  reportOf,
  ScheduledJob,
} from '#libs/shared';
import { businessDate } from '#libs/kernel';
import { CycleCloseService } from './cycle-close.service.js';
import { OrderCyclesService } from './order-cycles.service.js';

/** The ordering calendar: cycles generated ahead, opened, cut off and consolidated the next morning. */
@Injectable()
export class OrderingJobs {
  constructor(
    private readonly cycles: OrderCyclesService,
    private readonly close: CycleCloseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ScheduledJob('ordering.open-and-cut-off')
  async openAndCutOff({ now }: JobRunRequest): Promise<JobRunReport> {
    const opened = await this.cycles.openDue(now);
    const cut = await this.close.cutoffDue(now);
    return reportOf({ opened, cutOff: cut }, opened > 0 || cut.length > 0);
  }

  @ScheduledJob('ordering.generate-cycles')
  async generate({ now }: JobRunRequest): Promise<JobRunReport> {
    const generated = await this.cycles.generate(businessDate(now, this.config.timeZone));
    return reportOf({ generated }, generated > 0);
  }

  /**
   * The unified order the day after the order day. Its input is every cycle of the day cut off: it cuts off
   * what is due first (the every-minute job may lag, or run on a replica that was down), and a day still
   * holding a cycle another replica is cutting off waits for the next run.
   */
  @ScheduledJob('ordering.consolidate')
  async consolidate({ now }: JobRunRequest): Promise<JobRunReport> {
    const today = businessDate(now, this.config.timeZone);
    const cut = await this.close.cutoffDue(now);
    const done = await this.close.consolidateDue(today);
    const waiting = await this.close.awaitingCutoff(today);
    const summary = { cutOff: cut, consolidated: done };
    if (!waiting.length) return reportOf(summary, cut.length > 0 || done.length > 0);
    return {
      outcome: 'waiting',
      summary,
      waitingFor: waiting.map(({ orderDate, cycles }) => ({
        reason: 'cycles-not-cut-off',
        text: `${orderDate} 还有 ${cycles} 个订货周期未截单，统一订单待截单后汇总`,
        details: { orderDate, cycles },
      })),
    };
  }
}
