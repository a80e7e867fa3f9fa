import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import type { DestinationStream } from 'pino';
import supertest from 'supertest';
import { loadConfig, type AppConfig } from '#libs/shared';
import { createApiApp } from '../../apps/api/src/bootstrap.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { pinClock, TEST_NOW } from './test-clock.js';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof supertest>;
  /** Direct access to the test database, for arranging fixtures and asserting what was (not) written. */
  db: pg.Pool;
  database: TestDatabase;
  config: AppConfig;
  close: () => Promise<void>;
}

/**
 * Boots the real API (same bootstrap as production) on a fresh database of its own, its clock pinned at `now`
 * (default TEST_NOW) so that no test depends on the day it runs.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  /** Where the app's request log goes (with a LOG_LEVEL in `env`), for tests that read it. */
  logDestination?: DestinationStream,
  now: string = TEST_NOW,
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...env });
  const app = await createApiApp({ config, databaseUrl: database.url }, logDestination);
  await app.getHttpAdapter().getInstance().ready();
  pinClock({ app }, now);
  const db = new pg.Pool({ connectionString: database.url, max: 4 });
  return {
    app,
    http: supertest(app.getHttpServer()),
    db,
    database,
    config,
    close: async () => {
      await app.close();
      await db.end();
      await database.drop(true);
    },
  };
}

/** Row count of a table, for "nothing was written" assertions. */
export async function countRows(db: pg.Pool, table: string): Promise<number> {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0].n;
}
