import { ApiProperty } from '@nestjs/swagger';
import type { ConsolidationSummary, CutoffSummary } from '../cycle-close.service.js';
import type { DemandView } from '../demands.service.js';
import {
  type CyclePlacement,
  DEMAND_CHANNELS,
  DEMAND_STATES,
  type DemandChannel,
  type DemandState,
  ORDER_CYCLE_STATES,
  type OrderCycleState,
} from '../domain/index.js';
import type { OrderCycle, SupplyRatio, TerritoryOrderSchedule } from '../ordering.entity.js';
import type { DemandOutcome, OrderAnomaly, OutcomeLine } from '../ordering-reports.service.js';

// What the ordering routes answer, for the OpenAPI document (each class implements the type the service
// returns where there is one, so the compiler keeps the two together).

const DAY = { type: String, format: 'date', example: '2026-12-14' } as const;
const INSTANT = { type: String, format: 'date-time' } as const;

class DemandLineResponse {
  @ApiProperty() brandId: number;
  @ApiProperty({ description: 'Cartons 条' }) cartons: number;
}

export class DemandResponse implements DemandView {
  @ApiProperty() id: number;
  @ApiProperty() cycleId: number;
  @ApiProperty() retailerId: number;
  @ApiProperty() territoryId: number;
  @ApiProperty({ enum: DEMAND_CHANNELS }) channel: DemandChannel;
  @ApiProperty({ enum: DEMAND_STATES }) status: DemandState;
  @ApiProperty() totalCartons: number;
  @ApiProperty({ type: [DemandLineResponse] }) lines: DemandLineResponse[];
  @ApiProperty({ description: 'The user who submitted it' }) submittedBy: number;
  @ApiProperty({ example: 'retailer' }) submittedByRole: string;
  @ApiProperty({ ...INSTANT, nullable: true }) confirmedAt: Date | null;
  @ApiProperty({
    enum: ['code', 'account', 'signature'],
    nullable: true,
    description: 'How the retailer confirmed',
  })
  confirmedVia: 'code' | 'account' | 'signature' | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The retailer’s signature (GET /api/attachments/{id}) when it confirmed by signing',
  })
  signatureAttachmentId: number | null;
  @ApiProperty({ type: Number, nullable: true }) approvedBy: number | null;
  @ApiProperty({ ...INSTANT, nullable: true }) approvedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) approvalComment: string | null;
  @ApiProperty({ type: Number, nullable: true }) rejectedBy: number | null;
  @ApiProperty({ ...INSTANT, nullable: true }) rejectedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) rejectReason: string | null;
  @ApiProperty(INSTANT) createdAt: Date;
  @ApiProperty(INSTANT) updatedAt: Date;
}

export class ConfirmationCodeResponse {
  @ApiProperty({ example: '482913', description: 'Shown once, on the retailer’s own phone' }) code: string;
  @ApiProperty(INSTANT) expiresAt: Date;
}

export class OrderCycleResponse implements Omit<OrderCycle, 'territory'> {
  @ApiProperty() id: number;
  @ApiProperty() territoryId: number;
  @ApiProperty() serviceCenterId: number;
  @ApiProperty() departmentId: number;
  @ApiProperty({ ...DAY, description: 'Monday of the order week' }) orderWeek: string;
  @ApiProperty(DAY) orderDate: string;
  @ApiProperty(INSTANT) opensAt: Date;
  @ApiProperty(INSTANT) cutoffAt: Date;
  @ApiProperty({ enum: ORDER_CYCLE_STATES }) status: OrderCycleState;
  @ApiProperty({ enum: ['schedule', 'calendar', 'hand'], description: 'Who placed it' })
  placedBy: CyclePlacement | 'hand';
  @ApiProperty(INSTANT) createdAt: Date;
  @ApiProperty(INSTANT) updatedAt: Date;
}

export class CutoffResponse implements CutoffSummary {
  @ApiProperty() cycleId: number;
  @ApiProperty({ description: 'Retailers recorded as having no live demand' }) noDemand: number;
}

export class ConsolidationResponse implements ConsolidationSummary {
  @ApiProperty({ type: [Number] }) cycleIds: number[];
  @ApiProperty() orderLines: number;
  @ApiProperty() supplyOrderLines: number;
  @ApiProperty() demands: number;
  @ApiProperty({ description: 'Collected demand not approved by the unified order, now expired' })
  expired: number;
}

export class OrderScheduleResponse implements Omit<TerritoryOrderSchedule, 'territory'> {
  @ApiProperty() territoryId: number;
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, Monday 1' }) orderWeekday: number;
  @ApiProperty({ description: 'Days before the order day the window opens' }) opensDaysBefore: number;
  @ApiProperty({ example: '12:00' }) opensAtTime: string;
  @ApiProperty({ example: '16:00' }) cutoffTime: string;
}

export class NoDemandResponse {
  @ApiProperty() cycleId: number;
  @ApiProperty() retailerId: number;
  @ApiProperty() territoryId: number;
  @ApiProperty(INSTANT) recordedAt: Date;
}

class OutcomeLineResponse implements OutcomeLine {
  @ApiProperty() brandId: number;
  @ApiProperty({ description: 'Cartons asked for' }) asked: number;
  @ApiProperty({ description: 'Cartons ordered: the ask, or its share under a supply ratio' })
  allotted: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '稍紧平衡 ratio the spec’s class was supplied at (basis points); null: not rationed',
  })
  supplyRatioBp: number | null;
}

export class DemandOutcomeResponse implements DemandOutcome {
  @ApiProperty() demandId: number;
  @ApiProperty({ enum: DEMAND_STATES }) status: DemandState;
  @ApiProperty({ description: 'Whether the unified order has been made for it (then its lines are known)' })
  ordered: boolean;
  @ApiProperty() askedCartons: number;
  @ApiProperty() allottedCartons: number;
  @ApiProperty({ type: [OutcomeLineResponse], description: 'Empty until the unified order' })
  lines: OutcomeLineResponse[];
}

class SupplyOrderLineResponse {
  @ApiProperty() brandId: number;
  @ApiProperty({ description: 'Cartons asked for' }) requested: number;
  @ApiProperty({ description: 'Cartons ordered after rationing' }) cartons: number;
}

export class SupplyOrderResponse {
  @ApiProperty() id: number;
  @ApiProperty() supplyPointId: number;
  @ApiProperty(DAY) orderDate: string;
  @ApiProperty({ type: [SupplyOrderLineResponse] }) lines: SupplyOrderLineResponse[];
  @ApiProperty() totalCartons: number;
}

class RationedRetailerResponse {
  @ApiProperty() retailerId: number;
  @ApiProperty() shopName: string;
  @ApiProperty() licenseNo: string;
  @ApiProperty() territoryName: string;
  @ApiProperty({ description: 'Cartons asked' }) requested: number;
  @ApiProperty({ description: 'Cartons allotted after rationing' }) ordered: number;
  @ApiProperty({ description: '⌊asked × Σ allotted ÷ Σ asked⌋: the share before left-over cartons' })
  floorShare: number;
  @ApiProperty({
    description: 'The exact share’s fractional part (0 ≤ r < 1): largest first got a left-over carton',
  })
  remainder: number;
  @ApiProperty({ description: 'Got one of the left-over cartons' }) gotLeftOver: boolean;
}

export class RationingResponse {
  @ApiProperty() supplyPointId: number;
  @ApiProperty() supplyPointName: string;
  @ApiProperty() brandId: number;
  @ApiProperty() brandCode: string;
  @ApiProperty() brandName: string;
  @ApiProperty({ minimum: 4, maximum: 5 }) priceClass: number;
  @ApiProperty() totalRequested: number;
  @ApiProperty() totalOrdered: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Σ allotted ÷ Σ asked, as applied' })
  ratio: number | null;
  @ApiProperty({ description: 'Cartons handed out one each by largest remainder' }) leftOver: number;
  @ApiProperty({ type: [RationedRetailerResponse] }) retailers: RationedRetailerResponse[];
}

export class SupplyRatioResponse implements Omit<SupplyRatio, 'department'> {
  @ApiProperty() departmentId: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) priceClass: number;
  @ApiProperty({ description: 'Share of demand supplied, basis points (10000 = all)' }) ratioBp: number;
}

export class OrderAnomalyResponse implements OrderAnomaly {
  @ApiProperty() cycleId: number;
  @ApiProperty() territoryId: number;
  @ApiProperty() territoryName: string;
  @ApiProperty(DAY) orderDate: string;
  @ApiProperty() demandId: number;
  @ApiProperty() retailerId: number;
  @ApiProperty() shopName: string;
  @ApiProperty({ description: 'Licence number 专卖许可证号' }) licenseNo: string;
  @ApiProperty() brandId: number;
  @ApiProperty() brandCode: string;
  @ApiProperty() brandName: string;
  @ApiProperty() cartons: number;
  @ApiProperty({ type: [Number], description: 'The previous cycles’ cartons of the spec, most recent first' })
  priorCycleCartons: number[];
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'cartons ÷ the prior average; null without history',
  })
  ratio: number | null;
}

class CollectedShare {
  @ApiProperty() territoryId: number;
  @ApiProperty() territoryName: string;
  @ApiProperty() demands: number;
  @ApiProperty() collected: number;
  @ApiProperty({ description: 'collected ÷ demands' }) collectedShare: number;
}

class IdenticalGroupMember {
  @ApiProperty() retailerId: number;
  @ApiProperty() shopName: string;
  @ApiProperty({ description: 'Licence number 专卖许可证号' }) licenseNo: string;
}

class IdenticalDemandGroup {
  @ApiProperty() cycleId: number;
  @ApiProperty(DAY) orderDate: string;
  @ApiProperty() territoryId: number;
  @ApiProperty() territoryName: string;
  @ApiProperty({ description: 'brandId:cartons pairs shared by the group', example: '3:10,7:5' })
  signature: string;
  @ApiProperty() retailers: number;
  @ApiProperty({ type: [Number] }) retailerIds: number[];
  @ApiProperty({ type: [IdenticalGroupMember], description: 'The retailers, by id' })
  members: IdenticalGroupMember[];
  @ApiProperty() collected: number;
}

class SelfConfirmedDemand {
  @ApiProperty() demandId: number;
  @ApiProperty(DAY) orderDate: string;
  @ApiProperty() retailerId: number;
  @ApiProperty() shopName: string;
  @ApiProperty({ description: 'Licence number 专卖许可证号' }) licenseNo: string;
  @ApiProperty() territoryId: number;
  @ApiProperty() territoryName: string;
  @ApiProperty() accountManagerId: number;
  @ApiProperty({ type: String, nullable: true }) accountManagerName: string | null;
}

export class ProhibitionsResponse {
  @ApiProperty({ example: '2026-12' }) month: string;
  @ApiProperty({ type: [CollectedShare] }) collectedShare: CollectedShare[];
  @ApiProperty({ type: [IdenticalDemandGroup] }) identicalGroups: IdenticalDemandGroup[];
  @ApiProperty({
    type: [SelfConfirmedDemand],
    description: 'Confirmed from the address it was submitted from',
  })
  selfConfirmed: SelfConfirmedDemand[];
}

class OrderWeekLineResponse {
  @ApiProperty() brandId: number;
  @ApiProperty({ description: 'Cartons asked for' }) asked: number;
  @ApiProperty({ description: 'Cartons ordered after rationing' }) ordered: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The 稍紧平衡 ratio its class was supplied at (basis points); null when not rationed',
  })
  supplyRatioBp: number | null;
}

class RetailerOrderWeekResponse {
  @ApiProperty(DAY) orderDate: string;
  @ApiProperty() askedCartons: number;
  @ApiProperty() orderedCartons: number;
  @ApiProperty({ type: [OrderWeekLineResponse], description: 'Per spec; empty in a week it did not order' })
  lines: OrderWeekLineResponse[];
}

export class RetailerOrderWeeksResponse {
  @ApiProperty() retailerId: number;
  @ApiProperty({
    type: [RetailerOrderWeekResponse],
    description: 'Its territory’s last 12 consolidated order weeks, oldest first',
  })
  weeks: RetailerOrderWeekResponse[];
}
