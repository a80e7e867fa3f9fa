import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, ensureDatabase, runMigrationsLocked, startEmbeddedPostgres } from '#libs/shared';
import { migrations } from '#db/migrations/index';
import { seedDemo } from '#db/seeds/demo-seed';

export const BENCH_PASSWORD = 'Bench@2026';

export interface BenchDatabase {
  url: string;
  /** Seconds the demo data took to build (0 when reused). */
  seedSeconds: number;
  pool: pg.Pool;
  close: () => Promise<void>;
}

export interface BenchServer {
  url: string;
  stop: () => Promise<void>;
}

/**
 * The server the run's data sets live on: `DATABASE_URL`'s when set, otherwise an embedded one under
 * .data/bench, started once for the whole run (stopping and starting it between sizes raced its shutdown).
 */
export async function benchServer(): Promise<BenchServer> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const server = await startEmbeddedPostgres('.data/bench');
  return { url: server.url('postgres'), stop: server.stop };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A database on the bench server holding the demo data at the given scale. Built once per scale and seed
 * (set-based seeding), reused by later runs.
 */
export async function benchDatabase(
  server: BenchServer,
  retailers: number,
  seed: number,
  today: string,
): Promise<BenchDatabase> {
  const serverUrl = server.url;
  const name = `bench_${retailers}_${seed}_${migrations.length}_${today.replace(/-/g, '')}`;
  const url = withDatabase(serverUrl, name);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  await admin.end();
  let seedSeconds = 0;
  if (!rowCount) {
    const building = `${name}_building`;
    const adminAgain = new pg.Client({ connectionString: serverUrl });
    await adminAgain.connect();
    await adminAgain.query(`DROP DATABASE IF EXISTS ${building}`);
    await adminAgain.end();
    await ensureDatabase(serverUrl, building);
    const dataSource = new DataSource(
      dataSourceOptions({
        url: withDatabase(serverUrl, building),
        timeZone: 'Asia/Shanghai',
        migrations,
        poolSize: 4,
      }),
    );
    await dataSource.initialize();
    await runMigrationsLocked(dataSource);
    const started = performance.now();
    console.log(`building the ${retailers}-retailer data set (once; reused by later runs)…`);
    await seedDemo(dataSource, { password: BENCH_PASSWORD, retailers, seed, today, weeks: 13 });
    await dataSource.query('ANALYZE');
    seedSeconds = (performance.now() - started) / 1000;
    await dataSource.destroy();
    const rename = new pg.Client({ connectionString: serverUrl });
    await rename.connect();
    await rename.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    await rename.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: 70 });
  return {
    url,
    seedSeconds,
    pool,
    close: () => pool.end(),
  };
}
