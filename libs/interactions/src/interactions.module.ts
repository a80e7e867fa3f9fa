import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#libs/audit';
import { OrgModule } from '#libs/org';
import { RetailersModule } from '#libs/retailers';
import { interactionEntities } from './interactions.entities.js';
import { ProblemsService } from './problems/problems.service.js';
import { ProblemPolicyService } from './problems/problem-policy.service.js';
import { ProblemJobs } from './problems/problems.jobs.js';
import { ProblemsOrgMove } from './problems/problems.org-move.js';
import { ProblemPolicyController, ProblemsController } from './problems/problems.controller.js';
import { TimelineService } from './timeline/timeline.service.js';
import { TimelineController } from './timeline/timeline.controller.js';

/**
 * Three-role interaction 三员互动: problems one role raises about another's work (on the reusable case
 * lifecycle: raise, answer, escalate, close, with deadlines) and a retailer's three-role timeline.
 */
@Module({
  imports: [TypeOrmModule.forFeature(interactionEntities), AuditModule, OrgModule, RetailersModule],
  providers: [ProblemsService, ProblemPolicyService, ProblemJobs, ProblemsOrgMove, TimelineService],
  controllers: [ProblemsController, ProblemPolicyController, TimelineController],
})
export class InteractionsModule {}
