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

  /** The unified order the day after the order day. */
  @ScheduledJob('ordering.consolidate')
  async consolidate({ now }: JobRunRequest): Promise<JobRunReport> {
    const done = await this.close.consolidateDue(businessDate(now, this.config.timeZone));
    return reportOf({ consolidated: done }, done.length > 0);
  }
}
