import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  KPI_CODES,
  type KpiBaseline,
  type KpiCell,
  type KpiCode,
  type KpiDefinition,
  type KpiDirection,
  type KpiStatus,
  type KpiSubject,
  type KpiTarget,
  type KpiUnit,
} from '../domain/index.js';
import type { KpiRowLevel } from '../kpi.entities.js';
import type { KpiRowsView } from '../kpi.service.js';
import type { KpiNote, KpiRow, KpiRowSubject } from '../month/kpi-month.service.js';
import type { KpiTargetView } from '../targets/kpi-targets.service.js';

// What the KPI routes answer, for the OpenAPI document (each class implements the type the service returns,
// so the compiler keeps the two together).

const STATUSES: KpiStatus[] = ['meets', 'below', 'noTarget', 'noValue', 'notAssessable'];

/** A target: `value` for atLeast, atMost, upByAmount, upByPercent; `baseline` for rising. */
export class KpiTargetResponse {
  @ApiProperty({ enum: ['atLeast', 'atMost', 'rising', 'upByAmount', 'upByPercent'] })
  kind: KpiTarget['kind'];
  @ApiPropertyOptional({ description: 'In the KPI’s unit (percent as a fraction; fen for yuan)' })
  value?: number;
  @ApiPropertyOptional({ enum: ['previousMonth', 'sameMonthLastYear'] }) baseline?: KpiBaseline;
}

class LastYear {
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Change against last year (同比)' })
  change: number | null;
}

export class KpiCellResponse implements KpiCell {
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true }) numerator: number | null;
  @ApiProperty({ type: Number, nullable: true }) denominator: number | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'The counts shown beside the value',
  })
  details?: Record<string, number>;
  @ApiProperty({ type: KpiTargetResponse, nullable: true }) target: KpiTarget | null;
  @ApiProperty({ type: Number, nullable: true, description: 'What a rising target compares with' })
  baseline: number | null;
  @ApiProperty({ enum: STATUSES }) status: KpiStatus;
  @ApiPropertyOptional({ type: LastYear, description: 'Sales figures: the same days of last year' })
  lastYear?: LastYear;
}

/** One subject's KPIs by code; a row carries the codes of its subject (see GET /api/kpi/definitions). */
export class KpiCellsResponse {}
for (const code of KPI_CODES) {
  ApiPropertyOptional({ type: KpiCellResponse })(KpiCellsResponse.prototype, code);
}

class AccountManagerRef {
  @ApiProperty() userId: number;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
}

class RouteRef {
  @ApiProperty() id: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

class KpiRowSubjectResponse implements KpiRowSubject {
  @ApiProperty({ enum: ['territory', 'service_center', 'department', 'squad', 'delivery_staff'] })
  level: KpiRowLevel;
  @ApiProperty() id: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() departmentId: number;
  @ApiProperty({ type: Number, nullable: true }) serviceCenterId: number | null;
  @ApiProperty({ type: String, nullable: true }) serviceCenterName: string | null;
  @ApiPropertyOptional({ type: AccountManagerRef, nullable: true, description: 'Territory rows' })
  accountManager?: AccountManagerRef | null;
  @ApiPropertyOptional({ type: RouteRef, nullable: true, description: 'Delivery staff rows' })
  route?: RouteRef | null;
}

class KpiRowResponse implements KpiRow {
  @ApiProperty() subject: KpiRowSubjectResponse;
  @ApiProperty({ type: KpiCellsResponse }) kpis: Partial<Record<KpiCode, KpiCell>>;
}

class KpiNoteResponse implements KpiNote {
  @ApiProperty() family: string;
  @ApiProperty() reason: string;
  @ApiPropertyOptional({ format: 'date', description: 'A provisional figure becomes final on this date' })
  until?: string;
}

export class KpiRowsResponse implements KpiRowsView {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty() departmentId: number;
  @ApiProperty() departmentName: string;
  @ApiProperty({ enum: ['live', 'snapshot'], description: 'snapshot: a closed month as it was reported' })
  source: 'live' | 'snapshot';
  @ApiProperty({ format: 'date', description: 'Field work counted through this date' }) asOf: string;
  @ApiProperty({ format: 'date', description: 'Sales counted through this date' }) salesThrough: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: Date | null;
  @ApiProperty({ type: [KpiNoteResponse] }) notes: KpiNoteResponse[];
  @ApiProperty({ type: [KpiRowResponse] }) items: KpiRowResponse[];
}

export class KpiDefinitionResponse implements KpiDefinition {
  @ApiProperty({ enum: KPI_CODES }) code: KpiCode;
  @ApiProperty({ example: '经营指导面' }) label: string;
  @ApiProperty({ enum: ['percent', 'cartons', 'yuan', 'count'] }) unit: KpiUnit;
  @ApiProperty({ enum: ['higherIsBetter', 'lowerIsBetter'] }) direction: KpiDirection;
  @ApiProperty({ enum: ['accountManager', 'reporter', 'squad', 'deliveryStaff'] }) subject: KpiSubject;
  @ApiProperty({ type: KpiTargetResponse, nullable: true }) defaultTarget: KpiTarget | null;
  @ApiPropertyOptional({ description: 'Rates: what is counted above the line' }) numerator?: string;
  @ApiPropertyOptional({ description: 'Rates: what is counted below the line' }) denominator?: string;
}

class TerritoryTarget {
  @ApiProperty() territoryId: number;
  @ApiProperty({ type: KpiTargetResponse, nullable: true }) target: KpiTarget | null;
}

class KpiTargetViewResponse implements KpiTargetView {
  @ApiProperty({ enum: KPI_CODES }) code: KpiCode;
  @ApiProperty() label: string;
  @ApiProperty() unit: string;
  @ApiProperty({ type: KpiTargetResponse, nullable: true }) defaultTarget: KpiTarget | null;
  @ApiPropertyOptional({
    type: KpiTargetResponse,
    nullable: true,
    description: 'The department’s own (null: removed); absent: the default applies',
  })
  departmentTarget?: KpiTarget | null;
  @ApiProperty({ type: [TerritoryTarget] }) territoryTargets: TerritoryTarget[];
}

export class KpiTargetsResponse {
  @ApiProperty() departmentId: number;
  @ApiProperty({ type: [KpiTargetViewResponse] }) targets: KpiTargetViewResponse[];
}
