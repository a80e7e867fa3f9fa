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

export class CheckSampleQuery extends MonthQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 5, description: 'Visits per account manager' })
  @IntegerText()
  @IsInt()
  @Min(1)
  @Max(50)
  size: number = 5;
}
