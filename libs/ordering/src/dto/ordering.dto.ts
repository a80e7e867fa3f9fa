import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDate,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsOmittable, PageQuery, IntegerText, IsMonthText, IsDateText } from '#libs/shared';
import {
  DEMAND_CHANNELS,
  DEMAND_STATES,
  ORDER_CYCLE_STATES,
  type DemandChannel,
  type DemandState,
  type OrderCycleState,
} from '../domain/index.js';

export class DemandLineDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  brandId: number;

  @ApiProperty({ minimum: 1, maximum: 10000 })
  @IsInt()
  @Min(1)
  @Max(10000)
  cartons: number;
}

export class DemandLinesDto {
  @ApiProperty({ type: [DemandLineDto], description: 'One line per specification' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DemandLineDto)
  lines: DemandLineDto[];
}

export class CreateDemandDto extends DemandLinesDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  retailerId: number;

  @ApiProperty({
    enum: DEMAND_CHANNELS,
    description: 'self: the retailer’s own; collected: by its account manager',
  })
  @IsIn(DEMAND_CHANNELS)
  channel: DemandChannel;

  @ApiPropertyOptional({ description: 'Collected demand: the code the retailer gave (confirms it at once)' })
  @IsOmittable()
  @IsString()
  @Matches(/^\d{6}$/)
  confirmationCode?: string;
}

export class ApproveDemandDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

export class RejectDemandDto {
  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

export class DemandQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  cycleId?: number;

  @ApiPropertyOptional({ enum: DEMAND_STATES })
  @IsOmittable()
  @IsIn(DEMAND_STATES)
  status?: DemandState;

  @ApiPropertyOptional({ enum: DEMAND_CHANNELS })
  @IsOmittable()
  @IsIn(DEMAND_CHANNELS)
  channel?: DemandChannel;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  territoryId?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  retailerId?: number;
}

export class CreateCycleDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  territoryId: number;

  @ApiProperty({ example: '2026-12-14' })
  @IsDateText()
  orderDate: string;

  @ApiProperty({ example: '2026-12-13T04:00:00Z' })
  @Type(() => Date)
  @IsDate()
  opensAt: Date;

  @ApiProperty({ example: '2026-12-14T08:00:00Z' })
  @Type(() => Date)
  @IsDate()
  cutoffAt: Date;
}

export class UpdateCycleDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsDateText()
  orderDate?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @Type(() => Date)
  @IsDate()
  opensAt?: Date;

  @ApiPropertyOptional()
  @IsOmittable()
  @Type(() => Date)
  @IsDate()
  cutoffAt?: Date;

  @ApiPropertyOptional({ enum: ['cancelled'], description: 'Cancel a scheduled cycle (e.g. a holiday)' })
  @IsOmittable()
  @IsIn(['cancelled'])
  status?: 'cancelled';
}

export class CycleQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  territoryId?: number;

  @ApiPropertyOptional({ enum: ORDER_CYCLE_STATES })
  @IsOmittable()
  @IsIn(ORDER_CYCLE_STATES)
  status?: OrderCycleState;

  @ApiPropertyOptional({ example: '2026-12-01' })
  @IsOmittable()
  @IsDateText()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOmittable()
  @IsDateText()
  to?: string;
}

export class RecordNoDemandDto {
  @ApiProperty({ description: 'The retailer that needs nothing in its open cycle' })
  @IsInt()
  @Min(1)
  retailerId: number;
}

export class CycleIdQuery extends PageQuery {
  @ApiProperty()
  @IntegerText()
  @IsInt()
  @Min(1)
  cycleId: number;
}

/** Anomalies of one cycle, or of every cycle in scope whose order date falls in a range (or both: that cycle if in it). */
export class AnomalyQuery {
  @ApiPropertyOptional({ description: 'One cycle; without it, fromDate and toDate are required' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  cycleId?: number;

  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'First order date (with toDate; at most 92 days)',
  })
  @ValidateIf((query: AnomalyQuery, value) => value !== undefined || query.cycleId === undefined)
  @IsDateText()
  fromDate?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last order date, included' })
  @ValidateIf((query: AnomalyQuery, value) => value !== undefined || query.cycleId === undefined)
  @IsDateText()
  toDate?: string;
}

export class SupplyOrderQuery {
  @ApiProperty({ example: '2026-12-14' })
  @IsDateText()
  date: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  supplyPointId?: number;
}

export class InspectionQuery {
  @ApiProperty({ example: '2026-12' })
  @IsString()
  @IsMonthText()
  month: string;
}

export class SupplyRatioDto {
  @ApiProperty({ enum: [4, 5], description: 'Price class IV or V' })
  @IsInt()
  @IsIn([4, 5])
  priceClass: number;

  @ApiProperty({ example: 9500, description: 'Share supplied, basis points (9500 = 95%)' })
  @IsInt()
  @Min(1)
  @Max(10000)
  ratioBp: number;
}

export class SupplyRatiosDto {
  @ApiProperty({ type: [SupplyRatioDto] })
  @IsArray()
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => SupplyRatioDto)
  ratios: SupplyRatioDto[];
}

export class OrderScheduleDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday of the order day (1 = Monday)' })
  @IsInt()
  @Min(1)
  @Max(7)
  orderWeekday: number;

  @ApiPropertyOptional({ default: 1 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(6)
  opensDaysBefore?: number;

  @ApiPropertyOptional({ default: '12:00' })
  @IsOmittable()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  opensAtTime?: string;

  @ApiPropertyOptional({ default: '16:00' })
  @IsOmittable()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  cutoffTime?: string;
}
