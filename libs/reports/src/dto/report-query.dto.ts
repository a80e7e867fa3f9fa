import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Matches, Min } from 'class-validator';
import { IsOmittable, IntegerText } from '#libs/shared';

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export class KpiWorkbookQuery {
  @ApiProperty({ example: '2026-11' })
  @Matches(MONTH_PATTERN, { message: 'month must be a month YYYY-MM' })
  month: string;

  @ApiPropertyOptional({ description: 'Admins: the department (required when there are several)' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  departmentId?: number;
}

export class OrderLinesExportQuery extends KpiWorkbookQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOmittable()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';
}

export class CloseMonthQuery {
  @ApiPropertyOptional({ description: 'Only this department (default: every department)' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  departmentId?: number;
}
