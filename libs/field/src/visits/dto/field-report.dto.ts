import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, Matches, Min } from 'class-validator';
import { IsOmittable, PageQuery, IntegerText, IsMonthText } from '#libs/shared';
import { DATE_PATTERN } from '../../http/field-query.js';

export class OverdueQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-11-28', description: 'As of this business date (default: today)' })
  @IsOmittable()
  @Matches(DATE_PATTERN, { message: 'on must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'on must be a calendar date' })
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
