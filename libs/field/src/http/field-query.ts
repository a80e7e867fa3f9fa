import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { IsOmittable, PageQuery, IntegerText, IsDateText } from '#libs/shared';

/** A full timestamp with its offset: a visit's time is never ambiguous. */
export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `from` / `to` business dates (both included), and the filters every field-work list shares. */
export class FieldPeriodQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'From this business date (included)' })
  @IsOmittable()
  @IsDateText()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Until this business date (included)' })
  @IsOmittable()
  @IsDateText()
  to?: string;

  @ApiPropertyOptional({ description: 'Only what this account manager recorded' })
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
  retailerId?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  territoryId?: number;
}
