import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#libs/audit';
import { AttachmentsModule } from '#libs/attachments';
import { CalendarModule } from '#libs/calendar';
import { CatalogModule } from '#libs/catalog';
import { OrgModule } from '#libs/org';
import { QuotasModule } from '#libs/quotas';
import { RetailersModule } from '#libs/retailers';
import { orderingEntities } from './ordering.entity.js';
import { ApprovalInboxService } from './approval-inbox.service.js';
import { CycleBoardService } from './cycle-board.service.js';
import { CycleCloseService } from './cycle-close.service.js';
import { CyclePlanner } from './cycle-planner.service.js';
import { DemandsService } from './demands.service.js';
import { OrderCyclesService } from './order-cycles.service.js';
import { OrderingReportsService } from './ordering-reports.service.js';
import { NoDemandService } from './no-demand.service.js';
import { OrderingJobs } from './ordering.jobs.js';
import { OrderingFacts } from './ordering-facts.service.js';
import { OrderingOrgMove } from './ordering-org-move.js';
import { DemandsController, OrderCyclesController } from './ordering.controller.js';

@Module({
  imports: [
    TypeOrmModule.forFeature(orderingEntities),
    AuditModule,
    AttachmentsModule,
    CalendarModule,
    CatalogModule,
    OrgModule,
    QuotasModule,
    RetailersModule,
  ],
  providers: [
    OrderCyclesService,
    CyclePlanner,
    DemandsService,
    ApprovalInboxService,
    CycleBoardService,
    CycleCloseService,
    OrderingReportsService,
    NoDemandService,
    OrderingJobs,
    OrderingFacts,
    OrderingOrgMove,
  ],
  controllers: [DemandsController, OrderCyclesController],
  exports: [OrderCyclesService, CycleCloseService, OrderingFacts, OrderingReportsService],
})
export class OrderingModule {}
