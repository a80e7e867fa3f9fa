import 'reflect-metadata';
import { ConfigValidationError, loadConfig, resolveDatabase, type AppConfig } from '#libs/shared';
import { DataSource } from 'typeorm';
import { DEFAULT_DEMO_RETAILERS, seedDemoIfEmpty } from '#db/seeds/demo-seed';
import { createApiApp } from './bootstrap.js';

function configOrExit(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main() {
  if (typeof process.loadEnvFile === 'function') {
    try {
      process.loadEnvFile('.env');
    } catch {
      // no .env file: the environment alone configures us
    }
  }
  const config = configOrExit();
  // The process runs on business time: scheduled jobs (@Cron without a zone) fire on TZ's clock, like the work they do.
  process.env.TZ = config.timeZone;
  const database = await resolveDatabase(config);
  if (database.embedded) console.log(`embedded PostgreSQL running, data in ${config.dataDir}/pg`);
  const app = await createApiApp({ config, databaseUrl: database.url });
  if (config.seedDemo) {
    const options = {
      password: config.demoPassword,
      retailers: DEFAULT_DEMO_RETAILERS,
      seed: 20261,
      licenseNoLength: config.licenseNoLength,
      gradePeriod: config.gradePeriod,
    };
    if (await seedDemoIfEmpty(app.get(DataSource), options))
      console.log('loaded the demo county (logins in README)');
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    await app.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: '0.0.0.0' });
  console.log(`API listening on http://localhost:${config.port} (docs at /docs)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
