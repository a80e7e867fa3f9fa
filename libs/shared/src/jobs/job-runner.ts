import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner.js';
import { JobRun } from './job-run.entity.js';

export type JobOutcome<T> =
  { status: 'ran'; result: T } | { status: 'already-done'; result: unknown } | { status: 'locked' };

/**
 * Runs a job at most once per business key across every API replica: the work, the run row and the
 * advisory lock share one transaction, so a crash half-way leaves nothing half-done and a rerun is safe.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);

  constructor(private readonly transactions: TransactionRunner) {}

  async runOnce<T extends object | void>(
    jobName: string,
    businessKey: string,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<JobOutcome<T>> {
    const startedAt = new Date();
    try {
      return await this.transactions.run(async (manager) => {
        const [{ locked }] = await manager.query(
          'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked',
          [`${jobName}:${businessKey}`],
        );
        if (!locked) return { status: 'locked' } as const;
        const done = await manager.findOne(JobRun, { where: { jobName, businessKey, status: 'succeeded' } });
        if (done) return { status: 'already-done', result: done.result } as const;
        const result = await work(manager);
        await manager.insert(JobRun, {
          jobName,
          businessKey,
          status: 'succeeded',
          startedAt,
          result: (result as object | undefined) ?? null,
        });
        return { status: 'ran', result } as const;
      });
    } catch (error) {
      this.logger.error(`job ${jobName} ${businessKey} failed: ${(error as Error).message}`);
      await this.recordFailure(jobName, businessKey, startedAt, error).catch(() => undefined);
      throw error;
    }
  }

  private async recordFailure(jobName: string, businessKey: string, startedAt: Date, error: unknown) {
    await this.transactions.run((manager) =>
      manager.insert(JobRun, {
        jobName,
        businessKey,
        status: 'failed',
        startedAt,
        error: (error as Error).message?.slice(0, 2000) ?? String(error),
      }),
    );
  }
}
