import { Module } from '@nestjs/common';
import { NightlyBackup } from './nightly-backup.job.js';

/** Backups of the whole database: the nightly job here, `npm run backup` and `npm run restore` in db/cli. */
@Module({ providers: [NightlyBackup] })
export class BackupModule {}
