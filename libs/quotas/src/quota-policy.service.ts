import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, ExpiringCache, TransactionRunner } from '#libs/shared';
import { orThrow } from '#libs/kernel';
import { AuditService } from '#libs/audit';
import { OrgDirectory } from '#libs/org';
import {
  createPolicyBaseLookup,
  DEFAULT_PACING_FACTOR_BP,
  DEFAULT_QUOTA_POLICY,
  defaultGradePolicy,
  type GradePolicyRow,
  type PolicyBaseLookup,
  type QuotaPolicy,
  validateFloatAllowances,
  validateGradePolicy,
} from './domain/index.js';
import { GradePolicyRecord, QuotaPolicyRecord } from './quota.entity.js';
import { quotaError } from './quota.errors.js';
import type { QuotaPolicyDto } from './dto/quota.dto.js';

/** A department's quota policy as the rules use it. */
export interface DepartmentQuotaPolicy {
  departmentId: number;
  /** False while the department still runs on the defaults. */
  configured: boolean;
  policy: QuotaPolicy;
  pacingFactorBp: number;
  grades: GradePolicyRow[];
  baseFor: PolicyBaseLookup;
}

@Injectable()
export class QuotaPolicyService {
  private readonly current = new ExpiringCache<number, DepartmentQuotaPolicy>(60_000);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgDirectory,
  ) {}

  /** The policies of several departments in two queries; departments without one get the defaults. */
  async policiesFor(
    departmentIds: number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, DepartmentQuotaPolicy>> {
    const unique = [...new Set(departmentIds)];
    const records = unique.length
      ? await manager.findBy(
          QuotaPolicyRecord,
          unique.map((departmentId) => ({ departmentId })),
        )
      : [];
    const gradeRows = unique.length
      ? await manager.query(
          `SELECT department_id AS "departmentId", grade, scale, market_type AS "marketType", base_monthly_total AS "baseMonthlyTotal"
             FROM grade_policies WHERE department_id = ANY($1)`,
          [unique],
        )
      : [];
    return new Map(
      unique.map((departmentId) => {
        const record = records.find((r) => r.departmentId === departmentId);
        const rows: GradePolicyRow[] = gradeRows
          .filter((row: { departmentId: number }) => row.departmentId === departmentId)
          .map(({ grade, scale, marketType, baseMonthlyTotal }: GradePolicyRow) => ({
            grade,
            scale,
            marketType,
            baseMonthlyTotal,
          }));
        const grades = rows.length ? rows : defaultGradePolicy();
        const policy: QuotaPolicy = record
          ? {
              floatAllowances: {
                large: record.largeFloatBp,
                medium: record.mediumFloatBp,
                small: record.smallFloatBp,
              },
              floating: {
                trailingWindowMonths: record.trailingWindowMonths,
                maxMonthlyChangeBp: record.maxMonthlyChangeBp,
              },
            }
          : DEFAULT_QUOTA_POLICY;
        return [
          departmentId,
          {
            departmentId,
            configured: record !== undefined,
            policy,
            pacingFactorBp: record?.pacingFactorBp ?? DEFAULT_PACING_FACTOR_BP,
            grades,
            baseFor: createPolicyBaseLookup(grades),
          },
        ];
      }),
    );
  }

  async policyFor(departmentId: number, manager?: EntityManager): Promise<DepartmentQuotaPolicy> {
    return (await this.policiesFor([departmentId], manager)).get(departmentId)!;
  }

  /**
   * The policy as the request path reads it (every demand submission needs the pacing factor): cached for a
   * minute; a change made here is seen at once, one made on another replica within the minute.
   */
  currentPolicy(departmentId: number, manager?: EntityManager): Promise<DepartmentQuotaPolicy> {
    // Loaded through the caller's transaction when it has one: a second pooled connection could deadlock the pool.
    return this.current.get(departmentId, () => this.policyFor(departmentId, manager));
  }

  async get(actor: Actor, departmentId?: number) {
    const { baseFor: _, ...view } = await this.policyFor(
      await this.org.resolveDepartment(actor, departmentId),
    );
    return view;
  }

  /** Replaces a department's policy as a whole, after the domain rules accept it. */
  async put(actor: Actor, dto: QuotaPolicyDto) {
    const departmentId = await this.org.resolveDepartment(actor, dto.departmentId);
    orThrow(validateFloatAllowances(dto.floatAllowancesBp), quotaError);
    const grades: GradePolicyRow[] = dto.grades.map((row) => ({
      grade: row.grade,
      scale: row.scale ?? null,
      marketType: row.marketType ?? null,
      baseMonthlyTotal: row.baseMonthlyTotal,
    }));
    orThrow(validateGradePolicy(grades), quotaError);
    await this.transactions.run(async (manager) => {
      const before = await this.policyFor(departmentId, manager);
      await manager.upsert(
        QuotaPolicyRecord,
        {
          departmentId,
          largeFloatBp: dto.floatAllowancesBp.large,
          mediumFloatBp: dto.floatAllowancesBp.medium,
          smallFloatBp: dto.floatAllowancesBp.small,
          trailingWindowMonths: dto.trailingWindowMonths,
          maxMonthlyChangeBp: dto.maxMonthlyChangeBp,
          pacingFactorBp: dto.pacingFactorBp,
        },
        ['departmentId'],
      );
      await manager.delete(GradePolicyRecord, { departmentId });
      await manager.insert(
        GradePolicyRecord,
        grades.map((row) => ({ ...row, departmentId })),
      );
      await this.audit.record(manager, actor, {
        action: 'quota_policy.put',
        entityType: 'quota_policy',
        entityId: departmentId,
        before: { policy: before.policy, pacingFactorBp: before.pacingFactorBp, grades: before.grades },
        after: { ...dto, departmentId },
        departmentId,
      });
    });
    this.current.clear();
    return this.get(actor, departmentId);
  }
}
