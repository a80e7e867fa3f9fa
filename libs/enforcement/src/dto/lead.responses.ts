import { ApiProperty } from '@nestjs/swagger';
import {
  LEAD_EVENTS,
  LEAD_IMPORTANCES,
  LEAD_KINDS,
  LEAD_STATES,
  type LeadEvent,
  type LeadImportance,
  type LeadKind,
  type LeadRate,
  type LeadState,
  VERIFICATION_RESULTS,
  type VerificationResult,
} from '../domain/index.js';
import type { LeadView } from '../lead-access.js';
import { LEAD_EVENT_KINDS, LEAD_SOURCES, type LeadEventKind, type LeadSource } from '../lead.entity.js';
import type { LeadPolicyView } from '../lead-policy.service.js';
import type { LeadDetail } from '../leads.service.js';

// What the lead routes answer, for the OpenAPI document (each class implements the type the service returns,
// so the compiler keeps the two together).

const INSTANT = { type: String, format: 'date-time' } as const;
const MAYBE_INSTANT = { ...INSTANT, nullable: true } as const;

export class LeadResponse implements LeadView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: LEAD_KINDS }) kind: LeadKind;
  @ApiProperty() kindLabel: string;
  @ApiProperty({ enum: LEAD_IMPORTANCES }) importance: LeadImportance;
  @ApiProperty() importanceLabel: string;
  @ApiProperty({ enum: LEAD_STATES }) status: LeadState;
  @ApiProperty({ example: '待分派' }) statusLabel: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [String], description: 'Evidence notes or attachment references' }) evidence: string[];
  @ApiProperty({ enum: LEAD_SOURCES }) source: LeadSource;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The ordering anomaly a lead raised from one came from (cycle, retailer, spec, ratio)',
  })
  anomaly: object | null;
  @ApiProperty({ type: Number, nullable: true }) retailerId: number | null;
  @ApiProperty() territoryId: number;
  @ApiProperty() serviceCenterId: number;
  @ApiProperty() departmentId: number;
  @ApiProperty({ description: 'The enforcement squad the lead is routed to' }) squadId: number;
  @ApiProperty() reportedBy: number;
  @ApiProperty({ example: 'account_manager' }) reporterRole: string;
  @ApiProperty(INSTANT) reportedAt: Date;
  @ApiProperty(INSTANT) deadlineAt: Date;
  @ApiProperty({ description: 'Past its deadline without a result, now' }) overdue: boolean;
  @ApiProperty({ type: Number, nullable: true }) assignedTo: number | null;
  @ApiProperty(MAYBE_INSTANT) assignedAt: Date | null;
  @ApiProperty({ enum: VERIFICATION_RESULTS, nullable: true }) result: VerificationResult | null;
  @ApiProperty({ type: String, nullable: true }) resultLabel: string | null;
  @ApiProperty({ type: String, nullable: true }) resultNote: string | null;
  @ApiProperty({ type: Number, nullable: true }) verifiedBy: number | null;
  @ApiProperty(MAYBE_INSTANT) verifiedAt: Date | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'The result came by the deadline' })
  onTime: boolean | null;
  @ApiProperty(MAYBE_INSTANT) escalatedAt: Date | null;
  @ApiProperty() escalationCount: number;
  @ApiProperty(MAYBE_INSTANT) actionDueAt: Date | null;
  @ApiProperty(MAYBE_INSTANT) closedAt: Date | null;
  @ApiProperty({ enum: LEAD_EVENTS, isArray: true, description: 'What may happen next (for the buttons)' })
  allowedEvents: LeadEvent[];
}

class LeadHistoryEntry {
  @ApiProperty({ enum: LEAD_EVENT_KINDS }) event: LeadEventKind;
  @ApiProperty({ type: String, nullable: true }) fromStatus: string | null;
  @ApiProperty({ type: String, nullable: true }) toStatus: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'null: a scheduled job' }) actorId: number | null;
  @ApiProperty() actorRole: string;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty(INSTANT) at: Date;
}

export class LeadDetailResponse extends LeadResponse implements LeadDetail {
  @ApiProperty({ type: [LeadHistoryEntry] }) history: LeadHistoryEntry[];
  @ApiProperty({
    type: [Number],
    description: 'The result’s photo evidence: attachment ids for GET /api/attachments/{id}, oldest first',
  })
  resultPhotoIds: number[];
}

class LeadRateResponse implements LeadRate {
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
  @ApiProperty({ type: Number, nullable: true }) ratio: number | null;
}

class LeadTallyResponse {
  @ApiProperty({ description: 'Leads whose deadline falls in the month' }) due: number;
  @ApiProperty({ description: 'With a finding (属实 or 不实) by asOf' }) verified: number;
  @ApiProperty({ description: 'Of the verified, by the deadline' }) verifiedOnTime: number;
  @ApiProperty() confirmed: number;
  @ApiProperty() unfounded: number;
  @ApiProperty({ description: '无法查实, counted apart' }) unverifiable: number;
  @ApiProperty({ description: 'Due without any result by asOf' }) unanswered: number;
  @ApiProperty({ description: '查实率 = verified ÷ due' }) verificationRate: LeadRateResponse;
  @ApiProperty({ description: '按时查实率 = verifiedOnTime ÷ due' }) onTimeRate: LeadRateResponse;
  @ApiProperty({ description: '线索真实性 = confirmed ÷ verified' }) authenticity: LeadRateResponse;
}

class SquadLeadRates extends LeadTallyResponse {
  @ApiProperty() squadId: number;
}

class ReporterLeadRates extends LeadTallyResponse {
  @ApiProperty() reporterId: number;
  @ApiProperty() reporterRole: string;
}

export class SquadLeadRatesResponse {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ ...INSTANT, description: 'Results recorded up to this instant count' }) asOf: Date;
  @ApiProperty({ type: [SquadLeadRates] }) items: SquadLeadRates[];
}

export class ReporterLeadRatesResponse {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ ...INSTANT, description: 'Results recorded up to this instant count' }) asOf: Date;
  @ApiProperty({ type: [ReporterLeadRates] }) items: ReporterLeadRates[];
}

export class LeadPolicyResponse implements LeadPolicyView {
  @ApiProperty() departmentId: number;
  @ApiProperty({ description: 'False while the department runs on the defaults' }) configured: boolean;
  @ApiProperty({ description: 'Days to verify an important lead' }) importantDays: number;
  @ApiProperty({ description: 'Days to verify a normal lead' }) normalDays: number;
}
