import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig, Clock } from '#libs/shared';
import { CycleCloseService } from './cycle-close.service.js';
import { OrderCyclesService } from './order-cycles.service.js';

/** The ordering calendar: cycles generated ahead, opened, cut off and consolidated the next morning. */
@Injectable()
export class OrderingJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(OrderingJobs.name);

  constructor(
    private readonly cycles: OrderCyclesService,
    private readonly close: CycleCloseService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A fresh start (or one after a pause) should not wait for 02:00 to have cycles to order in. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.jobsEnabled) await this.generate();
  }

  @Cron(CronExpression.EVERY_MINUTE)
  async everyMinute(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const now = this.clock.now();
    await this.cycles.openDue(now);
    const cut = await this.close.cutoffDue(now);
    if (cut.length) this.logger.log(`cut off ${cut.length} cycle(s)`);
  }

  @Cron('0 2 * * *')
  async generate(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    this.logger.log(`generated ${await this.cycles.generate()} cycle(s)`);
  }

  /** The unified order the day after the order day. */
  @Cron('0 6 * * *')
  async consolidate(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const done = await this.close.consolidateDue(this.cycles.today());
    if (done.length) this.logger.log(`consolidated ${done.length} order date(s)`);
  }
}
