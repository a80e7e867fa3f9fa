import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import {
  BACKUP_FORMAT,
  type BackupManifest,
  type BackupTable,
  backupName,
  backupsToPrune,
  manifestProblem,
  type TableReference,
  tableLoadOrder,
} from './domain/index.js';

/** The migrations' own record: a restore rebuilds it by running the migrations, never from the data. */
const MIGRATIONS_TABLE = 'schema_migrations';
const MANIFEST = 'manifest.json';

/** A backup that cannot be restored as it is, in words a person can act on. */
export class BackupRefused extends Error {}

interface TableShape {
  name: string;
  columns: string[];
}

const quoted = (name: string) => `"${name}"`;
const columnList = (columns: readonly string[]) => columns.map(quoted).join(', ');

/** The application's tables and their stored (not generated) columns. */
async function tableShapes(client: pg.ClientBase): Promise<TableShape[]> {
  const { rows } = await client.query<TableShape>(
    `SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> $1
      GROUP BY c.relname
      ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  return rows;
}

async function foreignKeys(client: pg.ClientBase): Promise<TableReference[]> {
  const { rows } = await client.query<TableReference>(
    `SELECT child.relname AS "table", parent.relname AS "references"
       FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid
       JOIN pg_class parent ON parent.oid = k.confrelid
      WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace`,
  );
  return rows;
}

async function tablesWithRows(client: pg.ClientBase, tables: readonly BackupTable[]): Promise<string[]> {
  if (!tables.length) return [];
  const { rows } = await client.query<{ name: string }>(
    tables
      .map(({ name }) => `SELECT '${name}' AS name WHERE EXISTS (SELECT FROM ${quoted(name)})`)
      .join(' UNION ALL '),
  );
  return rows.map((row) => row.name);
}

/** Passes bytes through unchanged, hashing them on the way. */
function hashing(hash: Hash): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
}

/**
 * Writes a consistent snapshot of the database (one repeatable-read transaction, each table streamed by COPY,
 * never held in memory) into `<parentDir>/backup-<instant>`. The folder appears under its name only when
 * complete, so a crash mid-way never leaves something that looks like a backup.
 */
export async function writeBackup(
  client: pg.ClientBase,
  parentDir: string,
  takenAt: Date,
): Promise<{ dir: string; manifest: BackupManifest }> {
  const name = backupName(takenAt);
  const dir = join(parentDir, name);
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const {
      rows: [latest],
    } = await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id DESC LIMIT 1`);
    if (!latest) throw new BackupRefused('the database has no migrations applied: nothing to back up');
    const tables: BackupTable[] = [];
    for (const shape of await tableShapes(client)) {
      const file = `${shape.name}.copy.gz`;
      const hash = createHash('sha256');
      const source = client.query(
        copyStreams.to(`COPY (SELECT ${columnList(shape.columns)} FROM ${quoted(shape.name)}) TO STDOUT`),
      );
      await pipeline(source, createGzip(), hashing(hash), createWriteStream(join(partial, file)));
      tables.push({ ...shape, file, rows: source.rowCount, sha256: hash.digest('hex') });
    }
    const { rows: sequences } = await client.query<{ name: string; lastValue: string | null }>(
      `SELECT sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences WHERE schemaname = 'public'
        ORDER BY sequencename`,
    );
    const {
      rows: [{ server_version: serverVersion }],
    } = await client.query<{ server_version: string }>('SHOW server_version');
    await client.query('COMMIT');
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      takenAt: takenAt.toISOString(),
      migration: latest.name,
      serverVersion,
      tables,
      sequences,
    };
    await writeFile(join(partial, MANIFEST), JSON.stringify(manifest, null, 2));
    await rename(partial, dir);
    return { dir, manifest };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/** Deletes the oldest backups in `parentDir` beyond the newest `keep`; returns the names deleted. */
export async function pruneBackups(parentDir: string, keep: number): Promise<string[]> {
  const doomed = backupsToPrune(await readdir(parentDir), keep);
  for (const name of doomed) await rm(join(parentDir, name), { recursive: true, force: true });
  return doomed;
}

/** Reads a backup's manifest and checks every data file against its checksum before anything is restored. */
export async function readVerifiedManifest(dir: string): Promise<BackupManifest> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8'));
  } catch (error) {
    throw new BackupRefused(`${dir} holds no readable ${MANIFEST}: ${(error as Error).message}`);
  }
  const problem = manifestProblem(parsed);
  if (problem) throw new BackupRefused(problem);
  const manifest = parsed as BackupManifest;
  for (const table of manifest.tables) {
    const hash = createHash('sha256');
    try {
      for await (const chunk of createReadStream(join(dir, table.file))) hash.update(chunk as Buffer);
    } catch (error) {
      throw new BackupRefused(`${table.file}: ${(error as Error).message}`);
    }
    if (hash.digest('hex') !== table.sha256)
      throw new BackupRefused(`${table.file} does not match its checksum`);
  }
  return manifest;
}

/**
 * Loads a verified backup's rows into a database whose schema is at the backup's migration, inside the
 * caller's transaction: rows the migrations wrote are replaced, tables load referenced-first with their
 * foreign keys checked, every table's row count is checked, and the sequences are set past the restored ids.
 */
export async function loadBackupData(
  client: pg.ClientBase,
  dir: string,
  manifest: BackupManifest,
): Promise<void> {
  const shapes = new Map((await tableShapes(client)).map((shape) => [shape.name, shape.columns.join(',')]));
  const mismatched = [
    ...manifest.tables
      .filter((table) => shapes.get(table.name) !== table.columns.join(','))
      .map((t) => t.name),
    ...[...shapes.keys()].filter((name) => !manifest.tables.some((table) => table.name === name)),
  ];
  if (mismatched.length) {
    throw new BackupRefused(
      `the schema at ${manifest.migration} differs from the backup in: ${mismatched.join(', ')}`,
    );
  }
  const tables = new Map(manifest.tables.map((table) => [table.name, table]));
  const order = tableLoadOrder([...tables.keys()], await foreignKeys(client));
  // Rows the migrations themselves wrote (reference data) make way, referencing tables first. DELETE, not
  // TRUNCATE: only these few tables have rows, and append-only tables (the audit log) refuse TRUNCATE.
  const filled = new Set(await tablesWithRows(client, manifest.tables));
  for (const name of [...order].reverse())
    if (filled.has(name)) await client.query(`DELETE FROM ${quoted(name)}`);
  for (const name of order) {
    const table = tables.get(name)!;
    const sink = client.query(
      copyStreams.from(`COPY ${quoted(name)} (${columnList(table.columns)}) FROM STDIN`),
    );
    await pipeline(createReadStream(join(dir, table.file)), createGunzip(), sink);
    if (sink.rowCount !== table.rows) {
      throw new BackupRefused(`${name}: restored ${sink.rowCount} rows, the backup holds ${table.rows}`);
    }
  }
  for (const sequence of manifest.sequences) {
    if (sequence.lastValue !== null) {
      await client.query('SELECT setval(quote_ident($1), $2::bigint)', [sequence.name, sequence.lastValue]);
    }
  }
}
