import type { DataSource } from 'typeorm';

/**
 * Reads a query's rows in batches through a server-side cursor, in one read-only, repeatable-read
 * transaction: a consistent snapshot however long the reader takes, and memory bounded by one batch
 * (no OFFSET paging, no whole result in memory). `onBatch` returning false stops early (reader gone).
 */
export async function forEachBatch<T>(
  dataSource: DataSource,
  sql: string,
  params: unknown[],
  batchSize: number,
  onBatch: (rows: T[]) => Promise<boolean>,
): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await runner.query(`DECLARE batch_cursor NO SCROLL CURSOR FOR ${sql}`, params);
    for (;;) {
      const rows: T[] = await runner.query(`FETCH FORWARD ${Math.trunc(batchSize)} FROM batch_cursor`);
      if (!rows.length || !(await onBatch(rows)) || rows.length < batchSize) break;
    }
  } finally {
    await runner.query('ROLLBACK').catch(() => undefined);
    await runner.release();
  }
}
