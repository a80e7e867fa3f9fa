export * from './calendar.module.js';
export * from './calendar.entity.js';
export * from './business-calendar-directory.js';
export * from './calendar-cycles.js';
export { calendarError } from './calendar.errors.js';
export { CALENDAR_DAY_KINDS, type CalendarDayKind, type CalendarEntry } from './domain/index.js';
