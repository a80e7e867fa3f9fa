import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, TransactionRunner } from '#libs/shared';
import { orThrow } from '#libs/kernel';
import { AuditService } from '#libs/audit';
import { OrgDirectory } from '#libs/org';
import {
  type CasePolicy,
  checkAnswerHours,
  DEFAULT_PROBLEM_ANSWER_HOURS,
  type ProblemKind,
  problemPolicy,
} from '../domain/index.js';
import { ProblemPolicyRecord } from '../interactions.entities.js';
import { interactionError } from '../interactions.errors.js';
import type { ProblemPolicyDto } from './problems.dto.js';

export interface ProblemPolicyView {
  departmentId: number;
  /** False while the department runs on the default (48 hours). */
  configured: boolean;
  answerHours: number;
}

/** A department's answer time for problems. A problem keeps the deadline it was raised with. */
@Injectable()
export class ProblemPolicyService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgDirectory,
  ) {}

  async policyFor(
    manager: EntityManager,
    departmentId: number,
  ): Promise<CasePolicy<ProblemKind, 'market_manager'>> {
    return problemPolicy((await this.view(manager, departmentId)).answerHours);
  }

  async get(actor: Actor, departmentId?: number): Promise<ProblemPolicyView> {
    const department = await this.org.resolveDepartment(actor, departmentId);
    return this.transactions.run((manager) => this.view(manager, department));
  }

  async put(actor: Actor, dto: ProblemPolicyDto): Promise<ProblemPolicyView> {
    const departmentId = await this.org.resolveDepartment(actor, dto.departmentId);
    const answerHours = orThrow(
      checkAnswerHours('PROBLEM_POLICY_INVALID', dto.answerHours),
      interactionError,
    );
    return this.transactions.run(async (manager) => {
      const before = await this.view(manager, departmentId);
      await manager.upsert(ProblemPolicyRecord, { departmentId, answerHours }, ['departmentId']);
      await this.audit.record(manager, actor, {
        action: 'problem_policy.put',
        entityType: 'problem_policy',
        entityId: departmentId,
        before: before.configured ? { answerHours: before.answerHours } : null,
        after: { answerHours },
        departmentId,
      });
      return { departmentId, configured: true, answerHours };
    });
  }

  private async view(manager: EntityManager, departmentId: number): Promise<ProblemPolicyView> {
    const record = await manager.findOneBy(ProblemPolicyRecord, { departmentId });
    return {
      departmentId,
      configured: record !== null,
      answerHours: record?.answerHours ?? DEFAULT_PROBLEM_ANSWER_HOURS,
    };
  }
}
