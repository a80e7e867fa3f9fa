import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';

/** Serialization failures and deadlocks are safe to retry: the whole transaction is replayed. */
const RETRYABLE_STATES = new Set(['40001', '40P01']);

function isRetryable(error: unknown): boolean {
  const code =
    (error as { driverError?: { code?: string }; code?: string })?.driverError?.code ??
    (error as { code?: string })?.code;
  return code !== undefined && RETRYABLE_STATES.has(code);
}

export interface TransactionOptions {
  isolation?: IsolationLevel;
  /** How many times a serialization failure or deadlock is retried before it surfaces. */
  retries?: number;
}

/**
 * Runs work in one transaction: committed when it resolves, rolled back when it throws, the connection
 * released either way. Side effects that must not happen on rollback belong after `run` returns.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const retries = options.retries ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        return options.isolation
          ? await this.dataSource.transaction(options.isolation, work)
          : await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= retries || !isRetryable(error)) throw error;
        this.logger.warn(`transaction retried after ${(error as Error).message} (attempt ${attempt + 1})`);
        await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt + Math.random() * 10));
      }
    }
  }
}
