import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsOmittable } from '#libs/shared';
import { KPI_CODES, type KpiCode } from '../domain/index.js';

export const TARGET_KINDS = ['atLeast', 'atMost', 'rising', 'none'] as const;
export const TARGET_BASELINES = ['previousMonth', 'sameMonthLastYear'] as const;

/** One KPI's target for the department, or for one of its territories. */
export class KpiTargetDto {
  @ApiProperty({ enum: KPI_CODES, example: 'guidanceCoverage' })
  @IsIn(KPI_CODES)
  code: KpiCode;

  @ApiPropertyOptional({ description: 'A territory of the department (default: the whole department)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  territoryId?: number;

  @ApiProperty({
    enum: TARGET_KINDS,
    description: 'atLeast / atMost a value, rising against a baseline, or none (no target)',
  })
  @IsIn(TARGET_KINDS)
  kind: (typeof TARGET_KINDS)[number];

  @ApiPropertyOptional({
    example: 0.7,
    description:
      'atLeast / atMost only: a fraction for percent KPIs (0.7 = 70 %), fen for money, else a count',
  })
  @ValidateIf((dto: KpiTargetDto) => dto.kind === 'atLeast' || dto.kind === 'atMost')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000_000_000)
  value?: number;

  @ApiPropertyOptional({ enum: TARGET_BASELINES, description: 'rising only: what it must not fall below' })
  @ValidateIf((dto: KpiTargetDto) => dto.kind === 'rising')
  @IsIn(TARGET_BASELINES)
  baseline?: (typeof TARGET_BASELINES)[number];
}

/** The department's whole set of targets: KPIs left out work to the defaults of the KPI table. */
export class PutKpiTargetsDto {
  @ApiProperty({ type: [KpiTargetDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => KpiTargetDto)
  targets: KpiTargetDto[];
}
