import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { BackupRefused, type BackupManifest, restoreBackup, writeBackup } from '#libs/backup';
import { migrations } from '#db/migrations/index';
import { pinClock } from './support/test-clock.js';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';

/** Every table's row count, and a checksum of the orders (every column of every row), from the database itself. */
async function fingerprint(t: DemoApp) {
  const { rows: tables } = await t.db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const { rows: counts } = await t.db.query<{ name: string; rows: number }>(
    tables
      .map(({ name }) => `SELECT '${name}' AS name, count(*)::int AS rows FROM "${name}"`)
      .join(' UNION ALL '),
  );
  const {
    rows: [orders],
  } = await t.db.query<{ demands: string; lines: string; supply: string }>(
    `SELECT (SELECT md5(string_agg(d::text, '|' ORDER BY d.id)) FROM demands d) AS demands,
            (SELECT md5(string_agg(l::text, '|' ORDER BY l.id)) FROM order_lines l) AS lines,
            (SELECT md5(string_agg(s::text, '|' ORDER BY s.supply_order_id, s.brand_id)) FROM supply_order_lines s) AS supply`,
  );
  return { counts: Object.fromEntries(counts.map((row) => [row.name, row.rows])), orders };
}

/**
 * Backups: the nightly job (run through the job board) writes a folder per night and keeps the newest
 * BACKUP_KEEP; a restore rebuilds the schema with the migrations and loads the rows in one transaction, so the
 * demo county with four weeks of orders comes back row for row, and a bad backup changes nothing.
 */
describe('backup and restore', () => {
  let t: DemoApp;
  let backupDir: string;
  let before: Awaited<ReturnType<typeof fingerprint>>;
  let newest: string;
  const restore = (dir: string, replace: boolean) =>
    restoreBackup({ url: t.database.url, timeZone: t.config.timeZone, dir, migrations, replace });

  beforeAll(async () => {
    backupDir = await mkdtemp(join(tmpdir(), 'backups-'));
    t = await startDemoApp({ retailers: 60, weeks: 4, env: { BACKUP_DIR: backupDir, BACKUP_KEEP: '2' } });
  });

  afterAll(async () => {
    await t.close();
    await rm(backupDir, { recursive: true, force: true });
  });

  it('backs up every night through the job board and keeps the newest two', async () => {
    const admin = bearer(await t.token('admin'));
    for (const night of ['2026-11-16', '2026-11-17', '2026-11-18']) {
      pinClock(t, `${night}T03:30:00+08:00`);
      const res = await t.http.post('/api/jobs/backup.nightly/run').set(admin).send({}).expect(200);
      expect(res.body.runs).toMatchObject([{ outcome: 'done', jobName: 'backup.nightly' }]);
    }
    expect((await readdir(backupDir)).sort()).toEqual(['backup-20261116T193000Z', 'backup-20261117T193000Z']);
    const manifest = JSON.parse(
      await readFile(join(backupDir, 'backup-20261117T193000Z', 'manifest.json'), 'utf8'),
    ) as BackupManifest;
    expect(manifest.migration).toBe(migrations.at(-1)!.name);
    const { counts } = await fingerprint(t);
    const backedUp = Object.fromEntries(manifest.tables.map((table) => [table.name, table.rows]));
    for (const table of ['retailers', 'demands', 'order_lines', 'visits', 'calls']) {
      expect(backedUp[table]).toBe(counts[table]);
    }
    expect(counts.order_lines).toBeGreaterThan(100);
  });

  it('takes a backup the way `npm run backup` does, of every table but the migrations record', async () => {
    before = await fingerprint(t);
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    const { dir, manifest } = await writeBackup(client, backupDir, new Date('2026-11-18T09:00:00Z')).finally(
      () => client.end(),
    );
    newest = dir;
    expect(Object.fromEntries(manifest.tables.map((table) => [table.name, table.rows]))).toEqual(
      Object.fromEntries(Object.entries(before.counts).filter(([name]) => name !== 'schema_migrations')),
    );
  });

  it('refuses to restore over a database that holds tables unless told to replace it', async () => {
    await expect(restore(newest, false)).rejects.toThrow(/already holds tables/);
    expect(await fingerprint(t)).toEqual(before);
  });

  it('restores the wiped county row for row, with its orders unchanged', async () => {
    await t.app.close();
    await t.db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await restore(newest, false);
    expect(await fingerprint(t)).toEqual(before);
    // The sequences stand past the restored ids: the next row gets a new id.
    const {
      rows: [{ fresh }],
    } = await t.db.query(
      `SELECT nextval(pg_get_serial_sequence('order_lines', 'id')) > max(id) AS fresh FROM order_lines`,
    );
    expect(fresh).toBe(true);
  });

  it('replaces a changed database with the backup', async () => {
    await t.db.query(`DELETE FROM visits WHERE id IN (SELECT id FROM visits ORDER BY id LIMIT 5)`);
    await restore(newest, true);
    expect(await fingerprint(t)).toEqual(before);
  });

  it('refuses a backup whose file was altered, before touching the database', async () => {
    const altered = join(backupDir, 'altered');
    await cp(newest, altered, { recursive: true });
    const file = join(altered, 'order_lines.copy.gz');
    const bytes = await readFile(file);
    bytes[bytes.length - 10] ^= 0xff;
    await writeFile(file, bytes);
    await t.db.query(`DELETE FROM calls WHERE id IN (SELECT id FROM calls ORDER BY id LIMIT 3)`);
    const changed = await fingerprint(t);
    await expect(restore(altered, true)).rejects.toThrow('order_lines.copy.gz does not match its checksum');
    expect(await fingerprint(t)).toEqual(changed);
  });

  it('rolls the whole restore back when a table does not load as the backup says', async () => {
    const wrongCount = join(backupDir, 'wrong-count');
    await cp(newest, wrongCount, { recursive: true });
    const manifest = JSON.parse(await readFile(join(wrongCount, 'manifest.json'), 'utf8')) as BackupManifest;
    const lines = manifest.tables.find((table) => table.name === 'order_lines')!;
    (lines as { rows: number }).rows += 1;
    await writeFile(join(wrongCount, 'manifest.json'), JSON.stringify(manifest));
    const changed = await fingerprint(t);
    await expect(restore(wrongCount, true)).rejects.toThrow(
      /order_lines: restored \d+ rows, the backup holds/,
    );
    expect(await fingerprint(t)).toEqual(changed);
  });

  it('refuses a backup taken by a version whose migrations this one does not know', async () => {
    const newer = join(backupDir, 'newer');
    await cp(newest, newer, { recursive: true });
    const manifest = JSON.parse(await readFile(join(newer, 'manifest.json'), 'utf8')) as BackupManifest;
    await writeFile(
      join(newer, 'manifest.json'),
      JSON.stringify({ ...manifest, migration: 'Future1999999999999' }),
    );
    const error = await restore(newer, true).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BackupRefused);
    expect((error as Error).message).toMatch(/Future1999999999999, which this version does not know/);
  });
});
