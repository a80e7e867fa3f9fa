import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JobWait } from '#libs/shared';
import type { JobBoardEntry } from '../job-board.service.js';
import {
  JOB_OUTCOMES,
  JOB_TRIGGERS,
  type JobOutcomeKind,
  type JobTrigger,
  type ScheduledRun,
} from '../job-board.entity.js';

// What the job board answers, for the OpenAPI document (each class implements the type the service returns).

const INSTANT = { type: String, format: 'date-time' } as const;

class JobWaitResponse implements JobWait {
  @ApiProperty({ example: 'grace-period', description: 'Stable key of what it waits for' }) reason: string;
  @ApiProperty({ example: '2026-12 的补录宽限期至 2027-01-05 09:00' }) text: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<string, unknown>;
}

class JobBoardWaitResponse extends JobWaitResponse {
  @ApiProperty({ type: Number, nullable: true, description: 'The department of the run that waits' })
  departmentId: number | null;
}

export class JobRunResponse implements ScheduledRun {
  @ApiProperty({ example: '42', description: 'bigint as text' }) id: string;
  @ApiProperty({ example: 'reports.month-close' }) jobName: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Per-department jobs: the department' })
  departmentId: number | null;
  @ApiProperty({ example: '2027-01-05 09:10', description: 'The business minute the run was for' })
  businessKey: string;
  @ApiProperty({ enum: JOB_TRIGGERS }) trigger: JobTrigger;
  @ApiProperty({ type: Number, nullable: true, description: 'Who asked for a manual or forced run' })
  requestedBy: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why a forced run was forced' }) reason:
    string | null;
  @ApiProperty(INSTANT) startedAt: Date;
  @ApiProperty(INSTANT) finishedAt: Date;
  @ApiProperty({ enum: JOB_OUTCOMES }) outcome: JobOutcomeKind;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'What the run did',
  })
  summary: object | null;
  @ApiProperty({ type: [JobWaitResponse], nullable: true }) waitingFor: JobWaitResponse[] | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
}

class JobScheduleResponse {
  @ApiProperty({ example: '0 6 * * *', description: 'Cron expression in business time' }) cron: string;
  @ApiProperty({ example: '每天 06:00' }) when: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
}

class JobNameLabel {
  @ApiProperty({ example: 'ordering.consolidate' }) name: string;
  @ApiProperty({ example: '统一订单汇总（订货日次日）' }) label: string;
}

export class JobBoardEntryResponse implements JobBoardEntry {
  @ApiProperty({ example: 'reports.month-close' }) name: string;
  @ApiProperty({ example: '月结（KPI 快照与报表）' }) label: string;
  @ApiProperty() schedule: JobScheduleResponse;
  @ApiProperty({ type: [String] }) reads: string[];
  @ApiProperty({
    type: [JobNameLabel],
    description: 'Jobs that must have finished before its input is complete',
  })
  after: JobNameLabel[];
  @ApiProperty({ enum: ['all', 'department'] }) scope: 'all' | 'department';
  @ApiProperty() forceable: boolean;
  @ApiProperty({
    type: [JobRunResponse],
    description: 'The latest run (per department for per-department jobs)',
  })
  lastRuns: JobRunResponse[];
  @ApiProperty(INSTANT) nextDueAt: Date;
  @ApiProperty({ type: [JobBoardWaitResponse] }) waitingFor: JobBoardWaitResponse[];
}

export class RunJobResponse {
  @ApiProperty({ type: [JobRunResponse], description: 'One run, or one per department' })
  runs: JobRunResponse[];
}
