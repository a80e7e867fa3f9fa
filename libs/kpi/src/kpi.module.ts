import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#libs/audit';
import { AuthModule } from '#libs/auth';
import { CatalogModule } from '#libs/catalog';
import { DeliveryModule } from '#libs/delivery';
import { EnforcementModule } from '#libs/enforcement';
import { FieldModule } from '#libs/field';
import { OrderingFacts, OrderingModule } from '#libs/ordering';
import { OrgModule } from '#libs/org';
import { RetailersModule } from '#libs/retailers';
import { CultivationController } from './cultivation/cultivation.controller.js';
import { CultivationService } from './cultivation/cultivation.service.js';
import { CultivationTasksService } from './cultivation/cultivation-tasks.service.js';
import { kpiEntities } from './kpi.entities.js';
import { KpiController } from './kpi.controller.js';
import { KpiJobs } from './kpi.jobs.js';
import { KpiOrgMove } from './kpi-org-move.js';
import { KpiService } from './kpi.service.js';
import { KpiFactsCollector } from './month/kpi-facts.collector.js';
import { KpiMonthService } from './month/kpi-month.service.js';
import { KpiTargetsService } from './targets/kpi-targets.service.js';

/**
 * Monthly KPIs (live, and immutable snapshots of closed months), their targets, and brand cultivation. Reads
 * nothing but the facts other contexts export.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(kpiEntities),
    AuditModule,
    AuthModule,
    CatalogModule,
    DeliveryModule,
    EnforcementModule,
    OrgModule,
    RetailersModule,
    OrderingModule,
    // The same registration as the application's: Nest keeps one FieldModule for identical options.
    FieldModule.register({ actualVolumes: { imports: [OrderingModule], useExisting: OrderingFacts } }),
  ],
  providers: [
    KpiFactsCollector,
    KpiTargetsService,
    KpiMonthService,
    KpiService,
    CultivationService,
    CultivationTasksService,
    KpiJobs,
    KpiOrgMove,
  ],
  controllers: [KpiController, CultivationController],
  exports: [KpiMonthService, CultivationService],
})
export class KpiModule {}
