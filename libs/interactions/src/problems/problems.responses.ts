import { ApiProperty } from '@nestjs/swagger';
import {
  CASE_EVENTS,
  CASE_STATES,
  type CaseEvent,
  type CaseState,
  PROBLEM_KINDS,
  type ProblemKind,
  THREE_ROLES,
  type ThreeRole,
} from '../domain/index.js';
import type { ProblemView } from './problems.service.js';
import type { ProblemPolicyView } from './problem-policy.service.js';

// What the problem routes answer, for the OpenAPI document (each class implements the type the service returns).

const INSTANT = { type: String, format: 'date-time' } as const;
const MAYBE_INSTANT = { ...INSTANT, nullable: true } as const;

export class ProblemResponse implements ProblemView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: PROBLEM_KINDS }) kind: ProblemKind;
  @ApiProperty({ example: '送货不及时' }) kindLabel: string;
  @ApiProperty({ enum: THREE_ROLES }) aboutRole: ThreeRole;
  @ApiProperty({ example: '送货员' }) aboutRoleLabel: string;
  @ApiProperty() description: string;
  @ApiProperty() retailerId: number;
  @ApiProperty() shopName: string;
  @ApiProperty() territoryId: number;
  @ApiProperty({ description: 'The center whose market manager answers' }) serviceCenterId: number;
  @ApiProperty() departmentId: number;
  @ApiProperty() raisedBy: number;
  @ApiProperty() raiserName: string;
  @ApiProperty({ enum: THREE_ROLES }) raiserRole: ThreeRole;
  @ApiProperty({ example: '客户经理' }) raiserRoleLabel: string;
  @ApiProperty(INSTANT) raisedAt: Date;
  @ApiProperty(INSTANT) deadlineAt: Date;
  @ApiProperty({ enum: CASE_STATES }) status: CaseState;
  @ApiProperty({ example: '待答复' }) statusLabel: string;
  @ApiProperty({ description: 'Waiting for its answer past the deadline, now' }) overdue: boolean;
  @ApiProperty({ type: String, nullable: true }) answer: string | null;
  @ApiProperty({ type: Number, nullable: true }) answeredBy: number | null;
  @ApiProperty({ type: String, nullable: true }) answererName: string | null;
  @ApiProperty(MAYBE_INSTANT) answeredAt: Date | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'Answered by the deadline; null while unanswered',
  })
  answeredOnTime: boolean | null;
  @ApiProperty(MAYBE_INSTANT) escalatedAt: Date | null;
  @ApiProperty(MAYBE_INSTANT) closedAt: Date | null;
  @ApiProperty({ enum: CASE_EVENTS, isArray: true, description: 'What may happen next (the lifecycle)' })
  allowedEvents: CaseEvent[];
}

export class ProblemPolicyResponse implements ProblemPolicyView {
  @ApiProperty() departmentId: number;
  @ApiProperty({ description: 'False while the department runs on the default' }) configured: boolean;
  @ApiProperty({ example: 48 }) answerHours: number;
}
