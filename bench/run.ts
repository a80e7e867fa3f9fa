import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '#libs/shared';
import { addMonths, businessDate, businessMonth } from '#libs/kernel';
import { createApiApp } from '../apps/api/src/bootstrap.js';
import { benchSubmission, type SubmissionFigures } from './b1-submission.js';
import { benchConsolidation, type ConsolidationFigures } from './b2-consolidation.js';
import { benchKpiMonth, type KpiMonthFigures } from './b3-kpi-month.js';
import { benchExport, type ExportFigures } from './b4-export.js';
import { startApi } from './support/api-process.js';
import { benchDatabase, benchServer } from './support/bench-database.js';
import { printTable } from './support/stats.js';

/**
 * `npm run bench -- [--retailers 30000] [--growth 3000] [--only b1,b2,b3,b4]`: each measurement next to its raw
 * limit (the same work in raw SQL / the raw library) measured in the same run, printed as tables and written
 * to bench/results/latest.json. B2–B4 also run at the growth sizes, to show how cost grows with size.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      retailers: { type: 'string', default: '30000' },
      growth: { type: 'string', default: '3000' },
      only: { type: 'string', default: 'b1,b2,b3,b4' },
      seed: { type: 'string', default: '2026' },
      clients: { type: 'string', default: '1,16,64' },
    },
  });
  const only = new Set(values.only!.split(','));
  const retailers = Number(values.retailers);
  const seed = Number(values.seed);
  const now = new Date();
  const today = businessDate(now, 'Asia/Shanghai');
  const lastMonth = addMonths(businessMonth(now, 'Asia/Shanghai'), -1);
  const sizes = [...new Set([...values.growth!.split(',').filter(Boolean).map(Number), retailers])].sort(
    (a, b) => a - b,
  );
  const results: Record<string, unknown> = {
    ranAt: now.toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    retailers,
    seedSeconds: {} as Record<number, number>,
  };
  const b1: SubmissionFigures[] = [];
  const b2: ConsolidationFigures[] = [];
  const b3: KpiMonthFigures[] = [];
  const b4: Array<ExportFigures & { retailers: number }> = [];

  const server = await benchServer();
  try {
    for (const size of sizes) {
      const database = await benchDatabase(server, size, seed, today);
      (results.seedSeconds as Record<number, number>)[size] = database.seedSeconds;
      console.log(
        `data set: ${size} retailers (${database.seedSeconds ? `built in ${database.seedSeconds.toFixed(0)} s` : 'reused'})`,
      );
      if (!('postgres' in (results.machine as object))) {
        (results.machine as Record<string, unknown>).postgres = (
          await database.pool.query('SHOW server_version')
        ).rows[0].server_version;
      }
      try {
        if ((only.has('b1') && size === retailers) || only.has('b4')) {
          const api = await startApi(database.url);
          try {
            if (only.has('b1') && size === retailers)
              b1.push(
                ...(await benchSubmission(api, database.pool, today, values.clients!.split(',').map(Number))),
              );
            if (only.has('b4'))
              b4.push({ retailers: size, ...(await benchExport(api, database.url, lastMonth)) });
          } finally {
            await api.stop();
          }
        }
        if (only.has('b2') || only.has('b3')) {
          const app = await createApiApp({
            config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', SEED_DEMO: 'false' }),
            databaseUrl: database.url,
          });
          try {
            if (only.has('b2')) b2.push(await benchConsolidation(app, database.pool, '2027-03-01', size));
            if (only.has('b3')) b3.push(await benchKpiMonth(app, database.url, lastMonth, size));
          } finally {
            await app.close();
          }
        }
      } finally {
        await database.close();
      }
    }
  } finally {
    await server.stop();
  }

  if (b1.length)
    printTable(
      `B1 demand submission (10 lines, ${retailers} retailers): app over HTTP vs the same transaction in raw SQL`,
      b1 as never,
    );
  if (b2.length)
    printTable(
      'B2 consolidation of one order day: the real job vs hand-written INSERT … SELECT … GROUP BY',
      b2 as never,
    );
  if (b3.length)
    printTable(
      `B3 KPIs of ${lastMonth} (every row of the department) through the service vs its statements replayed raw`,
      b3 as never,
    );
  if (b4.length)
    printTable(
      `B4 order-line export of ${lastMonth} (.xlsx): the endpoint vs exceljs's streaming writer alone`,
      b4 as never,
    );
  Object.assign(results, { b1, b2, b3, b4 });
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/latest.json', JSON.stringify(results, null, 2));
  console.log('\nwritten to bench/results/latest.json');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
