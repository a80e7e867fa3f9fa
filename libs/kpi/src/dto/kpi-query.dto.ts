import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { IsOmittable, IntegerText, IsMonthText } from '#libs/shared';

/** `?month=YYYY-MM` (default: the current month) and, for admins, `departmentId`. */
export class KpiMonthQuery {
  @ApiPropertyOptional({ example: '2026-11', description: 'The month (default: the current month)' })
  @IsOmittable()
  @IsMonthText()
  month?: string;

  @ApiPropertyOptional({ description: 'Only this department (admins: required when there are several)' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  departmentId?: number;
}
