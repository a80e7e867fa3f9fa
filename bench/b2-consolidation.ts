import type pg from 'pg';
import type { INestApplicationContext } from '@nestjs/common';
import { addDays } from '#libs/kernel';
import { CycleCloseService } from '#libs/ordering';
import { round, timed } from './support/stats.js';
import { cleanOrderDay, prepareOrderDay, rawConsolidation } from './support/order-day.js';

export interface ConsolidationFigures {
  retailers: number;
  cycles: number;
  demandLines: number;
  orderLines: number;
  supplyOrderLines: number;
  appSeconds: number;
  rawSeconds: number;
  ratio: number;
}

/** B2: one city-scale order day through the real consolidation job, against the hand-written SQL. */
export async function benchConsolidation(
  app: INestApplicationContext,
  pool: pg.Pool,
  orderDate: string,
  retailers: number,
): Promise<ConsolidationFigures> {
  const day = await prepareOrderDay(pool, orderDate);
  // Warm the plans once (rolled back), then measure each side on the same state.
  await rawConsolidation(pool, orderDate);
  const raw = await timed(() => rawConsolidation(pool, orderDate));
  const job = await timed(() => app.get(CycleCloseService).consolidateDue(addDays(orderDate, 1)));
  const summary = job.result.find((s) => s.cycleIds.length);
  if (
    !summary ||
    summary.orderLines !== raw.result.orderLines ||
    summary.supplyOrderLines !== raw.result.supplyOrderLines
  ) {
    throw new Error(`the job and the raw SQL disagree: ${JSON.stringify({ job: summary, raw: raw.result })}`);
  }
  await cleanOrderDay(pool, orderDate);
  return {
    retailers,
    cycles: day.cycles,
    demandLines: day.lines,
    orderLines: summary.orderLines,
    supplyOrderLines: summary.supplyOrderLines,
    appSeconds: round(job.ms / 1000, 3),
    rawSeconds: round(raw.ms / 1000, 3),
    ratio: round(job.ms / raw.ms, 2),
  };
}
