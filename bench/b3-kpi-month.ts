import type { INestApplicationContext } from '@nestjs/common';
import pg from 'pg';
import { KpiMonthService } from '#libs/kpi';
import { percentile, round, timed } from './support/stats.js';

export interface KpiMonthFigures {
  retailers: number;
  month: string;
  statements: number;
  appSeconds: number;
  rawSeconds: number;
  ratio: number;
}

interface Captured {
  text: string;
  values: unknown[];
}

/** Records the statements the service sends while `work` runs (pg's Client.query, wrapped for the duration). */
async function capturing<T>(work: () => Promise<T>): Promise<{ result: T; statements: Captured[] }> {
  const statements: Captured[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    const text = typeof first === 'string' ? first : first?.text;
    const values = typeof first === 'string' ? second : first?.values;
    if (text && !/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SELECT 1)\b/i.test(text.trim()))
      statements.push({ text, values: values ?? [] });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    return { result: await work(), statements };
  } finally {
    pg.Client.prototype.query = original;
  }
}

/**
 * B3: every account manager's (and center's, department's, squad's, delivery staff's) KPIs of a month through
 * the service, against the raw limit: the very statements the service sent, replayed one after another with
 * pg on one connection — the database work alone, without the service's composition, roll-ups and targets.
 */
export async function benchKpiMonth(
  app: INestApplicationContext,
  databaseUrl: string,
  month: string,
  retailers: number,
): Promise<KpiMonthFigures> {
  const months = app.get(KpiMonthService);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [{ id: departmentId }] = (
      await client.query(`SELECT id FROM org_units WHERE type = 'department' ORDER BY id LIMIT 1`)
    ).rows;
    const compute = () => months.compute(months.period(month), departmentId);
    const { statements } = await capturing(compute); // also warms plans and caches
    const appTimes: number[] = [];
    for (let i = 0; i < 3; i++) appTimes.push((await timed(compute)).ms);
    const replay = async () => {
      for (const statement of statements) await client.query(statement.text, statement.values);
    };
    await replay();
    const rawTimes: number[] = [];
    for (let i = 0; i < 3; i++) rawTimes.push((await timed(replay)).ms);
    const app50 = percentile(appTimes, 50);
    const raw50 = percentile(rawTimes, 50);
    return {
      retailers,
      month,
      statements: statements.length,
      appSeconds: round(app50 / 1000, 3),
      rawSeconds: round(raw50 / 1000, 3),
      ratio: round(app50 / raw50, 2),
    };
  } finally {
    await client.end();
  }
}
