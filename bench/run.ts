import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { businessDate, loadConfig } from '#libs/shared';
import { createApiApp } from '../apps/api/src/bootstrap.js';
import { benchSubmission } from './b1-submission.js';
import { benchConsolidation, type ConsolidationFigures } from './b2-consolidation.js';
import { startApi } from './support/api-process.js';
import { benchDatabase } from './support/bench-database.js';
import { printTable } from './support/stats.js';

/**
 * `npm run bench -- [--retailers 30000] [--growth 3000,30000] [--only b1,b2]`: each measurement next to its raw
 * limit (the same work in raw SQL / the raw library) measured in the same run, printed as tables and written
 * to bench/results/latest.json.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      retailers: { type: 'string', default: '30000' },
      growth: { type: 'string', default: '3000,30000' },
      only: { type: 'string', default: 'b1,b2' },
      seed: { type: 'string', default: '2026' },
      clients: { type: 'string', default: '1,16,64' },
    },
  });
  const only = new Set(values.only!.split(','));
  const retailers = Number(values.retailers);
  const seed = Number(values.seed);
  const today = businessDate(new Date(), 'Asia/Shanghai');
  const results: Record<string, unknown> = {
    ranAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    retailers,
  };

  const database = await benchDatabase(retailers, seed, today);
  const version = await database.pool.query('SHOW server_version');
  (results.machine as Record<string, unknown>).postgres = version.rows[0].server_version;
  console.log(
    `data set: ${retailers} retailers (${database.seedSeconds ? `built in ${database.seedSeconds.toFixed(0)} s` : 'reused'})`,
  );
  results.seedSeconds = database.seedSeconds;

  if (only.has('b1')) {
    const api = await startApi(database.url);
    try {
      const figures = await benchSubmission(
        api,
        database.pool,
        today,
        values.clients!.split(',').map(Number),
      );
      printTable(
        'B1 demand submission (10 lines): app over HTTP vs the same transaction in raw SQL',
        figures as never,
      );
      results.b1 = figures;
    } finally {
      await api.stop();
    }
  }

  if (only.has('b2')) {
    const growth: ConsolidationFigures[] = [];
    for (const size of [...new Set([...values.growth!.split(',').map(Number), retailers])].sort(
      (a, b) => a - b,
    )) {
      const db = size === retailers ? database : await benchDatabase(size, seed, today);
      const app = await createApiApp({
        config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', SEED_DEMO: 'false' }),
        databaseUrl: db.url,
      });
      try {
        growth.push(await benchConsolidation(app, db.pool, '2027-03-01', size));
      } finally {
        await app.close();
        if (db !== database) await db.close();
      }
    }
    printTable(
      'B2 consolidation of one order day: the real job vs hand-written INSERT … SELECT … GROUP BY',
      growth as never,
    );
    results.b2 = growth;
  }

  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/latest.json', JSON.stringify(results, null, 2));
  console.log('\nwritten to bench/results/latest.json');
  await database.close();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
