import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#libs/audit';
import { CatalogModule } from '#libs/catalog';
import { OrgModule } from '#libs/org';
import { RetailersModule } from '#libs/retailers';
import { GradePolicyRecord, QuotaPolicyRecord, RetailerQuota, ScarceLimitRecord } from './quota.entity.js';
import { CyclesLeft } from './cycles-left.js';
import { QuotaCalculator } from './quota-calculator.js';
import { QuotaLedger } from './quota-ledger.service.js';
import { QuotaListService } from './quota-list.service.js';
import { QuotaPolicyService } from './quota-policy.service.js';
import { QuotaService } from './quota.service.js';
import { QuotaJobs } from './quota.jobs.js';
import { QuotasOrgMove } from './quotas-org-move.js';
import { ScarceLimitsService } from './scarce-limits.service.js';
import { QuotasController } from './quotas.controller.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([QuotaPolicyRecord, GradePolicyRecord, RetailerQuota, ScarceLimitRecord]),
    AuditModule,
    CatalogModule,
    OrgModule,
    RetailersModule,
  ],
  providers: [
    QuotaPolicyService,
    QuotaCalculator,
    QuotaService,
    QuotaListService,
    QuotaLedger,
    ScarceLimitsService,
    QuotaJobs,
    QuotasOrgMove,
    CyclesLeft,
  ],
  controllers: [QuotasController],
  exports: [QuotaLedger, CyclesLeft],
})
export class QuotasModule {}
