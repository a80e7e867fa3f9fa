import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
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

/** How far ahead the coming-due list looks: up to a month. */
export const DUE_SOON_MAX_DAYS = 31;

export class DueSoonQuery extends OverdueQuery {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: DUE_SOON_MAX_DAYS,
    default: 7,
    description: 'Due on `on` or within this many days after it (0: due on `on`, the last day on time)',
  })
  @IntegerText()
  @IsInt()
  @Min(0)
  @Max(DUE_SOON_MAX_DAYS)
  withinDays: number = 7;
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
