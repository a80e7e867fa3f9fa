import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsOmittable, PageQuery, IntegerText, IsMonthText, IsDateText } from '#libs/shared';
import {
  LEAD_DEADLINE_DAYS_MAX,
  LEAD_IMPORTANCES,
  LEAD_KINDS,
  LEAD_STATES,
  VERIFICATION_RESULTS,
  type LeadImportance,
  type LeadKind,
  type LeadState,
  type VerificationResult,
} from '../domain/index.js';

export class CreateLeadDto {
  @ApiProperty({ enum: LEAD_KINDS })
  @IsIn(LEAD_KINDS)
  kind: LeadKind;

  @ApiPropertyOptional({
    description: 'The retailer the lead is about; the lead goes to its territory’s squad',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  retailerId?: number;

  @ApiPropertyOptional({
    description:
      'Without a retailer (unlicensed selling, say): the territory it happened in; default the reporter’s own (delivery staff: the first territory of the route)',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  territoryId?: number;

  @ApiProperty({ minLength: 5, maxLength: 2000 })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  description: string;

  @ApiProperty({ enum: LEAD_IMPORTANCES })
  @IsIn(LEAD_IMPORTANCES)
  importance: LeadImportance;

  @ApiPropertyOptional({ type: [String], description: 'Photo references, document numbers, notes' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(500, { each: true })
  evidence?: string[];
}

export class LeadFromAnomalyDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  cycleId: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  retailerId: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  brandId: number;

  @ApiPropertyOptional({ enum: LEAD_IMPORTANCES, default: 'normal' })
  @IsOmittable()
  @IsIn(LEAD_IMPORTANCES)
  importance?: LeadImportance;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Added to the description the warning gives' })
  @IsOmittable()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class AssignLeadDto {
  @ApiPropertyOptional({ description: 'An officer of the squad; default the caller' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  officerId?: number;
}

export class VerifyLeadDto {
  @ApiProperty({ enum: VERIFICATION_RESULTS, description: '属实 / 不实 / 无法查实' })
  @IsIn(VERIFICATION_RESULTS)
  result: VerificationResult;

  @ApiProperty({ minLength: 2, maxLength: 2000, description: 'What was found' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  note: string;
}

export class LeadInspectionDto {
  @ApiProperty({ minLength: 2, maxLength: 2000 })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  comment: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Send an escalated lead back to the squad (督办), expecting a result by actionDueAt',
  })
  @IsOmittable()
  @IsBoolean()
  requireAction?: boolean;

  @ApiPropertyOptional({ description: 'With requireAction: the officer who must act' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  officerId?: number;

  @ApiPropertyOptional({
    description: 'With requireAction: the new due time; default now + the important-lead deadline',
  })
  @IsOmittable()
  @Type(() => Date)
  @IsDate()
  actionDueAt?: Date;
}

export class LeadQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LEAD_STATES })
  @IsOmittable()
  @IsIn(LEAD_STATES)
  status?: LeadState;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  squadId?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  retailerId?: number;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'Reported on or after (business date)' })
  @IsOmittable()
  @IsDateText()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Reported on or before (business date)' })
  @IsOmittable()
  @IsDateText()
  to?: string;
}

export class LeadRatesQuery {
  @ApiProperty({ example: '2026-11', description: 'Leads reported in this month (business time)' })
  @IsString()
  @IsMonthText()
  month: string;

  @ApiPropertyOptional({
    description: 'Count results recorded up to this instant (a closed month: its end); default now',
  })
  @IsOmittable()
  @Type(() => Date)
  @IsDate()
  asOf?: Date;
}

export class LeadPolicyDto {
  @ApiPropertyOptional({ description: 'Admins name the department; others work on their own' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  departmentId?: number;

  @ApiProperty({ minimum: 1, maximum: LEAD_DEADLINE_DAYS_MAX, example: 3 })
  @IsInt()
  @Min(1)
  @Max(LEAD_DEADLINE_DAYS_MAX)
  importantDays: number;

  @ApiProperty({ minimum: 1, maximum: LEAD_DEADLINE_DAYS_MAX, example: 7 })
  @IsInt()
  @Min(1)
  @Max(LEAD_DEADLINE_DAYS_MAX)
  normalDays: number;
}

export class LeadPolicyQuery {
  @ApiPropertyOptional({ description: 'Admins name the department' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  departmentId?: number;
}
