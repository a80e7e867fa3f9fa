import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#libs/audit';
import { CalendarModule } from '#libs/calendar';
import { AuthModule } from '#libs/auth';
import { CatalogModule } from '#libs/catalog';
import { FieldModule } from '#libs/field';
import { KpiModule } from '#libs/kpi';
import { OrderingFacts, OrderingModule } from '#libs/ordering';
import { OrgModule } from '#libs/org';
import { RetailersModule } from '#libs/retailers';
import { OrderLinesExportService } from './exports/order-lines-export.service.js';
import { reportEntities } from './kpi-workbook/kpi-workbook.entity.js';
import { KpiWorkbookService } from './kpi-workbook/kpi-workbook.service.js';
import { MonthCloseJobs } from './month-close/month-close.jobs.js';
import { MonthCloseService } from './month-close/month-close.service.js';
import { MonthCorrectionsService } from './month-close/month-corrections.service.js';
import { ReportsController } from './reports.controller.js';

/** The KPI workbook (made on request, stored at month close), the month close itself and big detail exports. */
@Module({
  imports: [
    TypeOrmModule.forFeature(reportEntities),
    AuditModule,
    AuthModule,
    CalendarModule,
    CatalogModule,
    KpiModule,
    OrgModule,
    OrderingModule,
    RetailersModule,
    // The same registration as the application's: Nest keeps one FieldModule for identical options.
    FieldModule.register({ actualVolumes: { imports: [OrderingModule], useExisting: OrderingFacts } }),
  ],
  providers: [
    KpiWorkbookService,
    MonthCloseService,
    MonthCorrectionsService,
    MonthCloseJobs,
    OrderLinesExportService,
  ],
  controllers: [ReportsController],
  exports: [MonthCloseService],
})
export class ReportsModule {}
