import { mkdir } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  type JobRunReport,
  type JobRunRequest,
  ScheduledJob,
} from '#libs/shared';
import { pruneBackups, writeBackup } from './database-backup.js';

/** A backup every night into `BACKUP_DIR`, keeping the newest `BACKUP_KEEP`. */
@Injectable()
export class NightlyBackup {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ScheduledJob('backup.nightly')
  async backUp({ now }: JobRunRequest): Promise<JobRunReport> {
    const { backupDir, backupKeep } = this.config;
    if (backupKeep === 0) return { outcome: 'nothing-due', summary: { reason: 'BACKUP_KEEP=0' } };
    await mkdir(backupDir, { recursive: true });
    const runner = this.dataSource.createQueryRunner();
    try {
      const { dir, manifest } = await writeBackup((await runner.connect()) as pg.ClientBase, backupDir, now);
      const pruned = await pruneBackups(backupDir, backupKeep);
      const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
      return { outcome: 'done', summary: { dir, migration: manifest.migration, rows, pruned } };
    } finally {
      await runner.release();
    }
  }
}
