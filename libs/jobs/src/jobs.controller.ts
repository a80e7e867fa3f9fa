import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '#libs/shared';
import { JobBoardService } from './job-board.service.js';
import { JobNameParams, RunJobDto } from './dto/jobs.dto.js';
import { JobBoardEntryResponse, RunJobResponse } from './dto/jobs.responses.js';

const BOARD_ROLES = ['admin', 'department_head'] as const;

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly board: JobBoardService) {}

  @Get()
  @Roles(...BOARD_ROLES)
  @ApiOperation({
    summary:
      'The job board: every scheduled job, its schedule in business time, last run, next due, what it waits for',
    description: 'Department heads see their department’s runs and the runs for every department.',
  })
  @ApiOkResponse({ type: [JobBoardEntryResponse] })
  list(@CurrentActor() actor: Actor) {
    return this.board.board(actor);
  }

  @Post(':name/run')
  @HttpCode(200)
  @Roles(...BOARD_ROLES)
  @ApiOperation({
    summary: 'Run a job now (idempotent: its work is keyed), audited',
    description:
      'Admins run any job; department heads run department-scoped jobs for their own department. ' +
      '`force` with a `reason` (admins) runs a job that waits for its inputs anyway.',
  })
  @ApiOkResponse({ type: RunJobResponse })
  run(@CurrentActor() actor: Actor, @Param() params: JobNameParams, @Body() dto: RunJobDto) {
    return this.board.run(actor, params.name, dto);
  }
}
