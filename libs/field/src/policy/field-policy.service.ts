import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { type Actor, Clock, TransactionRunner } from '#libs/shared';
import { AuditService } from '#libs/audit';
import { OrgDirectory } from '#libs/org';
import { fieldError } from '../field.errors.js';
import { FieldPolicy } from './field-policy.entity.js';
import { DEFAULT_FIELD_POLICY, FIELD_POLICY_KEYS, type FieldPolicyValues } from './field-policy.values.js';
import type { UpdateFieldPolicyDto } from './dto/field-policy.dto.js';

export interface FieldPolicyView extends FieldPolicyValues {
  departmentId: number;
  /** True while the department works to the defaults (no policy of its own). */
  isDefault: boolean;
  updatedBy: number | null;
  updatedAt: Date | null;
}

@Injectable()
export class FieldPolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgDirectory,
    private readonly clock: Clock,
  ) {}

  /** The policy a department works to: its own, or the defaults. */
  async valuesFor(
    departmentId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FieldPolicyValues> {
    const row = await manager.findOneBy(FieldPolicy, { departmentId });
    return row ? pickValues(row) : { ...DEFAULT_FIELD_POLICY };
  }

  /** The policy each department works to (its own, or the defaults), in one query. */
  async valuesOf(departmentIds: readonly number[]): Promise<Map<number, FieldPolicyValues>> {
    const unique = [...new Set(departmentIds)];
    const rows = unique.length
      ? await this.dataSource.manager.findBy(FieldPolicy, { departmentId: In(unique) })
      : [];
    const own = new Map(rows.map((row) => [row.departmentId, pickValues(row)]));
    return new Map(unique.map((id) => [id, own.get(id) ?? { ...DEFAULT_FIELD_POLICY }]));
  }

  async get(actor: Actor, departmentId: number): Promise<FieldPolicyView> {
    await this.org.resolveDepartment(actor, departmentId);
    const row = await this.dataSource.manager.findOneBy(FieldPolicy, { departmentId });
    return row
      ? {
          departmentId,
          ...pickValues(row),
          isDefault: false,
          updatedBy: row.updatedBy,
          updatedAt: row.updatedAt,
        }
      : { departmentId, ...DEFAULT_FIELD_POLICY, isDefault: true, updatedBy: null, updatedAt: null };
  }

  async update(actor: Actor, departmentId: number, dto: UpdateFieldPolicyDto): Promise<FieldPolicyView> {
    await this.org.resolveDepartment(actor, departmentId);
    return this.transactions.run(async (manager) => {
      // Make sure the row exists, then lock it: concurrent changes apply one after the other.
      await manager
        .createQueryBuilder()
        .insert()
        .into(FieldPolicy)
        .values({ departmentId, ...DEFAULT_FIELD_POLICY, updatedBy: actor.userId })
        .orIgnore()
        .execute();
      const row = await manager.findOneOrFail(FieldPolicy, {
        where: { departmentId },
        lock: { mode: 'pessimistic_write' },
      });
      const before = pickValues(row);
      const after: FieldPolicyValues = { ...before };
      for (const key of FIELD_POLICY_KEYS) {
        if (dto[key] !== undefined) after[key] = dto[key];
      }
      if (after.bigAccountVisitDays > after.regularVisitDays) {
        throw fieldError('FIELD_POLICY_INVALID', {
          bigAccountVisitDays: after.bigAccountVisitDays,
          regularVisitDays: after.regularVisitDays,
        });
      }
      const updatedAt = this.clock.now();
      await manager.update(FieldPolicy, { departmentId }, { ...after, updatedBy: actor.userId, updatedAt });
      await this.audit.record(manager, actor, {
        action: 'field_policy.update',
        entityType: 'field_policy',
        entityId: departmentId,
        before,
        after,
        departmentId,
      });
      return { departmentId, ...after, isDefault: false, updatedBy: actor.userId, updatedAt };
    });
  }
}

function pickValues(row: FieldPolicyValues): FieldPolicyValues {
  return Object.fromEntries(FIELD_POLICY_KEYS.map((key) => [key, row[key]])) as unknown as FieldPolicyValues;
}
