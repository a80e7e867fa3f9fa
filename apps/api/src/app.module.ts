import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AppConfigModule, type AppConfig, DatabaseModule, dataSourceOptions } from '#libs/shared';
import { migrations } from '#db/migrations/index';
import { AuditModule } from '#libs/audit';
import { AuthModule } from '#libs/auth';
import { AttachmentsModule } from '#libs/attachments';
import { OrgModule } from '#libs/org';
import { CalendarModule } from '#libs/calendar';
import { CatalogModule } from '#libs/catalog';
import { RetailersModule } from '#libs/retailers';
import { QuotasModule } from '#libs/quotas';
import { OrderingFacts, OrderingModule } from '#libs/ordering';
import { FieldModule } from '#libs/field';
import { EnforcementModule } from '#libs/enforcement';
import { DeliveryModule } from '#libs/delivery';
import { KpiModule } from '#libs/kpi';
import { ReportsModule } from '#libs/reports';
import { JobsModule } from '#libs/jobs';
import { BackupModule } from '#libs/backup';
import { InteractionsModule } from '#libs/interactions';
import { HealthController } from './health/health.controller.js';

export interface AppModuleOptions {
  config: AppConfig;
  /** The resolved database URL (the embedded server's when `DATABASE_URL` is unset). */
  databaseUrl: string;
}

/** Composes the bounded contexts; nothing domain-specific lives here. */
@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        DatabaseModule.forRoot(
          dataSourceOptions({
            url: databaseUrl,
            timeZone: config.timeZone,
            migrations,
            poolWaitMs: config.databasePoolWaitMs,
          }),
        ),
        ScheduleModule.forRoot(),
        AuditModule,
        OrgModule,
        CalendarModule,
        AuthModule,
        AttachmentsModule,
        CatalogModule,
        RetailersModule,
        QuotasModule,
        OrderingModule,
        // Forecast accuracy takes its actuals (approved, consolidated demand) from ordering.
        FieldModule.register({ actualVolumes: { imports: [OrderingModule], useExisting: OrderingFacts } }),
        EnforcementModule,
        DeliveryModule,
        KpiModule,
        ReportsModule,
        BackupModule,
        InteractionsModule,
        // Last: it finds the other contexts' scheduled work (@ScheduledJob) and runs the schedule table.
        JobsModule,
      ],
      controllers: [HealthController],
    };
  }
}
