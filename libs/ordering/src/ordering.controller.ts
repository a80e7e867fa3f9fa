import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAttachmentUpload } from '#libs/attachments';
import type { FastifyRequest } from 'fastify';
import {
  type Actor,
  CurrentActor,
  Idempotent,
  PageOf,
  PageQuery,
  ParseIdPipe,
  ROLES,
  Roles,
  STAFF_ROLES,
} from '#libs/shared';
import { ApprovalInboxService } from './approval-inbox.service.js';
import { CycleBoardService } from './cycle-board.service.js';
import { CycleBoard, CycleBoardQuery, WaitingRetailer } from './dto/cycle-board.dto.js';
import { CycleCloseService } from './cycle-close.service.js';
import { DemandsService } from './demands.service.js';
import { OrderCyclesService } from './order-cycles.service.js';
import { OrderingReportsService } from './ordering-reports.service.js';
import { NoDemandService } from './no-demand.service.js';
import {
  ApproveDemandDto,
  CreateCycleDto,
  CreateDemandDto,
  AnomalyQuery,
  CycleIdQuery,
  CycleQuery,
  DemandLinesDto,
  DemandQuery,
  InspectionQuery,
  OrderScheduleDto,
  RecordNoDemandDto,
  RejectDemandDto,
  SupplyOrderQuery,
  SupplyRatiosDto,
  UpdateCycleDto,
} from './dto/ordering.dto.js';
import {
  ApprovalInboxPage,
  ApproveDemandsDto,
  DemandDecisionsResponse,
  RejectDemandsDto,
} from './dto/approvals.dto.js';
import {
  ConfirmationCodeResponse,
  ConsolidationResponse,
  CutoffResponse,
  DemandOutcomeResponse,
  RetailerOrderWeeksResponse,
  DemandResponse,
  NoDemandResponse,
  OrderAnomalyResponse,
  OrderCycleResponse,
  OrderScheduleResponse,
  ProhibitionsResponse,
  RationingResponse,
  SupplyOrderResponse,
  SupplyRatioResponse,
} from './dto/ordering.responses.js';

@ApiTags('demands')
@Controller('demands')
export class DemandsController {
  constructor(
    private readonly demands: DemandsService,
    private readonly inbox: ApprovalInboxService,
    private readonly reports: OrderingReportsService,
  ) {}

  @Post()
  @Roles('retailer', 'supply_clerk', 'account_manager')
  @Idempotent()
  @ApiOperation({
    summary:
      'Submit demand for the retailer’s open cycle: its own (self) or collected by its account manager',
  })
  @ApiCreatedResponse({ type: DemandResponse })
  submit(@CurrentActor() actor: Actor, @Body() dto: CreateDemandDto, @Req() request: FastifyRequest) {
    return this.demands.submit(actor, dto, request.ip);
  }

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Demands in the caller’s scope (a retailer: its own)' })
  @ApiOkResponse({ type: PageOf(DemandResponse) })
  list(@CurrentActor() actor: Actor, @Query() query: DemandQuery) {
    return this.demands.list(actor, query);
  }

  @Post('confirmation-codes')
  @Roles('retailer')
  @ApiOperation({
    summary: 'A one-time code the retailer gives its account manager to confirm collected demand',
  })
  @ApiCreatedResponse({ type: ConfirmationCodeResponse })
  issueCode(@CurrentActor() actor: Actor, @Req() request: FastifyRequest) {
    return this.demands.issueConfirmationCode(actor, request.ip);
  }

  @Get('approval-inbox')
  @Roles('market_manager')
  @ApiOperation({
    summary:
      'Collected demand of the center awaiting approval, oldest first, with order weeks, quota and visit',
  })
  @ApiOkResponse({ type: ApprovalInboxPage })
  approvalInbox(@CurrentActor() actor: Actor, @Query() query: PageQuery) {
    return this.inbox.page(actor, query);
  }

  @Post('approvals')
  @Roles('market_manager')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve many collected demands in one request: one result each, a refused one says why',
  })
  @ApiOkResponse({ type: DemandDecisionsResponse })
  approveMany(@CurrentActor() actor: Actor, @Body() dto: ApproveDemandsDto) {
    return this.demands.decideMany(actor, dto.demandIds, 'approve', { comment: dto.comment });
  }

  @Post('rejections')
  @Roles('market_manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject many collected demands with one reason: one result each' })
  @ApiOkResponse({ type: DemandDecisionsResponse })
  rejectMany(@CurrentActor() actor: Actor, @Body() dto: RejectDemandsDto) {
    return this.demands.decideMany(actor, dto.demandIds, 'reject', { reason: dto.reason });
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'One demand with its lines' })
  @ApiOkResponse({ type: DemandResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.demands.get(actor, id);
  }

  @Get(':id/outcome')
  @Roles(...ROLES)
  @ApiOperation({
    summary:
      'What the unified order made of a demand: per spec asked, 稍紧平衡 ratio and allotted (a retailer: its own)',
  })
  @ApiOkResponse({ type: DemandOutcomeResponse })
  outcome(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.reports.demandOutcome(actor, id);
  }

  @Patch(':id')
  @Roles('retailer', 'supply_clerk', 'account_manager')
  @ApiOperation({ summary: 'Replace the lines before the cutoff (never another’s own demand)' })
  @ApiOkResponse({ type: DemandResponse })
  amend(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() dto: DemandLinesDto) {
    return this.demands.amend(actor, id, dto.lines);
  }

  @Post(':id/cancel')
  @Roles('retailer', 'supply_clerk', 'account_manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a demand before the cutoff' })
  @ApiOkResponse({ type: DemandResponse })
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.demands.cancel(actor, id);
  }

  @Post(':id/confirm')
  @Roles('retailer')
  @HttpCode(200)
  @ApiOperation({ summary: 'The retailer confirms demand its account manager collected for it' })
  @ApiOkResponse({ type: DemandResponse })
  confirm(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Req() request: FastifyRequest,
  ) {
    return this.demands.confirm(actor, id, request.ip);
  }

  @Post(':id/signature')
  @Roles('account_manager')
  @HttpCode(200)
  // A signature queued offline is sent after its demand; a retry whose first answer was lost replays it.
  @Idempotent()
  @ApiOperation({
    summary:
      'The retailer confirms collected demand by signing on the account manager’s screen (multipart field ' +
      '"file": the drawing as PNG, ≤ 512 KB; kept with the demand, seen by whoever may read it)',
  })
  @ApiAttachmentUpload()
  @ApiOkResponse({ type: DemandResponse })
  confirmBySignature(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Req() request: FastifyRequest,
  ) {
    return this.demands.confirmBySignature(actor, id, request);
  }

  @Post(':id/approve')
  @Roles('market_manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign the approval of confirmed collected demand (who and when are recorded)' })
  @ApiOkResponse({ type: DemandResponse })
  approve(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() dto: ApproveDemandDto) {
    return this.demands.approve(actor, id, dto.comment);
  }

  @Post(':id/reject')
  @Roles('market_manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject confirmed collected demand, with a reason' })
  @ApiOkResponse({ type: DemandResponse })
  reject(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() dto: RejectDemandDto) {
    return this.demands.reject(actor, id, dto.reason);
  }
}

@ApiTags('order cycles')
@Controller()
export class OrderCyclesController {
  constructor(
    private readonly cycles: OrderCyclesService,
    private readonly close: CycleCloseService,
    private readonly reports: OrderingReportsService,
    private readonly board: CycleBoardService,
    private readonly noDemandRecords: NoDemandService,
  ) {}

  @Get('retailers/:id/order-weeks')
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'A retailer’s last 12 order weeks: asked and ordered per spec (a retailer: its own)',
  })
  @ApiOkResponse({ type: RetailerOrderWeeksResponse })
  retailerOrderWeeks(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.reports.retailerOrderWeeks(actor, id);
  }

  @Get('order-cycles/board')
  @Roles('admin', 'department_head', 'inspector', 'market_manager')
  @ApiOperation({
    summary:
      'The week’s cycles in your scope: window, and per territory who submitted, was collected for, said no demand or nothing yet',
  })
  @ApiOkResponse({ type: CycleBoard })
  cycleBoard(@CurrentActor() actor: Actor, @Query() query: CycleBoardQuery) {
    return this.board.board(actor, query.date);
  }

  @Get('order-cycles/:id/waiting-retailers')
  @Roles('admin', 'department_head', 'inspector', 'market_manager')
  @ApiOperation({
    summary:
      'The cycle’s active retailers with no demand and no no-demand record yet: who still needs a call',
  })
  @ApiOkResponse({ type: [WaitingRetailer] })
  waitingRetailers(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.board.waiting(actor, id);
  }

  @Get('order-cycles')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Order cycles in the caller’s scope' })
  @ApiOkResponse({ type: PageOf(OrderCycleResponse) })
  list(@CurrentActor() actor: Actor, @Query() query: CycleQuery) {
    return this.cycles.list(actor, query);
  }

  @Get('order-cycles/:id')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'One order cycle' })
  @ApiOkResponse({ type: OrderCycleResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.cycles.get(actor, id);
  }

  @Post('order-cycles')
  @Roles('admin')
  @Idempotent()
  @ApiOperation({ summary: 'Add a cycle by hand (holidays); cycles are otherwise generated weeks ahead' })
  @ApiCreatedResponse({ type: OrderCycleResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCycleDto) {
    return this.cycles.create(actor, dto);
  }

  @Patch('order-cycles/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Move or cancel a cycle that has not opened' })
  @ApiOkResponse({ type: OrderCycleResponse })
  update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateCycleDto) {
    return this.cycles.update(actor, id, dto);
  }

  @Post('order-cycles/:id/cutoff')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cut the cycle off now: unapproved collected demand expires, no-demand records are made',
  })
  @ApiOkResponse({ type: CutoffResponse })
  cutoff(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.close.cutoffNow(actor, id);
  }

  @Post('order-cycles/:id/consolidate')
  @Roles('admin', 'supply_clerk')
  @HttpCode(200)
  @ApiOperation({ summary: 'Consolidate a cut-off cycle into supply orders and order lines (idempotent)' })
  @ApiOkResponse({ type: ConsolidationResponse })
  consolidate(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.close.consolidateNow(actor, id);
  }

  @Get('order-schedules')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Each territory’s weekly order day and window times' })
  @ApiOkResponse({ type: [OrderScheduleResponse] })
  schedules(@CurrentActor() actor: Actor) {
    return this.cycles.schedules(actor);
  }

  @Put('order-schedules/:territoryId')
  @Roles('admin', 'department_head')
  @ApiOperation({
    summary: 'Set a territory’s weekly order day and window times (a department head: its own territories)',
  })
  @ApiOkResponse({ type: OrderScheduleResponse })
  putSchedule(
    @CurrentActor() actor: Actor,
    @Param('territoryId', ParseIdPipe) territoryId: number,
    @Body() dto: OrderScheduleDto,
  ) {
    return this.cycles.putSchedule(actor, territoryId, dto);
  }

  @Get('no-demand')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Retailers with an explicit no-demand record 无需求 in a cycle' })
  @ApiOkResponse({ type: PageOf(NoDemandResponse) })
  noDemand(@CurrentActor() actor: Actor, @Query() query: CycleIdQuery) {
    return this.reports.noDemand(actor, query);
  }

  @Post('no-demand')
  @Roles('account_manager')
  @ApiOperation({
    summary:
      'Record 无需求 for a retailer of your territory in its open cycle (it may still order until the cutoff)',
  })
  @ApiCreatedResponse({ type: NoDemandResponse })
  recordNoDemand(@CurrentActor() actor: Actor, @Body() dto: RecordNoDemandDto) {
    return this.noDemandRecords.record(actor, dto.retailerId);
  }

  @Get('supply-orders')
  @Roles('admin', 'department_head', 'inspector', 'market_manager', 'supply_clerk')
  @ApiOperation({ summary: 'The unified orders of a date per supply point and spec' })
  @ApiOkResponse({ type: [SupplyOrderResponse] })
  supplyOrders(@CurrentActor() actor: Actor, @Query() query: SupplyOrderQuery) {
    return this.reports.supplyOrders(actor, query);
  }

  @Get('supply-orders/rationing')
  @Roles('admin', 'department_head', 'inspector', 'market_manager', 'supply_clerk')
  @ApiOperation({
    summary:
      '稍紧平衡 explained: per class IV/V spec of a date’s unified orders, each retailer’s asked and allotted cartons and the remainder that decided',
  })
  @ApiOkResponse({ type: [RationingResponse] })
  rationing(@CurrentActor() actor: Actor, @Query() query: SupplyOrderQuery) {
    return this.reports.rationing(actor, query);
  }

  @Get('supply-ratios')
  @Roles('department_head', 'market_manager', 'supply_clerk', 'account_manager', 'retailer')
  @ApiOperation({ summary: '稍紧平衡 ratios: the share of class IV/V demand supplied (basis points)' })
  @ApiOkResponse({ type: [SupplyRatioResponse] })
  supplyRatios(@CurrentActor() actor: Actor) {
    return this.reports.supplyRatios(actor);
  }

  @Put('supply-ratios')
  @Roles('department_head')
  @ApiOperation({ summary: '稍紧平衡: the share of class IV/V demand supplied (basis points)' })
  @ApiOkResponse({ type: [SupplyRatioResponse] })
  putSupplyRatios(@CurrentActor() actor: Actor, @Body() dto: SupplyRatiosDto) {
    return this.reports.putSupplyRatios(actor, dto);
  }

  @Get('anomalies')
  @Roles('admin', 'department_head', 'inspector', 'market_manager', 'enforcement_officer')
  @ApiOperation({
    summary:
      'Specs ordered above 2.2× the retailer’s average of the previous three cycles: of one cycle, or of every cycle in scope ordered in a range of dates',
  })
  @ApiOkResponse({ type: [OrderAnomalyResponse] })
  anomalies(@CurrentActor() actor: Actor, @Query() query: AnomalyQuery) {
    return this.reports.anomalies(actor, query);
  }

  @Get('inspections/prohibitions')
  @Roles('admin', 'department_head', 'inspector')
  @ApiOperation({
    summary: '六不准 patterns: collected-demand share, identical demand groups, self-confirmed demand',
  })
  @ApiOkResponse({ type: ProhibitionsResponse })
  prohibitions(@CurrentActor() actor: Actor, @Query() query: InspectionQuery) {
    return this.reports.prohibitions(actor, query);
  }
}
