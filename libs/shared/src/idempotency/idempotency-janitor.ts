import { Inject, Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';

/** Idempotency keys are kept at least 24 hours; a daily sweep removes those older than 48. */
@Injectable()
export class IdempotencyJanitor {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Cron('15 3 * * *')
  async sweep(): Promise<number> {
    if (!this.config.jobsEnabled) return 0;
    const deleted = await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE created_at < now() - interval '48 hours'`,
    );
    return deleted[1] ?? 0;
  }
}
