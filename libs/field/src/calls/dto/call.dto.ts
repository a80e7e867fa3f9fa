import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsISO8601, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable } from '#libs/shared';
import { FieldPeriodQuery, INSTANT_PATTERN } from '../../http/field-query.js';

export class RecordCallDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  retailerId: number;

  @ApiProperty({ example: '2026-11-28T15:10:00+08:00' })
  @IsString()
  @Matches(INSTANT_PATTERN, {
    message: 'calledAt must be a timestamp with offset, e.g. 2026-11-28T15:10:00+08:00',
  })
  @IsISO8601({ strict: true })
  calledAt: string;

  @ApiPropertyOptional({ default: true, description: 'False when nobody answered' })
  @IsOmittable()
  @IsBoolean()
  reached?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 14400 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(14_400)
  durationSeconds?: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOmittable()
  @IsString()
  @MaxLength(1000)
  notes?: string;
}

export class CallQuery extends FieldPeriodQuery {
  @ApiPropertyOptional({ description: 'Only answered (true) or unanswered (false) calls' })
  @IsOmittable()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  reached?: boolean;
}
