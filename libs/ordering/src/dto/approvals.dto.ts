import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsString,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsOmittable } from '#libs/shared';
import { DEMAND_STATES, type DemandState } from '../domain/index.js';

/** How many collected demands one approval request may decide: a page of the inbox. */
export const MAX_DECISIONS = 200;

class DemandIdsDto {
  @ApiProperty({ type: [Number], minItems: 1, maxItems: MAX_DECISIONS, uniqueItems: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_DECISIONS)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  demandIds: number[];
}

export class ApproveDemandsDto extends DemandIdsDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

export class RejectDemandsDto extends DemandIdsDto {
  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

export const DECISION_OUTCOMES = ['approved', 'rejected', 'refused'] as const;

export class DemandDecisionResult {
  @ApiProperty() demandId: number;
  @ApiProperty({ enum: DECISION_OUTCOMES }) outcome: (typeof DECISION_OUTCOMES)[number];
  @ApiPropertyOptional({ enum: DEMAND_STATES, description: 'The demand’s state after a decision taken' })
  status?: DemandState;
  @ApiPropertyOptional({ description: 'Why it was refused: the code one demand’s request would answer' })
  code?: string;
  @ApiPropertyOptional() message?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: unknown;
}

export class DemandDecisionsResponse {
  @ApiProperty({ type: [DemandDecisionResult], description: 'One result per id, in the order sent' })
  results: DemandDecisionResult[];
  @ApiProperty() decided: number;
  @ApiProperty() refused: number;
}

export class InboxOrderWeek {
  @ApiProperty({ format: 'date' }) orderDate: string;
  @ApiProperty() cartons: number;
}

export class InboxQuota {
  @ApiProperty() agreedTotal: number;
  @ApiProperty() cap: number;
  @ApiProperty() used: number;
  @ApiProperty() reserved: number;
  @ApiProperty() remaining: number;
}

export class InboxVisit {
  @ApiProperty() id: number;
  @ApiProperty() kind: string;
  @ApiProperty() visitedAt: Date;
}

export class InboxLine {
  @ApiProperty() brandId: number;
  @ApiProperty() cartons: number;
}

export class ApprovalInboxItem {
  @ApiProperty() id: number;
  @ApiProperty() cycleId: number;
  @ApiProperty({ format: 'date' }) orderDate: string;
  @ApiProperty() cutoffAt: Date;
  @ApiProperty() retailerId: number;
  @ApiProperty() shopName: string;
  @ApiProperty() licenseNo: string;
  @ApiProperty() grade: number;
  @ApiProperty() territoryId: number;
  @ApiProperty() territoryName: string;
  @ApiProperty() submittedBy: number;
  @ApiProperty() submittedByName: string;
  @ApiProperty() totalCartons: number;
  @ApiProperty({ type: [InboxLine] }) lines: InboxLine[];
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) confirmedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'How the retailer confirmed: code, account, …' })
  confirmedVia: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The retailer’s signature (GET /api/attachments/{id}) when it confirmed by signing',
  })
  signatureAttachmentId: number | null;
  @ApiProperty({ type: [InboxOrderWeek], description: 'The retailer’s last 12 ordered weeks, oldest first' })
  orderWeeks: InboxOrderWeek[];
  @ApiProperty({ type: InboxQuota, nullable: true, description: 'The month of the order date' })
  quota: InboxQuota | null;
  @ApiProperty({
    type: InboxVisit,
    nullable: true,
    description: 'The collecting account manager’s latest visit to the retailer',
  })
  visit: InboxVisit | null;
}

export class ApprovalInboxPage {
  @ApiProperty({ type: [ApprovalInboxItem] }) items: ApprovalInboxItem[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
