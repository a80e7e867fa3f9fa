import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsOmittable, IntegerText, IsMonthText } from '#libs/shared';

const MAX_CARTONS = 1_000_000;

export class MonthQuery {
  @ApiProperty({ example: '2026-12', description: 'YYYY-MM' })
  @IsString()
  @IsMonthText()
  month: string;
}

export class ComputeQuotasDto extends MonthQuery {}

export class AgreedTotalDto extends MonthQuery {
  @ApiProperty({
    example: 120,
    description: 'The agreed monthly total 商定总量 in cartons; the cap floats above it',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_CARTONS)
  cartons: number;
}

export class RebalanceCap {
  @ApiProperty()
  @IsInt()
  @Min(1)
  retailerId: number;

  @ApiProperty({ description: 'The new cap in cartons' })
  @IsInt()
  @Min(0)
  @Max(MAX_CARTONS)
  cap: number;
}

export class RebalanceDto extends MonthQuery {
  @ApiProperty({ example: '东片区两户互调' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;

  @ApiProperty({ type: [RebalanceCap] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => RebalanceCap)
  caps: RebalanceCap[];
}

export class GradePolicyRowDto {
  @ApiProperty({ minimum: 1, maximum: 30 })
  @IsInt()
  @Min(1)
  @Max(30)
  grade: number;

  @ApiPropertyOptional({ enum: ['large', 'medium', 'small'], nullable: true })
  @IsOptional()
  @IsIn(['large', 'medium', 'small'])
  scale?: 'large' | 'medium' | 'small' | null;

  @ApiPropertyOptional({ enum: ['urban', 'rural'], nullable: true })
  @IsOptional()
  @IsIn(['urban', 'rural'])
  marketType?: 'urban' | 'rural' | null;

  @ApiProperty({ description: 'Where a retailer without history starts (cartons/month); never a minimum' })
  @IsInt()
  @Min(0)
  @Max(MAX_CARTONS)
  baseMonthlyTotal: number;
}

export class FloatAllowancesDto {
  @ApiProperty({ example: 500, description: 'basis points (500 = 5%)' })
  @IsInt()
  large: number;

  @ApiProperty({ example: 1000 })
  @IsInt()
  medium: number;

  @ApiProperty({ example: 1500 })
  @IsInt()
  small: number;
}

export class QuotaPolicyQuery {
  @ApiPropertyOptional({ description: 'Department (admins only; others: their own)' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  departmentId?: number;
}

export class QuotaPolicyDto {
  @ApiPropertyOptional({ description: 'Department (admins only; others: their own)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  departmentId?: number;

  @ApiProperty({ type: FloatAllowancesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => FloatAllowancesDto)
  floatAllowancesBp: FloatAllowancesDto;

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  @Max(24)
  trailingWindowMonths: number;

  @ApiProperty({ example: 2000, description: 'How far the agreed total may move per month, basis points' })
  @IsInt()
  @Min(0)
  @Max(10000)
  maxMonthlyChangeBp: number;

  @ApiProperty({ example: 15000, description: 'Pacing factor in basis points (15000 = 1.5)' })
  @IsInt()
  @Min(10000)
  @Max(100000)
  pacingFactorBp: number;

  @ApiProperty({ type: [GradePolicyRowDto] })
  @IsArray()
  @ArrayMinSize(30)
  @ArrayMaxSize(30 * 12)
  @ValidateNested({ each: true })
  @Type(() => GradePolicyRowDto)
  grades: GradePolicyRowDto[];
}

export class ScarceLimitsDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  brandId: number;

  @ApiProperty({ example: '2026-11-30', description: 'The Monday of the order week' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  weekStart: string;

  @ApiPropertyOptional({ enum: ['urban', 'rural'], description: 'Only for one market type (else for all)' })
  @IsOmittable()
  @IsIn(['urban', 'rural'])
  marketType?: 'urban' | 'rural';

  @ApiProperty({ type: [Number], description: '30 per-retailer limits, grade 1 first: D1 ≤ D2 ≤ … ≤ D30' })
  @IsArray()
  @ArrayMinSize(30)
  @ArrayMaxSize(30)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(MAX_CARTONS, { each: true })
  limits: number[];
}

export class RetailerScarceLimitQuery {
  @ApiProperty({ example: '2026-11-30', description: 'Monday of the order week (a cycle’s orderWeek)' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  weekStart: string;
}

export class ScarceLimitQuery {
  @ApiProperty({ example: '2026-11-30' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  weekStart: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  brandId?: number;
}

export class ProposeLimitsDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  brandId: number;

  @ApiProperty({ description: 'Cartons of the spec planned for the week' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  plannedSupply: number;

  @ApiPropertyOptional({ enum: ['urban', 'rural'] })
  @IsOmittable()
  @IsIn(['urban', 'rural'])
  marketType?: 'urban' | 'rural';
}
