import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '#libs/shared';
import { CultivationTasksService } from './cultivation/cultivation-tasks.service.js';

/** New-spec analysis tasks, made each morning (and at start) for the specs launched in the last 30 days. */
@Injectable()
export class KpiJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(KpiJobs.name);

  constructor(
    private readonly tasks: CultivationTasksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.jobsEnabled) void this.cultivationTasks();
  }

  @Cron('30 2 * * *')
  async cultivationTasks(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    try {
      const outcome = await this.tasks.generateDue();
      if (outcome?.created) this.logger.log(`made ${outcome.created} new-spec analysis task(s)`);
    } catch (error) {
      this.logger.error(`new-spec analysis tasks failed: ${(error as Error).message}`);
    }
  }
}
