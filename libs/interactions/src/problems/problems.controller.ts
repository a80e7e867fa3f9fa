import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Idempotent, PageOf, ParseIdPipe, Roles } from '#libs/shared';
import { THREE_ROLES } from '../domain/index.js';
import { ProblemsService } from './problems.service.js';
import { ProblemPolicyService } from './problem-policy.service.js';
import {
  AnswerProblemDto,
  ProblemPolicyDto,
  ProblemPolicyQuery,
  ProblemQuery,
  RaiseProblemDto,
} from './problems.dto.js';
import { ProblemPolicyResponse, ProblemResponse } from './problems.responses.js';

/** Who reads problems: the three roles (the ones they raised), market managers, inspectors, heads, admins. */
const PROBLEM_READERS = ['admin', 'department_head', 'inspector', 'market_manager', ...THREE_ROLES] as const;

@ApiTags('problems')
@Controller('problems')
export class ProblemsController {
  constructor(private readonly problems: ProblemsService) {}

  @Post()
  @Roles(...THREE_ROLES)
  @Idempotent()
  @ApiOperation({
    summary:
      'Raise a problem about another role’s work at a retailer 三员互动问题; it goes to the market manager of its center',
  })
  @ApiCreatedResponse({ type: ProblemResponse })
  raise(@CurrentActor() actor: Actor, @Body() dto: RaiseProblemDto) {
    return this.problems.raise(actor, dto);
  }

  @Get()
  @Roles(...PROBLEM_READERS)
  @ApiOperation({
    summary:
      'Problems in scope, newest first: the ones I raised; a market manager its center’s; inspectors all',
  })
  @ApiOkResponse({ type: PageOf(ProblemResponse) })
  list(@CurrentActor() actor: Actor, @Query() query: ProblemQuery) {
    return this.problems.list(actor, query);
  }

  @Get(':id')
  @Roles(...PROBLEM_READERS)
  @ApiOperation({ summary: 'A problem in scope' })
  @ApiOkResponse({ type: ProblemResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.problems.get(actor, id);
  }

  @Post(':id/answer')
  @Roles('market_manager', 'inspector')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer a problem of my center (inspectors: of the department)' })
  @ApiOkResponse({ type: ProblemResponse })
  answer(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() dto: AnswerProblemDto) {
    return this.problems.answer(actor, id, dto);
  }

  @Post(':id/close')
  @Roles(...THREE_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a problem I raised, once answered' })
  @ApiOkResponse({ type: ProblemResponse })
  close(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.problems.close(actor, id);
  }
}

@ApiTags('problems')
@Controller('problem-policy')
export class ProblemPolicyController {
  constructor(private readonly policies: ProblemPolicyService) {}

  @Get()
  @Roles(...PROBLEM_READERS)
  @ApiOperation({ summary: 'The department’s answer time for problems (hours)' })
  @ApiOkResponse({ type: ProblemPolicyResponse })
  get(@CurrentActor() actor: Actor, @Query() query: ProblemPolicyQuery) {
    return this.policies.get(actor, query.departmentId);
  }

  @Put()
  @Roles('admin', 'department_head')
  @ApiOperation({ summary: 'Set the answer time; problems keep the deadline they were raised with' })
  @ApiOkResponse({ type: ProblemPolicyResponse })
  put(@CurrentActor() actor: Actor, @Body() dto: ProblemPolicyDto) {
    return this.policies.put(actor, dto);
  }
}
