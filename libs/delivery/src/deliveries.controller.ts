import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiAttachmentUpload } from '#libs/attachments';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Idempotent, PageOf, ParseIdPipe, type Role, Roles } from '#libs/shared';
import { FEEDBACK_RAISER_ROLES } from './domain/index.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveryFeedbackService } from './delivery-feedback.service.js';
import { DeliveryPlanningService } from './delivery-planning.service.js';
import { PunctualityService } from './punctuality.service.js';
import {
  AnswerFeedbackDto,
  CompleteDeliveryDto,
  DeliveryQuery,
  DeliveryRunQuery,
  DoorCodeView,
  FailDeliveryDto,
  FeedbackQuery,
  PlanDeliveriesDto,
  PunctualityQuery,
  RaiseFeedbackDto,
} from './dto/delivery.dto.js';
import {
  DeliveryDetailResponse,
  DeliveryResponse,
  DeliveryRunResponse,
  DriverRunResponse,
  FeedbackResponse,
  PlanningResponse,
  PunctualityResponse,
  RetailerTodayResponse,
  SignedDeliveryResponse,
} from './dto/delivery.responses.js';

/** The delivery side and those who supervise it. */
const DELIVERY_SUPERVISORS: Role[] = [
  'admin',
  'department_head',
  'inspector',
  'market_manager',
  'supply_clerk',
];

@ApiTags('deliveries')
@Controller('deliveries')
export class DeliveriesController {
  constructor(
    private readonly deliveries: DeliveriesService,
    private readonly feedback: DeliveryFeedbackService,
    private readonly punctuality: PunctualityService,
  ) {}

  @Get()
  @Roles(...DELIVERY_SUPERVISORS, 'account_manager', 'delivery_staff', 'retailer')
  @ApiOperation({ summary: 'Delivery stops in scope (delivery staff: their route; a retailer: its own)' })
  @ApiOkResponse({ type: PageOf(DeliveryResponse) })
  list(@CurrentActor() actor: Actor, @Query() query: DeliveryQuery) {
    return this.deliveries.list(actor, query);
  }

  @Get('punctuality')
  @Roles(...DELIVERY_SUPERVISORS, 'delivery_staff')
  @ApiOperation({
    summary: '送货及时率 per delivery staff for a month: within window ÷ deliveries; proxy receipts counted',
  })
  @ApiOkResponse({ type: PunctualityResponse })
  punctualityOf(@CurrentActor() actor: Actor, @Query() query: PunctualityQuery) {
    return this.punctuality.punctuality(actor, query.month);
  }

  @Get('today')
  @Roles('retailer')
  @ApiOperation({
    summary:
      'The retailer’s stops of today (the server’s date), each with its door code 到户确认码 for the driver',
  })
  @ApiOkResponse({ type: RetailerTodayResponse })
  retailerToday(@CurrentActor() actor: Actor) {
    return this.deliveries.retailerToday(actor);
  }

  @Get(':id/door-code')
  @Roles('retailer')
  @ApiOperation({
    summary:
      '到户确认码: the retailer’s one-time code for its stop, on the delivery date, to give the driver',
  })
  @ApiOkResponse({ type: DoorCodeView })
  doorCode(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.deliveries.doorCode(actor, id);
  }

  @Get(':id')
  @Roles(...DELIVERY_SUPERVISORS, 'account_manager', 'delivery_staff', 'retailer')
  @ApiOperation({ summary: 'One delivery stop' })
  @ApiOkResponse({ type: DeliveryDetailResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.deliveries.get(actor, id);
  }

  @Post(':id/complete')
  @Roles('delivery_staff')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Complete a stop: receiver, the typed arrival (a statement) and optionally the retailer’s door code; ' +
      'a proxy receipt 代接货 needs the receiver’s name and a reason',
  })
  @ApiOkResponse({ type: DeliveryResponse })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: CompleteDeliveryDto,
  ) {
    return this.deliveries.complete(actor, id, dto);
  }

  @Post(':id/fail')
  @Roles('delivery_staff')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({ summary: 'Nobody to hand the goods to: the stop fails (instead of a proxy receipt)' })
  @ApiOkResponse({ type: DeliveryResponse })
  fail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() dto: FailDeliveryDto) {
    return this.deliveries.fail(actor, id, dto);
  }

  @Post(':id/signature')
  @Roles('delivery_staff')
  @HttpCode(200)
  // A signature queued offline is sent after its completion; a retry whose first answer was lost replays it.
  @Idempotent()
  @ApiOperation({
    summary:
      'The retailer signs for the goods on the driver’s phone, after the completion (multipart field "file": ' +
      'the drawing as PNG, ≤ 512 KB): evidence of receipt, never of time',
  })
  @ApiAttachmentUpload()
  @ApiOkResponse({ type: SignedDeliveryResponse })
  sign(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Req() request: FastifyRequest) {
    return this.deliveries.sign(actor, id, request);
  }

  @Post(':id/confirm')
  @Roles('retailer')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '到户确认: the retailer confirms receipt on its phone, on the delivery date; before the driver completes ' +
      'the stop its server time is the stop’s recorded time; confirming again changes nothing',
  })
  @ApiOkResponse({ type: DeliveryResponse })
  confirm(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.deliveries.confirm(actor, id);
  }

  @Post(':id/feedback')
  @Roles(...FEEDBACK_RAISER_ROLES)
  @Idempotent()
  @ApiOperation({
    summary:
      'Raise a delivery problem (late, wrong goods, short, damaged, refused): the account manager, the ' +
      'route’s driver at the door, or the retailer; the account manager and the supply point see it',
  })
  @ApiCreatedResponse({ type: FeedbackResponse })
  raise(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() dto: RaiseFeedbackDto) {
    return this.feedback.raise(actor, id, dto);
  }
}

@ApiTags('deliveries')
@Controller('delivery-runs')
export class DeliveryRunsController {
  constructor(
    private readonly deliveries: DeliveriesService,
    private readonly planning: DeliveryPlanningService,
  ) {}

  @Get()
  @Roles(...DELIVERY_SUPERVISORS, 'delivery_staff')
  @ApiOperation({ summary: 'The runs of a date per route, with their stops by status' })
  @ApiOkResponse({ type: [DeliveryRunResponse] })
  list(@CurrentActor() actor: Actor, @Query() query: DeliveryRunQuery) {
    return this.deliveries.runs(actor, query);
  }

  @Get('today')
  @Roles('delivery_staff')
  @ApiOperation({
    summary:
      'The driver’s run of today (the server’s date): its route’s stops in route order, with the retailer’s ' +
      'phone and address',
  })
  @ApiOkResponse({ type: DriverRunResponse })
  today(@CurrentActor() actor: Actor) {
    return this.deliveries.driverToday(actor);
  }

  @Post('plan')
  @Roles('admin', 'supply_clerk')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Plan the deliveries of an order date’s unified order now (the schedule does it every half hour; idempotent)',
  })
  @ApiOkResponse({ type: PlanningResponse })
  plan(@CurrentActor() actor: Actor, @Body() dto: PlanDeliveriesDto) {
    return this.planning.planNow(actor, dto.orderDate);
  }
}

@ApiTags('deliveries')
@Controller('delivery-feedback')
export class DeliveryFeedbackController {
  constructor(private readonly feedback: DeliveryFeedbackService) {}

  @Get()
  @Roles(...DELIVERY_SUPERVISORS, 'account_manager', 'delivery_staff', 'retailer')
  @ApiOperation({
    summary:
      'Feedback on deliveries in scope (a retailer: its own); `open=true` lists the items not closed, oldest first',
  })
  @ApiOkResponse({ type: PageOf(FeedbackResponse) })
  list(@CurrentActor() actor: Actor, @Query() query: FeedbackQuery) {
    return this.feedback.list(actor, query);
  }

  @Post(':id/answer')
  @Roles('delivery_staff', 'supply_clerk')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer feedback on a delivery' })
  @ApiOkResponse({ type: FeedbackResponse })
  answer(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() dto: AnswerFeedbackDto) {
    return this.feedback.answer(actor, id, dto);
  }

  @Post(':id/close')
  @Roles(...FEEDBACK_RAISER_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: 'Whoever raised it closes it: settled, or withdrawn before an answer' })
  @ApiOkResponse({ type: FeedbackResponse })
  close(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.feedback.close(actor, id);
  }
}
