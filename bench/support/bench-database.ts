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

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A database holding the demo data at the given scale: `DATABASE_URL`'s server when set, otherwise an embedded
 * server under .data/bench. Built once per scale and seed (set-based seeding), reused by later runs.
 */
export async function benchDatabase(retailers: number, seed: number, today: string): Promise<BenchDatabase> {
  let serverUrl = process.env.DATABASE_URL;
  let stopServer: () => Promise<void> = async () => undefined;
  if (!serverUrl) {
    const server = await startEmbeddedPostgres('.data/bench');
    serverUrl = server.url('postgres');
    stopServer = server.stop;
  }
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
    close: async () => {
      await pool.end();
      await stopServer();
    },
  };
}
