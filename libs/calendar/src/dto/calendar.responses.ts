import { ApiProperty } from '@nestjs/swagger';
import { DAY_OFF_RULES, type DayOffRule } from '#libs/kernel';
import type { CalendarCycleEffect, CycleChange, CycleDates, CycleLeftAlone } from '../calendar-cycles.js';
import type {
  CalendarPolicySaveResult,
  CalendarPolicyView,
  CalendarSaveResult,
  CalendarYearView,
} from '../calendar.service.js';
import {
  CALENDAR_DAY_KINDS,
  type CalendarDayKind,
  type CalendarEntry,
  type HolidayListChange,
} from '../domain/index.js';

// What the calendar routes answer, for the OpenAPI document (each class implements the type the service
// returns, so the compiler keeps the two together).

const DAY = { format: 'date', example: '2026-10-01' } as const;
const INSTANT = { type: String, format: 'date-time' } as const;
const DAY_OFF_RULE = {
  enum: DAY_OFF_RULES,
  description: 'An order day on a day off moves earlier, later, or is cancelled',
} as const;

class CalendarDayResponse implements CalendarEntry {
  @ApiProperty(DAY) date: string;
  @ApiProperty({ enum: CALENDAR_DAY_KINDS, description: 'dayOff 休息 or workingDay 调休上班' })
  kind: CalendarDayKind;
  @ApiProperty({ example: '国庆节', description: 'May be empty' }) name: string;
}

export class CalendarYearResponse implements CalendarYearView {
  @ApiProperty() departmentId: number;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty(DAY_OFF_RULE) orderDayOff: DayOffRule;
  @ApiProperty({ type: [CalendarDayResponse], description: 'Days that differ from the ordinary week' })
  days: CalendarDayResponse[];
  @ApiProperty({ description: 'Working days in the year with these days' }) workingDays: number;
}

class CalendarDayChange {
  @ApiProperty() before: CalendarDayResponse;
  @ApiProperty() after: CalendarDayResponse;
}

class HolidayListChangeResponse implements HolidayListChange {
  @ApiProperty({ type: [CalendarDayResponse] }) added: CalendarDayResponse[];
  @ApiProperty({ type: [CalendarDayResponse] }) removed: CalendarDayResponse[];
  @ApiProperty({ type: [CalendarDayChange] }) changed: CalendarDayChange[];
}

class CycleDatesResponse implements CycleDates {
  @ApiProperty(DAY) orderDate: string;
  @ApiProperty(INSTANT) opensAt: Date;
  @ApiProperty(INSTANT) cutoffAt: Date;
  @ApiProperty({ example: 'scheduled' }) status: string;
}

class CycleChangeResponse implements CycleChange {
  @ApiProperty() cycleId: number;
  @ApiProperty() territoryId: number;
  @ApiProperty({ ...DAY, description: 'The order week’s Monday (never changes)' }) orderWeek: string;
  @ApiProperty() before: CycleDatesResponse;
  @ApiProperty() after: CycleDatesResponse;
}

class CycleLeftAloneResponse implements CycleLeftAlone {
  @ApiProperty() cycleId: number;
  @ApiProperty() territoryId: number;
  @ApiProperty(DAY) orderWeek: string;
  @ApiProperty(DAY) orderDate: string;
  @ApiProperty({ enum: ['alreadyOpen', 'placedByHand'] }) reason: 'alreadyOpen' | 'placedByHand';
}

class CalendarCycleEffectResponse implements CalendarCycleEffect {
  @ApiProperty({ type: [CycleChangeResponse] }) changed: CycleChangeResponse[];
  @ApiProperty({ type: [CycleLeftAloneResponse], description: 'Cycles on a day off the change leaves alone' })
  leftAlone: CycleLeftAloneResponse[];
}

export class CalendarSaveResponse extends CalendarYearResponse implements CalendarSaveResult {
  @ApiProperty({ description: 'Nothing was saved: this is what saving would do' }) dryRun: boolean;
  @ApiProperty() change: HolidayListChangeResponse;
  @ApiProperty({ description: 'The order cycles the change moves or cancels' })
  cycles: CalendarCycleEffectResponse;
}

export class CalendarPolicyResponse implements CalendarPolicyView {
  @ApiProperty() departmentId: number;
  @ApiProperty(DAY_OFF_RULE) orderDayOff: DayOffRule;
  @ApiProperty({ description: 'Last month may be closed from this working day of the next month (1–10)' })
  monthCloseWorkingDay: number;
  @ApiProperty({ example: '09:00', description: '… at this business time' }) monthCloseAt: string;
  @ApiProperty({
    description: 'False while the department works to the defaults (earlier; 3rd working day, 09:00)',
  })
  configured: boolean;
}

export class CalendarPolicySaveResponse extends CalendarPolicyResponse implements CalendarPolicySaveResult {
  @ApiProperty({ description: 'Nothing was saved: this is what saving would do' }) dryRun: boolean;
  @ApiProperty() cycles: CalendarCycleEffectResponse;
}
