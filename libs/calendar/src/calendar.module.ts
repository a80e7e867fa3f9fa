import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#libs/audit';
import { OrgModule } from '#libs/org';
import { BusinessCalendarDirectory } from './business-calendar-directory.js';
import { CalendarCycles } from './calendar-cycles.js';
import { CalendarController } from './calendar.controller.js';
import { calendarEntities } from './calendar.entity.js';
import { CalendarService } from './calendar.service.js';

/** The department's holiday calendar and its rule for order days off; read by others through the directory. */
@Module({
  imports: [TypeOrmModule.forFeature(calendarEntities), AuditModule, OrgModule],
  providers: [CalendarService, BusinessCalendarDirectory, CalendarCycles],
  controllers: [CalendarController],
  exports: [BusinessCalendarDirectory, CalendarCycles],
})
export class CalendarModule {}
