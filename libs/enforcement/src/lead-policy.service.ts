import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, TransactionRunner } from '#libs/shared';
import { orThrow } from '#libs/kernel';
import { AuditService } from '#libs/audit';
import { OrgDirectory } from '#libs/org';
import {
  DEFAULT_LEAD_DEADLINE_POLICY,
  type LeadDeadlinePolicy,
  validateLeadDeadlinePolicy,
} from './domain/index.js';
import { LeadPolicyRecord } from './lead.entity.js';
import { enforcementError } from './enforcement.errors.js';
import type { LeadPolicyDto } from './dto/lead.dto.js';

export interface LeadPolicyView {
  departmentId: number;
  /** False while the department runs on the defaults (important 3 days, normal 7). */
  configured: boolean;
  importantDays: number;
  normalDays: number;
}

/** A department's lead deadlines. A lead keeps the deadline it got when reported; changes apply to new leads. */
@Injectable()
export class LeadPolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgDirectory,
  ) {}

  async policyFor(
    departmentId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LeadDeadlinePolicy> {
    const record = await manager.findOneBy(LeadPolicyRecord, { departmentId });
    return record
      ? { daysByImportance: { important: record.importantDays, normal: record.normalDays } }
      : DEFAULT_LEAD_DEADLINE_POLICY;
  }

  async get(actor: Actor, departmentId?: number): Promise<LeadPolicyView> {
    const department = await this.org.resolveDepartment(actor, departmentId);
    const record = await this.dataSource.manager.findOneBy(LeadPolicyRecord, { departmentId: department });
    const { important, normal } = DEFAULT_LEAD_DEADLINE_POLICY.daysByImportance;
    return {
      departmentId: department,
      configured: record !== null,
      importantDays: record?.importantDays ?? important,
      normalDays: record?.normalDays ?? normal,
    };
  }

  async put(actor: Actor, dto: LeadPolicyDto): Promise<LeadPolicyView> {
    const departmentId = await this.org.resolveDepartment(actor, dto.departmentId);
    orThrow(
      validateLeadDeadlinePolicy({ important: dto.importantDays, normal: dto.normalDays }),
      enforcementError,
    );
    await this.transactions.run(async (manager) => {
      const before = await manager.findOneBy(LeadPolicyRecord, { departmentId });
      await manager.upsert(
        LeadPolicyRecord,
        { departmentId, importantDays: dto.importantDays, normalDays: dto.normalDays },
        ['departmentId'],
      );
      await this.audit.record(manager, actor, {
        action: 'lead_policy.put',
        entityType: 'lead_policy',
        entityId: departmentId,
        before: before ? { importantDays: before.importantDays, normalDays: before.normalDays } : null,
        after: { importantDays: dto.importantDays, normalDays: dto.normalDays },
        departmentId,
      });
    });
    return { departmentId, configured: true, importantDays: dto.importantDays, normalDays: dto.normalDays };
  }
}
