import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Length, Min } from 'class-validator';
import { IsOmittable, PageQuery, IntegerText } from '#libs/shared';
import { KpiMonthQuery } from '../../dto/kpi-query.dto.js';

export class KeyBrandCultivationQuery extends KpiMonthQuery {}

export class NewSpecAnalysisQuery {
  @ApiPropertyOptional({ description: 'Only this department (admins: required when there are several)' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  departmentId?: number;
}

export const TASK_FILTERS = ['open', 'overdue', 'submitted'] as const;

export class CultivationTaskQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: TASK_FILTERS,
    description: 'open (not submitted, overdue included), overdue (open past its due date), submitted',
  })
  @IsOmittable()
  @IsIn(TASK_FILTERS)
  status?: (typeof TASK_FILTERS)[number];

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  brandId?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  territoryId?: number;
}

/** The account manager's written analysis of a new spec 新品分析 in its territory. */
export class SubmitCultivationTaskDto {
  @ApiProperty({ description: 'Sales trend 销售趋势', maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  salesTrend: string;

  @ApiProperty({ description: 'Consumer opinion 消费者评价', maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  consumerOpinion: string;

  @ApiProperty({ description: 'Ordering 订购情况 (retailers taking it up, repeat orders)', maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  ordering: string;
}

export class GenerateCultivationTasksDto {
  @ApiPropertyOptional({
    description: 'Only this spec (default: every spec launched in the last 30 days)',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  brandId?: number;
}
