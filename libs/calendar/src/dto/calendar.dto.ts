import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Matches,
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

/** How late a month may be closed: from the n-th working day of the next month (1–10), at a business time. */
export const MONTH_CLOSE_WORKING_DAYS = { min: 1, max: 10 } as const;

/** The department's rules; a field left out keeps its current value (or its default). */
export class CalendarPolicyDto {
  @ApiPropertyOptional({
    enum: DAY_OFF_RULES,
    description:
      'An order day on a day off moves to the working day before (earlier), after (later), or is cancelled',
  })
  @IsOmittable()
  @IsIn(DAY_OFF_RULES)
  orderDayOff?: DayOffRule;

  @ApiPropertyOptional({
    minimum: MONTH_CLOSE_WORKING_DAYS.min,
    maximum: MONTH_CLOSE_WORKING_DAYS.max,
    description: 'Last month stays open for late checks, results and confirmations until this working day',
  })
  @IsOmittable()
  @IsInt()
  @Min(MONTH_CLOSE_WORKING_DAYS.min)
  @Max(MONTH_CLOSE_WORKING_DAYS.max)
  monthCloseWorkingDay?: number;

  @ApiPropertyOptional({ example: '09:00', description: '… at this business time (HH:MM)' })
  @IsOmittable()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  monthCloseAt?: string;
}
