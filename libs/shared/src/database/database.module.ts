import { Global, Logger, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { TransactionRunner } from './transaction-runner.js';
import { JobRunner } from '../jobs/job-runner.js';
import { JobRun } from '../jobs/job-run.entity.js';
import { IdempotencyKey } from '../idempotency/idempotency-key.entity.js';
import { DatabaseHealth } from './database-health.js';
import { Clock } from '../clock.js';
import { IdempotencyJanitor } from '../idempotency/idempotency-janitor.js';

const MIGRATION_LOCK = 'schema-migrations';

/** Applies pending migrations while holding an advisory lock, so replicas starting together take turns. */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [MIGRATION_LOCK])
      .catch(() => undefined);
    await runner.release();
  }
}

@Global()
@Module({})
export class DatabaseModule {
  /** Connects with the given options (entities come from each module's `forFeature`) and migrates. */
  static forRoot(options: DataSourceOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...options, autoLoadEntities: true }),
          dataSourceFactory: async (resolved) => {
            const dataSource = await new DataSource(resolved!).initialize();
            const applied = await runMigrationsLocked(dataSource);
            if (applied.length) new Logger('Database').log(`applied migrations: ${applied.join(', ')}`);
            return dataSource;
          },
        }),
        TypeOrmModule.forFeature([JobRun, IdempotencyKey]),
      ],
      providers: [TransactionRunner, JobRunner, DatabaseHealth, Clock, IdempotencyJanitor],
      exports: [TransactionRunner, JobRunner, DatabaseHealth, Clock, TypeOrmModule],
    };
  }
}
