import type pg from 'pg';
import { DataSource, type Migration, MigrationExecutor, type MixedList } from 'typeorm';
import { dataSourceOptions } from '#libs/shared';
import { BackupRefused, loadBackupData, readVerifiedManifest } from './database-backup.js';
import type { BackupManifest } from './domain/index.js';

/** Runs chosen migrations, in order, on the restore's own query runner (so inside its transaction). */
class RestoreMigrator extends MigrationExecutor {
  migrationsInOrder(): Migration[] {
    return this.getMigrations();
  }
}

export interface RestoreOptions {
  url: string;
  timeZone: string;
  /** The backup folder (`backup-<instant>`). */
  dir: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  /** Replace a database that already holds tables (its schema and rows are dropped). */
  replace: boolean;
}

/**
 * Restores a backup in one transaction, so a failure anywhere leaves the target as it was: the schema is built
 * by the migrations up to the backup's own, the rows are loaded, and the migrations written since then run on
 * them, as they would have run on the live database.
 */
export async function restoreBackup(options: RestoreOptions): Promise<BackupManifest> {
  const manifest = await readVerifiedManifest(options.dir);
  const dataSource = new DataSource(
    dataSourceOptions({
      url: options.url,
      timeZone: options.timeZone,
      migrations: options.migrations,
      poolSize: 1,
    }),
  );
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    const migrator = new RestoreMigrator(dataSource, runner);
    migrator.transaction = 'none';
    const migrations = migrator.migrationsInOrder();
    const upTo = migrations.findIndex((migration) => migration.name === manifest.migration);
    if (upTo < 0) {
      throw new BackupRefused(
        `the backup was taken at migration ${manifest.migration}, which this version does not know: restore it with the version that wrote it`,
      );
    }
    const client = (await runner.connect()) as pg.ClientBase;
    await runner.startTransaction();
    try {
      const {
        rows: [{ tables }],
      } = await client.query<{ tables: number }>(
        `SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'`,
      );
      if (tables > 0 && !options.replace) {
        throw new BackupRefused('the target database already holds tables: pass --replace to overwrite it');
      }
      if (tables > 0) await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
      for (const migration of migrations.slice(0, upTo + 1)) await migrator.executeMigration(migration);
      await loadBackupData(client, options.dir, manifest);
      for (const migration of migrations.slice(upTo + 1)) await migrator.executeMigration(migration);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
    return manifest;
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
