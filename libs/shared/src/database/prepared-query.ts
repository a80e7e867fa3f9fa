import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { EntityManager } from 'typeorm';

const names = new Map<string, string>();

/** A stable statement name per SQL text. */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs one statement as a named prepared statement (parsed and planned once per connection), on the
 * manager's transaction when it has one, else on the pool. For the hot path of every request (demand
 * submission, authentication), where TypeORM's unnamed statements cost a parse and plan each time.
 * Errors are pg's own (the exception filter reads their SQLSTATE as it does TypeORM's).
 */
export async function preparedQuery<T = Record<string, unknown>>(
  manager: EntityManager,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner as unknown as
    { databaseConnection?: pg.PoolClient; connect?: () => Promise<pg.PoolClient> } | undefined;
  const connection: pg.PoolClient | pg.Pool =
    runner?.databaseConnection ??
    (runner?.connect
      ? await runner.connect()
      : (manager.dataSource.driver as unknown as { master: pg.Pool }).master);
  const result = await connection.query({ name: statementName(text), text, values });
  return result.rows as T[];
}
