import { ApiProperty } from '@nestjs/swagger';
import { GUIDANCE_TOPICS, type GuidanceTopic, VISIT_KINDS, type VisitKind } from '../../domain/index.js';
import type {
  Attainment,
  AttainmentReport,
  AttainmentRow,
  CadenceRetailer,
  CheckSampleReport,
  DueSoonReport,
  DueSoonRetailer,
  OverdueReport,
  OverdueRetailer,
  OverdueSummary,
} from '../field-reports.service.js';
import type { PriceCheckView, VisitCheckView, VisitSummary, VisitView } from '../visit.view.js';

// What the visit routes answer, for the OpenAPI document (each class implements the type the service returns,
// so the compiler keeps the two together).

const DAY = { type: String, format: 'date', example: '2026-12-07' } as const;
const INSTANT = { type: String, format: 'date-time' } as const;
const MONTH = { example: '2026-12' } as const;

export class VisitCheckResponse implements VisitCheckView {
  @ApiProperty({ description: 'The market manager found the guidance effective' }) effective: boolean;
  @ApiProperty() note: string;
  @ApiProperty() checkedBy: number;
  @ApiProperty(INSTANT) checkedAt: Date;
}

export class VisitCheckResultResponse extends VisitCheckResponse {
  @ApiProperty() visitId: number;
}

class GuidanceGiven {
  @ApiProperty({ enum: GUIDANCE_TOPICS, isArray: true }) topics: GuidanceTopic[];
  @ApiProperty() advice: string;
}

class AwarenessAnswers {
  @ApiProperty({ description: 'Knows how the floating quota works' }) floatingQuota: boolean;
  @ApiProperty({ description: 'Knows how to report demand itself' }) selfReporting: boolean;
}

class VisitPositionResponse {
  @ApiProperty() latitude: number;
  @ApiProperty() longitude: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Accuracy radius in metres' })
  accuracyMeters: number | null;
}

class ChannelsReachable {
  @ApiProperty() sms: boolean;
  @ApiProperty() wechat: boolean;
  @ApiProperty() portal: boolean;
}

export class VisitSummaryResponse implements VisitSummary {
  @ApiProperty() id: number;
  @ApiProperty() retailerId: number;
  @ApiProperty() territoryId: number;
  @ApiProperty() departmentId: number;
  @ApiProperty() accountManagerId: number;
  @ApiProperty({ enum: VISIT_KINDS }) kind: VisitKind;
  @ApiProperty(INSTANT) visitedAt: Date;
  @ApiProperty(DAY) visitedOn: string;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: GuidanceGiven, nullable: true }) guidance: GuidanceGiven | null;
  @ApiProperty({ type: AwarenessAnswers, nullable: true }) awareness: AwarenessAnswers | null;
  @ApiProperty({ type: ChannelsReachable, nullable: true }) channelReachable: ChannelsReachable | null;
  @ApiProperty() priceCheckCount: number;
  @ApiProperty() priceNonCompliantCount: number;
  @ApiProperty() shelfChecked: boolean;
  @ApiProperty({
    type: VisitPositionResponse,
    nullable: true,
    description: 'Where the phone was, if allowed',
  })
  position: VisitPositionResponse | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The shelf photo (GET /api/attachments/{id}), if one was added',
  })
  shelfPhotoId: number | null;
  @ApiProperty({
    type: VisitCheckResponse,
    nullable: true,
    description: 'The market manager’s check, if any',
  })
  check: VisitCheckResponse | null;
  @ApiProperty(INSTANT) createdAt: Date;
}

class PriceCheckResponse implements PriceCheckView {
  @ApiProperty() brandId: number;
  @ApiProperty({ type: Number, nullable: true }) observedPackFen: number | null;
  @ApiProperty({ type: Number, nullable: true }) observedCartonFen: number | null;
  @ApiProperty() guidePackFen: number;
  @ApiProperty() guideCartonFen: number;
  @ApiProperty({ type: Number, nullable: true, description: 'observed − guide; null when not observed' })
  packDifferenceFen: number | null;
  @ApiProperty({ type: Number, nullable: true }) cartonDifferenceFen: number | null;
  @ApiProperty() toleranceBp: number;
  @ApiProperty() compliant: boolean;
}

class ShelfCheck {
  @ApiProperty({ type: [Number], description: 'Key brands seen on the shelf' }) brandIds: number[];
}

export class VisitResponse extends VisitSummaryResponse implements VisitView {
  @ApiProperty({ type: [PriceCheckResponse] }) priceChecks: PriceCheckResponse[];
  @ApiProperty({ type: ShelfCheck, nullable: true }) shelfCheck: ShelfCheck | null;
}

abstract class CadenceRetailerResponse implements CadenceRetailer {
  @ApiProperty() retailerId: number;
  @ApiProperty() territoryId: number;
  @ApiProperty({ type: Number, nullable: true }) accountManagerId: number | null;
  @ApiProperty() bigAccount: boolean;
  @ApiProperty({ description: 'Visit at least every this many days' }) maxDaysBetweenVisits: number;
}

class OverdueRetailerResponse extends CadenceRetailerResponse implements OverdueRetailer {
  @ApiProperty({ ...DAY, nullable: true, description: 'null: never visited' }) lastVisitOn: string | null;
  @ApiProperty({ ...DAY, nullable: true }) dueOn: string | null;
  @ApiProperty({ type: Number, nullable: true }) daysOverdue: number | null;
}

class DueSoonRetailerResponse extends CadenceRetailerResponse implements DueSoonRetailer {
  @ApiProperty(DAY) lastVisitOn: string;
  @ApiProperty({ ...DAY, description: 'The last day on time' }) dueOn: string;
  @ApiProperty({ description: 'Days from `on` to the due day (0: due on `on`)' }) daysLeft: number;
}

export class DueSoonReportResponse implements DueSoonReport {
  @ApiProperty(DAY) on: string;
  @ApiProperty() withinDays: number;
  @ApiProperty({ type: [DueSoonRetailerResponse] }) items: DueSoonRetailerResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

class OverdueSummaryResponse implements OverdueSummary {
  @ApiProperty() territoryId: number;
  @ApiProperty({ type: Number, nullable: true }) accountManagerId: number | null;
  @ApiProperty({ description: 'Active retailers of the territory' }) retailers: number;
  @ApiProperty() overdue: number;
  @ApiProperty() neverVisited: number;
}

export class OverdueReportResponse implements OverdueReport {
  @ApiProperty(DAY) on: string;
  @ApiProperty({ type: [OverdueSummaryResponse] }) summary: OverdueSummaryResponse[];
  @ApiProperty({ type: [OverdueRetailerResponse] }) items: OverdueRetailerResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class Ratio {
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null when the denominator is 0' })
  ratio: number | null;
}

class AttainmentResponse implements Attainment {
  @ApiProperty() done: number;
  @ApiProperty() perWorkingDay: number;
  @ApiProperty() targetToDate: number;
  @ApiProperty() targetMonth: number;
  @ApiProperty({ description: 'done ÷ target to date' }) attainment: Ratio;
}

class AttainmentRowResponse implements AttainmentRow {
  @ApiProperty() accountManagerId: number;
  @ApiProperty() territoryId: number;
  @ApiProperty() departmentId: number;
  @ApiProperty({ enum: ['urban', 'rural'] }) market: 'urban' | 'rural';
  @ApiProperty() workingDaysInMonth: number;
  @ApiProperty() workingDaysElapsed: number;
  @ApiProperty() visits: AttainmentResponse;
  @ApiProperty() calls: AttainmentResponse;
}

class AttainmentTotal {
  @ApiProperty() visits: Ratio;
  @ApiProperty() calls: Ratio;
}

export class AttainmentReportResponse implements AttainmentReport {
  @ApiProperty(MONTH) month: string;
  @ApiProperty({ ...DAY, description: 'Counted up to this business date' }) asOf: string;
  @ApiProperty({ type: [AttainmentRowResponse] }) items: AttainmentRowResponse[];
  @ApiProperty() total: AttainmentTotal;
}

class AccountManagerSampleResponse {
  @ApiProperty() accountManagerId: number;
  @ApiProperty() guidanceVisits: number;
  @ApiProperty({ type: [VisitSummaryResponse], description: 'The sample in draw order' })
  sample: VisitSummaryResponse[];
}

class DepartmentSampleResponse {
  @ApiProperty() departmentId: number;
  @ApiProperty({ description: 'Visits drawn per account manager' }) size: number;
  @ApiProperty({ description: 'Frozen: final; otherwise provisional until windowClosesOn' }) frozen: boolean;
  @ApiProperty({ ...INSTANT, nullable: true }) frozenAt: Date | null;
  @ApiProperty(DAY) windowClosesOn: string;
  @ApiProperty({ type: [AccountManagerSampleResponse] }) accountManagers: AccountManagerSampleResponse[];
}

export class CheckSampleResponse implements CheckSampleReport {
  @ApiProperty(MONTH) month: string;
  @ApiProperty({ type: [DepartmentSampleResponse] }) departments: DepartmentSampleResponse[];
}
