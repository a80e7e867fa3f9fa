import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { IsOmittable } from '#libs/shared';
import { JOB_SCHEDULE } from '../domain/index.js';

export const JOB_NAMES = JOB_SCHEDULE.map((entry) => entry.name);
export const MAX_FORCE_REASON = 500;

export class JobNameParams {
  @ApiProperty({
    enum: JOB_NAMES,
    example: 'reports.month-close',
    description: 'A job of the schedule table',
  })
  @IsString()
  @MaxLength(100)
  name: string;
}

export class RunJobDto {
  @ApiPropertyOptional({
    description:
      'Department-scoped jobs: the department (department heads: their own, the default; admins: any, ' +
      'default every department)',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  departmentId?: number;

  @ApiPropertyOptional({ description: 'Admins: run although the job waits for its inputs (needs `reason`)' })
  @IsOmittable()
  @IsBoolean()
  force?: boolean;

  @ApiPropertyOptional({ description: 'Why the job is forced (kept in the run and the audit log)' })
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_FORCE_REASON)
  reason?: string;
}
