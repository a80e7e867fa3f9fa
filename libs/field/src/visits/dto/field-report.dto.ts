import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { IsOmittable, PageQuery, IntegerText, IsMonthText, IsDateText } from '#libs/shared';

export class OverdueQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-11-28', description: 'As of this business date (default: today)' })
  @IsOmittable()
  @IsDateText()
  on?: string;

  @ApiPropertyOptional({ description: 'Only this account manager’s territory' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  accountManagerId?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  territoryId?: number;
}

export class MonthQuery {
  @ApiPropertyOptional({ example: '2026-11', description: 'Default: the current month' })
  @IsOmittable()
  @IsMonthText()
  month?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  accountManagerId?: number;
}

/** The sample's size is the department's policy (`guidanceCheckSampleSize`), not the caller's choice. */
export class CheckSampleQuery extends MonthQuery {}
