import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrationsLocked } from '#libs/shared';
import { migrations } from '#db/migrations/index';
import { entities } from '#db/entities';
import { createTestDatabase } from './support/test-database.js';

describe('migrations', () => {
  it('apply to an empty database, match the entities, and revert cleanly', async () => {
    const database = await createTestDatabase();
    // Start from nothing: the copied template already holds the schema.
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await admin.end();

    const dataSource = new DataSource(
      dataSourceOptions({ url: database.url, timeZone: 'Asia/Shanghai', entities, migrations, poolSize: 2 }),
    );
    await dataSource.initialize();
    try {
      const applied = await runMigrationsLocked(dataSource);
      expect(applied).toEqual(migrations.map((m) => m.name));
      const drift = await dataSource.driver.createSchemaBuilder().log();
      expect(drift.upQueries.map((q) => q.query)).toEqual([]);
      for (let i = 0; i < migrations.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      const [{ n }] = await dataSource.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
      );
      expect(n).toBe(0);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
