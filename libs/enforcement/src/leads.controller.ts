import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiAttachmentUpload, AttachmentSummaryDto } from '#libs/attachments';
import { type Actor, CurrentActor, ErrorBody, Idempotent, PageOf, ParseIdPipe, Roles } from '#libs/shared';
import { LeadsService } from './leads.service.js';
import { LeadWorkflowService } from './lead-workflow.service.js';
import { LeadRatesService } from './lead-rates.service.js';
import { LeadPolicyService } from './lead-policy.service.js';
import { LeadPhotos } from './lead-photos.js';
import {
  AssignLeadDto,
  CreateLeadDto,
  LeadFromAnomalyDto,
  LeadInspectionDto,
  LeadPolicyDto,
  LeadPolicyQuery,
  LeadQuery,
  LeadRatesQuery,
  VerifyLeadDto,
} from './dto/lead.dto.js';
import {
  LeadDetailResponse,
  LeadPolicyResponse,
  LeadResponse,
  ReporterLeadRatesResponse,
  SquadLeadRatesResponse,
} from './dto/lead.responses.js';

/** Everyone who may read leads: reporters (their own), squads, inspectors and managers. */
const LEAD_READERS = [
  'admin',
  'department_head',
  'inspector',
  'market_manager',
  'enforcement_officer',
  'account_manager',
  'delivery_staff',
] as const;

@ApiTags('leads')
@Controller('leads')
export class LeadsController {
  constructor(
    private readonly leads: LeadsService,
    private readonly workflow: LeadWorkflowService,
    private readonly rates: LeadRatesService,
    private readonly photos: LeadPhotos,
  ) {}

  @Post()
  @Roles('account_manager', 'delivery_staff')
  @Idempotent()
  @ApiOperation({ summary: 'Report a lead 线索; it goes to the squad covering the territory' })
  @ApiCreatedResponse({ type: LeadResponse })
  report(@CurrentActor() actor: Actor, @Body() dto: CreateLeadDto) {
    return this.leads.report(actor, dto);
  }

  @Post('from-anomaly')
  @Roles('department_head', 'inspector', 'market_manager', 'enforcement_officer')
  @Idempotent()
  @ApiOperation({
    summary: 'Turn an ordering anomaly warning into an abnormal-purchase lead (once per warning)',
  })
  @ApiCreatedResponse({ type: LeadResponse })
  fromAnomaly(@CurrentActor() actor: Actor, @Body() dto: LeadFromAnomalyDto) {
    return this.leads.fromAnomaly(actor, dto);
  }

  @Get()
  @Roles(...LEAD_READERS)
  @ApiOperation({
    summary:
      'Leads in scope: an officer its squad’s, a reporter its own, managers their center or department',
  })
  @ApiOkResponse({ type: PageOf(LeadResponse) })
  list(@CurrentActor() actor: Actor, @Query() query: LeadQuery) {
    return this.leads.list(actor, query);
  }

  @Get('rates/squads')
  @Roles('admin', 'department_head', 'inspector', 'market_manager', 'enforcement_officer')
  @ApiOperation({ summary: 'Per squad for a month: 查实率 (with a result ÷ received) and on-time rate' })
  @ApiOkResponse({ type: SquadLeadRatesResponse })
  squadRates(@CurrentActor() actor: Actor, @Query() query: LeadRatesQuery) {
    return this.rates.squadRates(actor, query.month, query.asOf);
  }

  @Get('rates/reporters')
  @Roles(...LEAD_READERS)
  @ApiOperation({ summary: 'Per reporter for a month: 线索真实性 (属实 ÷ with a result)' })
  @ApiOkResponse({ type: ReporterLeadRatesResponse })
  reporterRates(@CurrentActor() actor: Actor, @Query() query: LeadRatesQuery) {
    return this.rates.reporterRates(actor, query.month, query.asOf);
  }

  @Get(':id')
  @Roles(...LEAD_READERS)
  @ApiOperation({ summary: 'A lead with its history; the reporter sees the result here' })
  @ApiOkResponse({ type: LeadDetailResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.leads.get(actor, id);
  }

  @Post(':id/assign')
  @Roles('enforcement_officer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take the lead, or give it to another officer of the squad' })
  @ApiOkResponse({ type: LeadResponse })
  assign(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() dto: AssignLeadDto) {
    return this.workflow.assign(actor, id, dto);
  }

  @Post(':id/start')
  @Roles('enforcement_officer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start checking the lead in the field' })
  @ApiOkResponse({ type: LeadResponse })
  start(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.workflow.startVerification(actor, id);
  }

  @Post(':id/verify')
  @Roles('enforcement_officer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the result 属实 / 不实 / 无法查实 (officers of the lead’s squad)' })
  @ApiOkResponse({ type: LeadResponse })
  verify(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() dto: VerifyLeadDto) {
    return this.workflow.verify(actor, id, dto);
  }

  @Post(':id/photos')
  @Roles('enforcement_officer')
  @ApiOperation({
    summary:
      'Add a photo to the result you recorded (multipart field "file": JPEG, PNG or WebP by content, ≤ 8 MB; ' +
      're-encoded without metadata; up to 3 per lead)',
  })
  @ApiAttachmentUpload()
  @ApiCreatedResponse({ type: AttachmentSummaryDto })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'LEAD_NOT_VERIFIER' })
  @ApiConflictResponse({ type: ErrorBody, description: 'LEAD_RESULT_MISSING, LEAD_RESULT_PHOTOS_FULL' })
  addPhoto(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Req() request: FastifyRequest,
  ) {
    return this.photos.add(actor, id, request);
  }

  @Post(':id/inspection')
  @Roles('inspector')
  @HttpCode(200)
  @ApiOperation({ summary: '督察组: comment; on an escalated lead, require action by a new due time' })
  @ApiOkResponse({ type: LeadResponse })
  inspect(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: LeadInspectionDto,
  ) {
    return this.workflow.inspect(actor, id, dto);
  }

  @Post(':id/close')
  @Roles(...LEAD_READERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'The reporter, informed of the result, closes the lead' })
  @ApiOkResponse({ type: LeadResponse })
  close(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.workflow.close(actor, id);
  }
}

@ApiTags('leads')
@Controller('lead-policy')
export class LeadPolicyController {
  constructor(private readonly policies: LeadPolicyService) {}

  @Get()
  @Roles(
    'admin',
    'department_head',
    'inspector',
    'market_manager',
    'enforcement_officer',
    'account_manager',
    'delivery_staff',
  )
  @ApiOperation({ summary: 'The department’s lead deadlines (days by importance)' })
  @ApiOkResponse({ type: LeadPolicyResponse })
  get(@CurrentActor() actor: Actor, @Query() query: LeadPolicyQuery) {
    return this.policies.get(actor, query.departmentId);
  }

  @Put()
  @Roles('admin', 'department_head')
  @ApiOperation({ summary: 'Set the lead deadlines; leads keep the deadline they were reported with' })
  @ApiOkResponse({ type: LeadPolicyResponse })
  put(@CurrentActor() actor: Actor, @Body() dto: LeadPolicyDto) {
    return this.policies.put(actor, dto);
  }
}
