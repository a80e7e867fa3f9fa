import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiAttachmentUpload, AttachmentSummaryDto } from '#libs/attachments';
import { type Actor, CurrentActor, ErrorBody, Idempotent, PageOf, ParseIdPipe, Roles } from '#libs/shared';
import { FIELD_READERS } from '../field-scope.js';
import { FieldReportsService } from './field-reports.service.js';
import { VisitsService } from './visits.service.js';
import { VisitPhotos } from './visit-photos.js';
import { CheckVisitDto, RecordVisitDto, VisitQuery } from './dto/visit.dto.js';
import { CheckSampleQuery, DueSoonQuery, MonthQuery, OverdueQuery } from './dto/field-report.dto.js';
import {
  AttainmentReportResponse,
  CheckSampleResponse,
  DueSoonReportResponse,
  OverdueReportResponse,
  VisitCheckResultResponse,
  VisitResponse,
  VisitSummaryResponse,
} from './dto/visit.responses.js';

@ApiTags('field work')
@Controller('visits')
export class VisitsController {
  constructor(
    private readonly visits: VisitsService,
    private readonly reports: FieldReportsService,
    private readonly photos: VisitPhotos,
  ) {}

  @Post()
  @Roles('account_manager')
  @Idempotent()
  @ApiOperation({
    summary: 'Record a visit to a retailer of your territory (guidance, price/shelf checks, awareness)',
  })
  @ApiCreatedResponse({ type: VisitResponse })
  record(@CurrentActor() actor: Actor, @Body() dto: RecordVisitDto) {
    return this.visits.record(actor, dto);
  }

  @Get()
  @Roles(...FIELD_READERS)
  @ApiOperation({ summary: 'Visits in your scope' })
  @ApiOkResponse({ type: PageOf(VisitSummaryResponse) })
  list(@CurrentActor() actor: Actor, @Query() query: VisitQuery) {
    return this.visits.list(actor, query);
  }

  @Get('overdue')
  @Roles(...FIELD_READERS)
  @ApiOperation({ summary: 'Retailers past their visit cadence, with a summary per account manager' })
  @ApiOkResponse({ type: OverdueReportResponse })
  overdue(@CurrentActor() actor: Actor, @Query() query: OverdueQuery) {
    return this.reports.overdue(actor, query);
  }

  @Get('due-soon')
  @Roles(...FIELD_READERS)
  @ApiOperation({
    summary:
      'Retailers on schedule whose next visit comes due within the next days (default 7), soonest first',
  })
  @ApiOkResponse({ type: DueSoonReportResponse })
  dueSoon(@CurrentActor() actor: Actor, @Query() query: DueSoonQuery) {
    return this.reports.dueSoon(actor, query);
  }

  @Get('attainment')
  @Roles(...FIELD_READERS)
  @ApiOperation({ summary: 'Visits and calls of each account manager against its targets in a month' })
  @ApiOkResponse({ type: AttainmentReportResponse })
  attainment(@CurrentActor() actor: Actor, @Query() query: MonthQuery) {
    return this.reports.attainment(actor, query);
  }

  @Get('check-sample')
  @Roles('admin', 'department_head', 'inspector', 'market_manager')
  @ApiOperation({
    summary:
      'The guidance visits of each account manager drawn for the market managers’ check (size: department ' +
      'policy): reproducible, provisional until the month’s recording window closes, then frozen',
  })
  @ApiOkResponse({ type: CheckSampleResponse })
  checkSample(@CurrentActor() actor: Actor, @Query() query: CheckSampleQuery) {
    return this.reports.checkSample(actor, query);
  }

  @Get(':id')
  @Roles(...FIELD_READERS)
  @ApiOperation({ summary: 'One visit with its checks' })
  @ApiOkResponse({ type: VisitResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.visits.get(actor, id);
  }

  @Post(':id/check')
  @Roles('market_manager')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Check a guidance visit of your center in the field: effective or not (once per visit)',
  })
  @ApiCreatedResponse({ type: VisitCheckResultResponse })
  check(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() dto: CheckVisitDto) {
    return this.visits.check(actor, id, dto);
  }

  @Post(':id/photo')
  @Roles('account_manager')
  @ApiOperation({
    summary:
      'Add the shelf photo to your visit (multipart field "file": JPEG, PNG or WebP by content, ≤ 8 MB; ' +
      're-encoded without metadata; once per visit)',
  })
  @ApiAttachmentUpload()
  @ApiCreatedResponse({ type: AttachmentSummaryDto })
  @ApiConflictResponse({ type: ErrorBody, description: 'VISIT_PHOTO_ALREADY_ADDED' })
  addPhoto(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Req() request: FastifyRequest,
  ) {
    return this.photos.add(actor, id, request);
  }
}
