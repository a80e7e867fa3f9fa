import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export interface DatabaseOptionsInput {
  url: string;
  timeZone: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: MixedList<Function | string>;
  poolSize?: number;
  /** How long to wait for a pooled connection (default 3 s). */
  poolWaitMs?: number;
  logging?: boolean;
}

/**
 * One definition of how we talk to PostgreSQL, shared by the app, the migration CLI, seeds, tests and
 * benchmarks. Entities and migrations are passed as classes (never globs), which works the same from
 * sources under jest and from `dist/`.
 */
export function dataSourceOptions(input: DatabaseOptionsInput): DataSourceOptions {
  return {
    type: 'postgres',
    url: input.url,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    entities: input.entities ?? [],
    migrations: input.migrations ?? [],
    // Failures reach the exception filter, which logs what is unexpected; TypeORM need not print them again.
    logging: input.logging ? ['query', 'error'] : false,
    extra: {
      max: input.poolSize ?? 20,
      connectionTimeoutMillis: input.poolWaitMs ?? 3000,
      // Business dates (months, order days) are computed by PostgreSQL in the business time zone.
      options: `-c timezone=${input.timeZone}`,
      application_name: 'tobacco-retail',
    },
  };
}
