import { ApiProperty } from '@nestjs/swagger';
import type {
  DriverRunView,
  RetailerTodayView,
  SignedDeliveryView,
  StopRetailerView,
} from '../deliveries.service.js';
import type { DeliveryView } from '../delivery-access.js';
import type { FeedbackView } from '../delivery-feedback.service.js';
import type { PlanningSummary } from '../delivery-planning.service.js';
import type { DeliveryFeedback } from '../delivery.entity.js';
import { DoorCodeView } from './delivery.dto.js';
import {
  type ArrivalTiming,
  DELIVERY_STATES,
  type DeliveryRate,
  type DeliveryState,
  FEEDBACK_KINDS,
  FEEDBACK_RAISER_ROLES,
  FEEDBACK_STATES,
  type FeedbackKind,
  type FeedbackRaiserRole,
  type FeedbackState,
  RECEIVER_KINDS,
  type ReceiverKind,
  TIME_SOURCES,
  type TimeSource,
} from '../domain/index.js';

// What the delivery routes answer, for the OpenAPI document (each class implements the type the service returns
// where there is one, so the compiler keeps the two together).

const DAY = { type: String, format: 'date', example: '2026-12-15' } as const;
const INSTANT = { type: String, format: 'date-time' } as const;
const MAYBE_INSTANT = { ...INSTANT, nullable: true } as const;

class DeliveryLine {
  @ApiProperty() brandId: number;
  @ApiProperty({ description: 'Cartons 条' }) cartons: number;
}

export class DeliveryResponse implements DeliveryView {
  @ApiProperty() id: number;
  @ApiProperty() runId: number;
  @ApiProperty() routeId: number;
  @ApiProperty(DAY) deliveryDate: string;
  @ApiProperty({ description: 'Place of the stop on its run' }) position: number;
  @ApiProperty() retailerId: number;
  @ApiProperty() territoryId: number;
  @ApiProperty() serviceCenterId: number;
  @ApiProperty() supplyPointId: number;
  @ApiProperty(DAY) orderDate: string;
  @ApiProperty() attempt: number;
  @ApiProperty() cartons: number;
  @ApiProperty({ type: [DeliveryLine] }) lines: DeliveryLine[];
  @ApiProperty(INSTANT) windowStart: Date;
  @ApiProperty(INSTANT) windowEnd: Date;
  @ApiProperty({ enum: DELIVERY_STATES }) status: DeliveryState;
  @ApiProperty({ example: '已送达' }) statusLabel: string;
  @ApiProperty({ ...MAYBE_INSTANT, description: 'The arrival the driver typed: a statement' })
  arrivedAt: Date | null;
  @ApiProperty({
    ...MAYBE_INSTANT,
    description:
      'What punctuality is judged by: the server’s completion time, the retailer’s own confirmation before ' +
      'it, or the door code’s',
  })
  recordedAt: Date | null;
  @ApiProperty({ enum: TIME_SOURCES, nullable: true }) timeSource: TimeSource | null;
  @ApiProperty({ type: String, nullable: true }) timeSourceLabel: string | null;
  @ApiProperty({ ...MAYBE_INSTANT, description: 'The phone’s time the retailer’s door code was entered' })
  doorCodeAt: Date | null;
  @ApiProperty({
    enum: ['early', 'onTime', 'late'],
    nullable: true,
    description: 'The recorded time against the window; null until delivered',
  })
  timing: ArrivalTiming | null;
  @ApiProperty({
    description: '补录: the typed arrival is further from the recorded time than the tolerance',
  })
  lateEntry: boolean;
  @ApiProperty({ enum: RECEIVER_KINDS, nullable: true }) receiver: ReceiverKind | null;
  @ApiProperty({ type: String, nullable: true }) receiverLabel: string | null;
  @ApiProperty({ type: String, nullable: true }) receiverName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A proxy’s relation to the licence holder' })
  receiverRelation: string | null;
  @ApiProperty({ description: '代接货: received by someone other than the licence holder' })
  proxyReceipt: boolean;
  @ApiProperty({ type: String, nullable: true }) proxyReason: string | null;
  @ApiProperty({ type: String, nullable: true }) failureReason: string | null;
  @ApiProperty({ type: Number, nullable: true }) completedBy: number | null;
  @ApiProperty(MAYBE_INSTANT) completedAt: Date | null;
  @ApiProperty({
    ...MAYBE_INSTANT,
    description: 'The server’s time the retailer confirmed receipt on its phone (before or after completion)',
  })
  confirmedAt: Date | null;
  @ApiProperty({ type: Number, nullable: true }) confirmedBy: number | null;
}

class RetailerTodayDelivery extends DeliveryResponse {
  @ApiProperty({ type: DoorCodeView, description: 'The door code to give the driver, or why there is none' })
  doorCode: DoorCodeView;
}

export class RetailerTodayResponse implements RetailerTodayView {
  @ApiProperty({ ...DAY, description: 'Today, the server’s business date' }) date: string;
  @ApiProperty({ type: [RetailerTodayDelivery], description: 'The retailer’s stops of today, by window' })
  items: RetailerTodayDelivery[];
}

class StopRetailer implements StopRetailerView {
  @ApiProperty({ example: '马记便利店' }) shopName: string;
  @ApiProperty() ownerName: string;
  @ApiProperty({ type: String, nullable: true, description: 'For the call button' }) phone: string | null;
  @ApiProperty({ description: 'For the map button (the phone’s own map app)' }) address: string;
}

export class SignedDeliveryResponse extends DeliveryResponse implements SignedDeliveryView {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The retailer’s signature on the driver’s phone (`GET /api/attachments/{id}`), if it signed',
  })
  signatureAttachmentId: number | null;
}

class DriverStop extends SignedDeliveryResponse {
  @ApiProperty({ type: StopRetailer }) retailer: StopRetailer;
}

export class DriverRunResponse implements DriverRunView {
  @ApiProperty({ ...DAY, description: 'Today, the server’s business date' }) date: string;
  @ApiProperty({ type: [DriverStop], description: 'The route’s stops of today, in route order' })
  items: DriverStop[];
}

class DeliveryFeedbackRecord implements Omit<DeliveryFeedback, 'delivery' | 'raiser' | 'answerer'> {
  @ApiProperty() id: number;
  @ApiProperty() deliveryId: number;
  @ApiProperty() retailerId: number;
  @ApiProperty() territoryId: number;
  @ApiProperty() serviceCenterId: number;
  @ApiProperty() departmentId: number;
  @ApiProperty() routeId: number;
  @ApiProperty({ enum: FEEDBACK_KINDS }) kind: FeedbackKind;
  @ApiProperty() description: string;
  @ApiProperty({ enum: FEEDBACK_STATES }) status: FeedbackState;
  @ApiProperty() raisedBy: number;
  @ApiProperty({ enum: FEEDBACK_RAISER_ROLES }) raiserRole: FeedbackRaiserRole;
  @ApiProperty(INSTANT) raisedAt: Date;
  @ApiProperty({ type: String, nullable: true }) answer: string | null;
  @ApiProperty({ type: Number, nullable: true }) answeredBy: number | null;
  @ApiProperty(MAYBE_INSTANT) answeredAt: Date | null;
  @ApiProperty({ type: Number, nullable: true }) closedBy: number | null;
  @ApiProperty(MAYBE_INSTANT) closedAt: Date | null;
  @ApiProperty(INSTANT) updatedAt: Date;
}

export class DeliveryDetailResponse extends SignedDeliveryResponse {
  @ApiProperty({
    type: [DeliveryFeedbackRecord],
    description: 'Feedback raised against the stop, oldest first',
  })
  feedback: DeliveryFeedbackRecord[];
}

export class DeliveryRunResponse {
  @ApiProperty() runId: number;
  @ApiProperty() routeId: number;
  @ApiProperty(DAY) deliveryDate: string;
  @ApiProperty() stops: number;
  @ApiProperty() cartons: number;
  @ApiProperty({ description: 'Not completed by the driver yet (the retailer may have confirmed receipt)' })
  planned: number;
  @ApiProperty({ description: 'Delivered or confirmed' }) delivered: number;
  @ApiProperty() confirmed: number;
  @ApiProperty() failed: number;
  @ApiProperty({
    description:
      '未完成: still open when the delivery date ended; planned ones are not on time, ones the retailer ' +
      'confirmed on its phone are judged by that confirmation',
  })
  unfinished: number;
  @ApiProperty() proxyReceipts: number;
  @ApiProperty(INSTANT) firstWindowStart: Date;
  @ApiProperty(INSTANT) lastWindowEnd: Date;
}

export class PlanningResponse implements PlanningSummary {
  @ApiProperty(DAY) fromDate: string;
  @ApiProperty(DAY) toDate: string;
  @ApiProperty({ description: 'Stops planned now (those planned before are left as they are)' })
  planned: number;
  @ApiProperty() runs: number;
  @ApiProperty({ description: 'Retailers whose territory no route serves' }) unrouted: number;
}

export class FeedbackResponse implements FeedbackView {
  @ApiProperty() id: number;
  @ApiProperty() deliveryId: number;
  @ApiProperty() retailerId: number;
  @ApiProperty() territoryId: number;
  @ApiProperty() routeId: number;
  @ApiProperty({ enum: FEEDBACK_KINDS }) kind: FeedbackKind;
  @ApiProperty() kindLabel: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: FEEDBACK_STATES }) status: FeedbackState;
  @ApiProperty() statusLabel: string;
  @ApiProperty() raisedBy: number;
  @ApiProperty({ enum: FEEDBACK_RAISER_ROLES }) raiserRole: FeedbackRaiserRole;
  @ApiProperty(INSTANT) raisedAt: Date;
  @ApiProperty({ type: String, nullable: true }) answer: string | null;
  @ApiProperty({ type: Number, nullable: true }) answeredBy: number | null;
  @ApiProperty(MAYBE_INSTANT) answeredAt: Date | null;
  @ApiProperty(MAYBE_INSTANT) closedAt: Date | null;
  @ApiProperty({ description: 'Whole hours since raised (closed: how long it stayed open)' })
  ageHours: number;
}

class DeliveryRateResponse implements DeliveryRate {
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
  @ApiProperty({ type: Number, nullable: true }) ratio: number | null;
}

class StaffPunctuality {
  @ApiProperty() deliveryStaffId: number;
  @ApiProperty({
    description: 'Stops with an outcome, and stops still open when their delivery date ended (未完成)',
  })
  deliveries: number;
  @ApiProperty() onTime: number;
  @ApiProperty() early: number;
  @ApiProperty() late: number;
  @ApiProperty() failed: number;
  @ApiProperty({
    description:
      '未完成: still open when the delivery date ended; planned ones are not on time, ones the retailer ' +
      'confirmed on its phone are judged by that confirmation',
  })
  unfinished: number;
  @ApiProperty() proxyReceipts: number;
  @ApiProperty({ description: '补录: typed arrival further from the recorded time than the tolerance' })
  lateEntries: number;
  @ApiProperty({ description: '送货及时率 = onTime ÷ deliveries' }) punctuality: DeliveryRateResponse;
}

export class PunctualityResponse {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ description: 'Minutes either side of the window still on time' }) graceMinutes: number;
  @ApiProperty({ description: 'A typed arrival further than this from the recorded time is 补录' })
  statementToleranceMinutes: number;
  @ApiProperty({ description: 'A door code queued offline keeps its phone time within this many minutes' })
  offlineBoundMinutes: number;
  @ApiProperty({ type: [StaffPunctuality] }) items: StaffPunctuality[];
}
