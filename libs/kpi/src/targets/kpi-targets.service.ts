import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, TransactionRunner } from '#libs/shared';
import { AuditService } from '#libs/audit';
import { OrgDirectory } from '#libs/org';
import {
  KPI_CODES,
  KPI_DEFINITIONS,
  type KpiCode,
  type KpiTarget,
  type KpiTargetOverrides,
} from '../domain/index.js';
import { kpiError } from '../kpi.errors.js';
import { KpiTargetSetting } from '../kpi.entities.js';
import { type KpiTargetDto, type PutKpiTargetsDto, VALUED_KINDS } from './kpi-targets.dto.js';

/** The targets a department's KPIs are judged against: its own over the defaults, and per territory. */
export interface DepartmentTargets {
  department: KpiTargetOverrides;
  territories: Map<number, KpiTargetOverrides>;
}

export interface KpiTargetView {
  code: KpiCode;
  label: string;
  unit: string;
  defaultTarget: KpiTarget | null;
  /** The department's target when it set one (null: it removed the target); absent: the default applies. */
  departmentTarget?: KpiTarget | null;
  territoryTargets: Array<{ territoryId: number; target: KpiTarget | null }>;
}

interface TargetRow {
  departmentId: number;
  territoryId: number | null;
  code: KpiCode;
  kind: KpiTargetSetting['kind'];
  value: string | null;
  baseline: KpiTargetSetting['baseline'];
}

@Injectable()
export class KpiTargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgDirectory,
  ) {}

  /** The overrides of some departments, one query. Departments without any answer empty overrides. */
  async targetsOf(departmentIds: readonly number[]): Promise<Map<number, DepartmentTargets>> {
    const rows: TargetRow[] = departmentIds.length
      ? await this.dataSource.query(
          `SELECT department_id AS "departmentId", territory_id AS "territoryId", code, kind, value::text AS value, baseline
             FROM kpi_targets WHERE department_id = ANY($1::int[])`,
          [departmentIds],
        )
      : [];
    const result = new Map<number, DepartmentTargets>(
      departmentIds.map((id) => [id, { department: {}, territories: new Map() }]),
    );
    for (const row of rows) {
      const targets = result.get(row.departmentId)!;
      const target = targetOf(row);
      if (row.territoryId === null) targets.department[row.code] = target;
      else {
        const territory = targets.territories.get(row.territoryId) ?? {};
        territory[row.code] = target;
        targets.territories.set(row.territoryId, territory);
      }
    }
    return result;
  }

  async view(
    actor: Actor,
    departmentId: number,
  ): Promise<{ departmentId: number; targets: KpiTargetView[] }> {
    await this.org.resolveDepartment(actor, departmentId);
    const targets = (await this.targetsOf([departmentId])).get(departmentId)!;
    return {
      departmentId,
      targets: KPI_CODES.map((code) => ({
        code,
        label: KPI_DEFINITIONS[code].label,
        unit: KPI_DEFINITIONS[code].unit,
        defaultTarget: KPI_DEFINITIONS[code].defaultTarget,
        ...(code in targets.department ? { departmentTarget: targets.department[code] ?? null } : {}),
        territoryTargets: [...targets.territories]
          .filter(([, overrides]) => code in overrides)
          .map(([territoryId, overrides]) => ({ territoryId, target: overrides[code] ?? null }))
          .sort((a, b) => a.territoryId - b.territoryId),
      })),
    };
  }

  /**
   * Replaces the department's targets as a whole (KPIs left out go back to the defaults), audited with what
   * was there before. Territories must be the department's.
   */
  async replace(actor: Actor, departmentId: number, dto: PutKpiTargetsDto) {
    await this.org.resolveDepartment(actor, departmentId);
    const seen = new Set<string>();
    for (const target of dto.targets) {
      const key = `${target.code}:${target.territoryId ?? ''}`;
      if (seen.has(key))
        throw kpiError('KPI_TARGET_DUPLICATE', {
          code: target.code,
          territoryId: target.territoryId ?? null,
        });
      seen.add(key);
      assertShape(target);
    }
    const territoryIds = [...new Set(dto.targets.flatMap((t) => (t.territoryId ? [t.territoryId] : [])))];
    if (territoryIds.length) {
      const found = await this.org.territoriesByIds(territoryIds);
      const foreign = territoryIds.filter(
        (id) => !found.some((t) => t.id === id && t.departmentId === departmentId),
      );
      if (foreign.length)
        throw kpiError('KPI_TARGET_INVALID', { territoryIds: foreign }, 'Unknown territories');
    }
    await this.transactions.run(async (manager) => {
      // Serialises concurrent replacements of the same department's set.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `kpi-targets:${departmentId}`,
      ]);
      const before: TargetRow[] = await manager.query(
        `SELECT department_id AS "departmentId", territory_id AS "territoryId", code, kind, value::text AS value, baseline
           FROM kpi_targets WHERE department_id = $1 ORDER BY code, territory_id NULLS FIRST`,
        [departmentId],
      );
      await manager.delete(KpiTargetSetting, { departmentId });
      if (dto.targets.length) {
        await manager.insert(
          KpiTargetSetting,
          dto.targets.map((target) => ({
            departmentId,
            territoryId: target.territoryId ?? null,
            code: target.code,
            kind: target.kind,
            value: target.value === undefined ? null : String(target.value),
            baseline: target.baseline ?? null,
            updatedBy: actor.userId,
          })),
        );
      }
      await this.audit.record(manager, actor, {
        action: 'kpi_targets.replace',
        entityType: 'kpi_targets',
        entityId: departmentId,
        before: { targets: before.map(describe) },
        after: { targets: dto.targets },
        departmentId,
      });
    });
    return this.view(actor, departmentId);
  }
}

function targetOf(row: Pick<TargetRow, 'kind' | 'value' | 'baseline'>): KpiTarget | null {
  switch (row.kind) {
    case 'none':
      return null;
    case 'rising':
      return { kind: 'rising', baseline: row.baseline! };
    default:
      return { kind: row.kind, value: Number(row.value) };
  }
}

function describe(row: TargetRow) {
  return {
    code: row.code,
    territoryId: row.territoryId ?? undefined,
    ...(targetOf(row) ?? { kind: 'none' }),
  };
}

function assertShape(target: KpiTargetDto): void {
  const valued = VALUED_KINDS.includes(target.kind);
  const problem =
    (!valued &&
      target.value !== undefined &&
      'value goes with atLeast / atMost / upByAmount / upByPercent only') ||
    (target.kind !== 'rising' && target.baseline !== undefined && 'baseline goes with rising only') ||
    (valued &&
      target.kind !== 'upByPercent' &&
      KPI_DEFINITIONS[target.code].unit === 'count' &&
      !Number.isInteger(target.value) &&
      'a count target is a whole number');
  if (problem)
    throw kpiError('KPI_TARGET_INVALID', { code: target.code, problem }, `Invalid target: ${problem}`);
}
