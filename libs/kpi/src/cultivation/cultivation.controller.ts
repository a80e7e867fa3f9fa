import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, ParseIdPipe, Roles } from '#libs/shared';
import { KPI_READERS } from '../kpi.controller.js';
import { CultivationService } from './cultivation.service.js';
import { CultivationTasksService } from './cultivation-tasks.service.js';
import {
  CultivationTaskQuery,
  GenerateCultivationTasksDto,
  KeyBrandCultivationQuery,
  NewSpecAnalysisQuery,
  SubmitCultivationTaskDto,
} from './dto/cultivation.dto.js';
import {
  CultivationTaskPageResponse,
  CultivationTaskResponse,
  KeyBrandCultivationResponse,
  NewSpecAnalysisResponse,
  TasksCreatedResponse,
} from './dto/cultivation.responses.js';

@ApiTags('brand cultivation')
@Controller('cultivation')
export class CultivationController {
  constructor(
    private readonly cultivation: CultivationService,
    private readonly tasks: CultivationTasksService,
  ) {}

  @Get('key-brands')
  @Roles(...KPI_READERS)
  @ApiOperation({
    summary:
      'The key brands’ month per territory: cartons, ordering retailers, shelf rate, share of the territory’s ' +
      'volume, change on last month and last year, and the share of volume in the focus price tiers',
  })
  @ApiOkResponse({ type: KeyBrandCultivationResponse })
  keyBrands(@CurrentActor() actor: Actor, @Query() query: KeyBrandCultivationQuery) {
    return this.cultivation.keyBrands(actor, query);
  }

  @Get('new-brands/:brandId/analysis')
  @Roles(...KPI_READERS)
  @ApiOperation({
    summary:
      'A new spec’s first 30 days per territory: weekly sales, retailers ordering, repeat-order rate, reach ' +
      '(complete once the 30 days are over)',
  })
  @ApiOkResponse({ type: NewSpecAnalysisResponse })
  analysis(
    @CurrentActor() actor: Actor,
    @Param('brandId', ParseIdPipe) brandId: number,
    @Query() query: NewSpecAnalysisQuery,
  ) {
    return this.cultivation.newSpecAnalysis(actor, brandId, query);
  }

  @Get('tasks')
  @Roles(...KPI_READERS)
  @ApiOperation({
    summary:
      'New-spec analysis tasks in your scope (?status=open|overdue|submitted), with open/overdue counts',
  })
  @ApiOkResponse({ type: CultivationTaskPageResponse })
  list(@CurrentActor() actor: Actor, @Query() query: CultivationTaskQuery) {
    return this.tasks.list(actor, query);
  }

  @Get('tasks/:id')
  @Roles(...KPI_READERS)
  @ApiOperation({ summary: 'One task with its submitted analysis' })
  @ApiOkResponse({ type: CultivationTaskResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.tasks.get(actor, id);
  }

  @Post('tasks/:id/submit')
  @HttpCode(200)
  @Roles('account_manager')
  @ApiOperation({
    summary:
      'Submit your territory’s written analysis (sales trend, consumer opinion, ordering), once; audited',
  })
  @ApiOkResponse({ type: CultivationTaskResponse })
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: SubmitCultivationTaskDto,
  ) {
    return this.tasks.submit(actor, id, dto);
  }

  @Post('tasks/generate')
  @HttpCode(200)
  @Roles('admin', 'department_head')
  @ApiOperation({
    summary:
      'Make the analysis tasks now (a spec given a launch date after the fact); the daily job does this on its own',
  })
  @ApiOkResponse({ type: TasksCreatedResponse })
  generate(@CurrentActor() actor: Actor, @Body() dto: GenerateCultivationTasksDto) {
    return this.tasks.generateNow(actor, dto.brandId);
  }
}
