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

export const TARGET_KINDS = ['atLeast', 'atMost', 'rising', 'upByAmount', 'upByPercent', 'none'] as const;
export const TARGET_BASELINES = ['previousMonth', 'sameMonthLastYear'] as const;

/** The kinds that carry a value. */
export const VALUED_KINDS: ReadonlyArray<(typeof TARGET_KINDS)[number]> = [
  'atLeast',
  'atMost',
  'upByAmount',
  'upByPercent',
];

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
    description:
      'atLeast / atMost a value; rising: not below a baseline (sameMonthLastYear: last year’s same period); ' +
      'upByAmount / upByPercent: up by a value over last year’s same period; none: no target',
  })
  @IsIn(TARGET_KINDS)
  kind: (typeof TARGET_KINDS)[number];

  @ApiPropertyOptional({
    example: 0.7,
    description:
      'atLeast / atMost / upByAmount: a fraction for percent KPIs (0.7 = 70 %), fen for money, else a count; ' +
      'upByPercent: the growth as a fraction (0.05 = 5 %)',
  })
  @ValidateIf((dto: KpiTargetDto) => VALUED_KINDS.includes(dto.kind))
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
