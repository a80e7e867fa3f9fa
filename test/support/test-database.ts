import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrationsLocked } from '#libs/shared';
import { migrations } from '#db/migrations/index';

/** Environment handed from the global setup to the test workers. */
export const SERVER_URL_ENV = 'TEST_DB_SERVER_URL';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The template's name changes whenever the migrations change, so a stale template is never used. */
export function templateName(): string {
  const digest = createHash('sha256')
    .update(migrations.map((migration) => migration.name).join(','))
    .digest('hex')
    .slice(0, 12);
  return `tpl_${digest}`;
}

/**
 * Creates the migrated template database once per migration set; concurrent test files (and
 * concurrent runs) wait on the advisory lock and then find it made.
 */
async function ensureTemplate(serverUrl: string): Promise<string> {
  const name = templateName();
  await withClient(serverUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [name]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount) return;
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${building}`);
      await client.query(`CREATE DATABASE ${building} TEMPLATE template0 ENCODING 'UTF8'`);
      const dataSource = new DataSource(
        dataSourceOptions({
          url: withDatabase(serverUrl, building),
          timeZone: 'Asia/Shanghai',
          migrations,
          poolSize: 2,
        }),
      );
      await dataSource.initialize();
      try {
        await runMigrationsLocked(dataSource);
      } finally {
        await dataSource.destroy();
      }
      await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [name]);
    }
  });
  return name;
}

let templateReady: Promise<string> | undefined;

export interface TestDatabase {
  name: string;
  url: string;
  /**
   * Drops the database, terminating whoever is still connected. `settle`: first wait (up to 5 s) for closed
   * pools' connections to finish disconnecting: a pool's `end()` resolves before its sockets are gone, and
   * terminating one of those raises an unhandled error in the client.
   */
  drop: (settle?: boolean) => Promise<void>;
}

/** A fresh database for one test file, copied from the migrated template: files never see each other's rows. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env[SERVER_URL_ENV];
  if (!serverUrl) throw new Error('e2e tests need the global setup (run them through jest)');
  templateReady ??= ensureTemplate(serverUrl);
  const template = await templateReady;
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        return;
      } catch (error) {
        // Two files copying the template at the same instant: PostgreSQL refuses one; try again.
        if (attempt > 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: (settle = false) =>
      withClient(serverUrl, async (client) => {
        for (let waited = 0; settle && waited < 5000; waited += 25) {
          const { rows } = await client.query(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}
