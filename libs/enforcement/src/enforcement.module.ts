import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '#libs/attachments';
import { AuditModule } from '#libs/audit';
import { AuthModule } from '#libs/auth';
import { CatalogModule } from '#libs/catalog';
import { OrderingModule } from '#libs/ordering';
import { OrgModule } from '#libs/org';
import { RetailersModule } from '#libs/retailers';
import { enforcementEntities } from './lead.entity.js';
import { LeadsService } from './leads.service.js';
import { LeadWorkflowService } from './lead-workflow.service.js';
import { LeadRatesService } from './lead-rates.service.js';
import { LeadPolicyService } from './lead-policy.service.js';
import { LeadJobs } from './lead.jobs.js';
import { LeadPhotos } from './lead-photos.js';
import { EnforcementOrgMove } from './enforcement-org-move.js';
import { LeadPolicyController, LeadsController } from './leads.controller.js';

@Module({
  imports: [
    TypeOrmModule.forFeature(enforcementEntities),
    AttachmentsModule,
    AuditModule,
    AuthModule,
    CatalogModule,
    OrderingModule,
    OrgModule,
    RetailersModule,
  ],
  providers: [
    LeadsService,
    LeadWorkflowService,
    LeadRatesService,
    LeadPolicyService,
    LeadPhotos,
    LeadJobs,
    EnforcementOrgMove,
  ],
  controllers: [LeadsController, LeadPolicyController],
  exports: [LeadRatesService, LeadWorkflowService],
})
export class EnforcementModule {}
