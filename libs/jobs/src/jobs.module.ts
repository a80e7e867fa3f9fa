import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#libs/audit';
import { OrgModule } from '#libs/org';
import { JobBoardService } from './job-board.service.js';
import { jobEntities } from './job-board.entity.js';
import { JobRunsPruning } from './job-runs-pruning.js';
import { JobScheduler } from './job-scheduler.js';
import { JobsController } from './jobs.controller.js';

/** The schedule table run by cron in business time, every run recorded, and the job board. */
@Module({
  imports: [DiscoveryModule, TypeOrmModule.forFeature(jobEntities), AuditModule, OrgModule],
  providers: [JobScheduler, JobBoardService, JobRunsPruning],
  controllers: [JobsController],
  exports: [JobScheduler],
})
export class JobsModule {}
