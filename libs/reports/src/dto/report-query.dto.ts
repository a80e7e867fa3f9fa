import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsOmittable, IntegerText, IsMonthText } from '#libs/shared';

export class KpiWorkbookQuery {
  @ApiProperty({ example: '2026-11' })
  @IsMonthText()
  month: string;

  @ApiPropertyOptional({ description: 'Admins: the department (required when there are several)' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  departmentId?: number;
}

export class KpiWorkbookVersionQuery extends KpiWorkbookQuery {
  @ApiPropertyOptional({ description: 'A closed month’s version (default: the newest)' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  version?: number;
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

export class CloseMonthDto {
  @ApiPropertyOptional({ description: 'Close although the month waits for its inputs (needs `reason`)' })
  @IsOmittable()
  @IsBoolean()
  force?: boolean;

  @ApiPropertyOptional({ description: 'Why the close is forced (audited); required with `force`' })
  @ValidateIf((dto: CloseMonthDto) => dto.force === true || dto.reason !== undefined)
  @IsString()
  @Matches(/\S/)
  @MaxLength(500)
  reason?: string;
}
