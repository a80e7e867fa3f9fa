import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DAY_OFF_RULES, type DayOffRule } from '#libs/kernel';
import { BooleanText, ImportQuery, IntegerText, IsDateText, IsOmittable } from '#libs/shared';
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '../domain/index.js';

export const CALENDAR_YEARS = { min: 2000, max: 2099 } as const;
export const MAX_CALENDAR_NAME = 40;

export class CalendarYearParams {
  @ApiProperty({ example: 2026, minimum: CALENDAR_YEARS.min, maximum: CALENDAR_YEARS.max })
  @IntegerText()
  @IsInt()
  @Min(CALENDAR_YEARS.min)
  @Max(CALENDAR_YEARS.max)
  year: number;
}

export class CalendarDepartmentQuery {
  @ApiPropertyOptional({ description: 'The department (admins must name one; others work on their own)' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  departmentId?: number;
}

export class CalendarWriteQuery extends CalendarDepartmentQuery {
  @ApiPropertyOptional({
    description: 'true: answer what saving would change (cycles included), save nothing',
  })
  @IsOmittable()
  @BooleanText()
  @IsBoolean()
  dryRun?: boolean;
}

export class CalendarImportQuery extends IntersectionType(ImportQuery, CalendarWriteQuery) {}

export class CalendarDayDto {
  @ApiProperty({ example: '2026-10-01' })
  @IsDateText()
  date: string;

  @ApiProperty({
    enum: CALENDAR_DAY_KINDS,
    description: 'dayOff 休息 (a holiday) or workingDay 调休上班 (a weekend day worked)',
  })
  @IsIn(CALENDAR_DAY_KINDS)
  kind: CalendarDayKind;

  @ApiPropertyOptional({ example: '国庆节', maxLength: MAX_CALENDAR_NAME })
  @IsOmittable()
  @IsString()
  @MaxLength(MAX_CALENDAR_NAME)
  name?: string;
}

export class PutCalendarYearDto {
  @ApiProperty({ type: [CalendarDayDto], description: 'The year’s whole list: it replaces the one kept' })
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  days: CalendarDayDto[];
}

export class CalendarPolicyDto {
  @ApiProperty({
    enum: DAY_OFF_RULES,
    description:
      'An order day on a day off moves to the working day before (earlier), after (later), or is cancelled',
  })
  @IsIn(DAY_OFF_RULES)
  orderDayOff: DayOffRule;
}
