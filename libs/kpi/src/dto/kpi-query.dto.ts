import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Matches, Min } from 'class-validator';
import { IsOmittable, IntegerText } from '#libs/shared';

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `?month=YYYY-MM` (default: the current month) and, for admins, `departmentId`. */
export class KpiMonthQuery {
  @ApiPropertyOptional({ example: '2026-11', description: 'The month (default: the current month)' })
  @IsOmittable()
  @Matches(MONTH_PATTERN, { message: 'month must be a month YYYY-MM' })
  month?: string;

  @ApiPropertyOptional({ description: 'Only this department (admins: required when there are several)' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  departmentId?: number;
}
