import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  Clock,
  commonError,
  JobRunner,
  notFound,
  type Page,
  pageOf,
  pageOffset,
  scopeCondition,
  TransactionRunner,
} from '#libs/shared';
import { AuditService, type AuditActor } from '#libs/audit';
import { StaffDirectory } from '#libs/auth';
import { BrandDirectory } from '#libs/catalog';
import { OrgDirectory } from '#libs/org';
import { addDays } from '#libs/kernel';
import { kpiError } from '../kpi.errors.js';
import { CultivationTask } from '../kpi.entities.js';
import { KpiMonthService } from '../month/kpi-month.service.js';
import { NEW_SPEC_DAYS } from './cultivation.service.js';
import type { CultivationTaskQuery, SubmitCultivationTaskDto } from './dto/cultivation.dto.js';

export interface CultivationTaskView {
  id: number;
  brandId: number;
  brandCode: string | null;
  brandName: string | null;
  territoryId: number;
  serviceCenterId: number;
  departmentId: number;
  assignedTo: number | null;
  launchDate: string;
  dueOn: string;
  status: 'open' | 'submitted';
  /** Open past its due date. */
  overdue: boolean;
  analysis: { salesTrend: string; consumerOpinion: string; ordering: string } | null;
  submittedBy: number | null;
  submittedAt: Date | null;
  /** Submitted after its due date. */
  submittedLate: boolean;
  createdAt: Date;
}

export interface CultivationTaskPage extends Page<CultivationTaskView> {
  /** Over the caller's scope and the query's spec/territory, whatever the status filter. */
  summary: { open: number; overdue: number; submitted: number };
}

interface TaskRow {
  id: number;
  brandId: number;
  territoryId: number;
  serviceCenterId: number;
  departmentId: number;
  assignedTo: number | null;
  launchDate: string;
  dueOn: string;
  status: 'open' | 'submitted';
  salesTrend: string | null;
  consumerOpinion: string | null;
  orderingAnalysis: string | null;
  submittedBy: number | null;
  submittedAt: Date | null;
  createdAt: Date;
}

const TASK_COLUMNS = `t.id, t.brand_id AS "brandId", t.territory_id AS "territoryId", t.service_center_id AS "serviceCenterId",
  t.department_id AS "departmentId", t.assigned_to AS "assignedTo", t.launch_date::text AS "launchDate",
  t.due_on::text AS "dueOn", t.status, t.sales_trend AS "salesTrend", t.consumer_opinion AS "consumerOpinion",
  t.ordering_analysis AS "orderingAnalysis", t.submitted_by AS "submittedBy", t.submitted_at AS "submittedAt",
  t.created_at AS "createdAt"`;

/**
 * 新品分析任务: when a spec is launched, every territory's account manager gets a task to submit a written
 * analysis of it (sales trend, consumer opinion, ordering), due 30 days after launch — when the automatic
 * analysis of the first 30 days is complete. Open and overdue tasks are listed by scope.
 */
@Injectable()
export class CultivationTasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly jobs: JobRunner,
    private readonly audit: AuditService,
    private readonly org: OrgDirectory,
    private readonly staff: StaffDirectory,
    private readonly brands: BrandDirectory,
    private readonly months: KpiMonthService,
    private readonly clock: Clock,
  ) {}

  /**
   * Makes the tasks of the specs launched in the last 30 days (or of one spec), for every active territory:
   * once per day under the job runner, and idempotent anyway (one task per spec and territory).
   */
  async generateDue(today: string = this.months.today()): Promise<{ created: number } | null> {
    const outcome = await this.jobs.runOnce('cultivation-tasks', today, (manager) =>
      this.generate(manager, today, 'system'),
    );
    return outcome.status === 'ran' ? outcome.result : null;
  }

  /**
   * An admin (every department) or a department head (its own) makes the tasks of a spec now, e.g. a spec
   * given a launch date after the fact.
   */
  async generateNow(actor: Actor, brandId?: number): Promise<{ created: number }> {
    const departmentIds = actor.role === 'admin' ? undefined : [actor.departmentId ?? -1];
    return this.transactions.run((manager) =>
      this.generate(manager, this.months.today(), actor, brandId, departmentIds),
    );
  }

  async list(actor: Actor, query: CultivationTaskQuery): Promise<CultivationTaskPage> {
    const today = this.months.today();
    const qb = this.dataSource
      .createQueryBuilder()
      .from(CultivationTask, 't')
      .where(...scopeCondition(actor.scope, 't.territory_id'));
    if (query.brandId) qb.andWhere('t.brand_id = :brandId', { brandId: query.brandId });
    if (query.territoryId) qb.andWhere('t.territory_id = :territoryId', { territoryId: query.territoryId });
    const [summary] = await qb
      .clone()
      .select(`count(*) FILTER (WHERE t.status = 'open')::int`, 'open')
      .addSelect(`count(*) FILTER (WHERE t.status = 'open' AND t.due_on < :today)::int`, 'overdue')
      .addSelect(`count(*) FILTER (WHERE t.status = 'submitted')::int`, 'submitted')
      .setParameter('today', today)
      .getRawMany<{ open: number; overdue: number; submitted: number }>();
    if (query.status === 'open') qb.andWhere(`t.status = 'open'`);
    if (query.status === 'submitted') qb.andWhere(`t.status = 'submitted'`);
    if (query.status === 'overdue') qb.andWhere(`t.status = 'open' AND t.due_on < :today`, { today });
    const total = await qb.clone().select('count(*)::int', 'n').getRawOne<{ n: number }>();
    const rows = await qb
      .select(TASK_COLUMNS)
      .orderBy('t.due_on')
      .addOrderBy('t.territory_id')
      .addOrderBy('t.id')
      .offset(pageOffset(query))
      .limit(query.pageSize)
      .getRawMany<TaskRow>();
    return { ...pageOf(await this.views(rows, today), total?.n ?? 0, query), summary };
  }

  async get(actor: Actor, id: number): Promise<CultivationTaskView> {
    const row = await this.visibleRow(actor, id);
    return (await this.views([row], this.months.today()))[0];
  }

  /**
   * The territory's account manager submits the analysis, once; the submission is audited. A task of
   * another territory answers 404 (no existence leak).
   */
  async submit(actor: Actor, id: number, dto: SubmitCultivationTaskDto): Promise<CultivationTaskView> {
    if (actor.orgUnitId === null) throw kpiError('CULTIVATION_NO_TERRITORY');
    const blank = (['salesTrend', 'consumerOpinion', 'ordering'] as const).filter((f) => !dto[f].trim());
    if (blank.length)
      throw commonError(
        'VALIDATION_FAILED',
        blank.map((field) => ({ field, errors: [`${field} must not be blank`] })),
      );
    await this.transactions.run(async (manager) => {
      const [updated]: [TaskRow[], number] = await manager.query(
        `UPDATE cultivation_tasks t SET status = 'submitted', sales_trend = $3, consumer_opinion = $4, ordering_analysis = $5,
                submitted_by = $6, submitted_at = $7
          WHERE t.id = $1 AND t.territory_id = $2 AND t.status = 'open'
          RETURNING ${TASK_COLUMNS}`,
        [
          id,
          actor.orgUnitId,
          dto.salesTrend.trim(),
          dto.consumerOpinion.trim(),
          dto.ordering.trim(),
          actor.userId,
          this.clock.now(),
        ],
      );
      if (!updated.length) {
        const existing = await this.visibleRow(actor, id, manager);
        if (existing.territoryId !== actor.orgUnitId) throw notFound('cultivation task', id);
        throw kpiError('CULTIVATION_TASK_ALREADY_SUBMITTED', { id, submittedAt: existing.submittedAt });
      }
      await this.audit.record(manager, actor, {
        action: 'cultivation_task.submit',
        entityType: 'cultivation_task',
        entityId: id,
        after: { brandId: updated[0].brandId, territoryId: updated[0].territoryId, dueOn: updated[0].dueOn },
        departmentId: updated[0].departmentId,
      });
    });
    return this.get(actor, id);
  }

  private async generate(
    manager: EntityManager,
    today: string,
    actor: AuditActor,
    brandId?: number,
    departmentIds?: readonly number[],
  ): Promise<{ created: number }> {
    const launched = brandId
      ? (await this.brands.factsOf([brandId])).filter((b) => b.launchDate !== null && b.launchDate <= today)
      : await this.brands.launchedBetween(addDays(today, -(NEW_SPEC_DAYS - 1)), today);
    if (brandId && !launched.length) {
      const [brand] = await this.brands.factsOf([brandId]);
      if (!brand) throw notFound('brand', brandId);
      throw kpiError(brand.launchDate ? 'CULTIVATION_NOT_LAUNCHED' : 'CULTIVATION_NOT_A_NEW_SPEC', {
        brandId,
      });
    }
    if (!launched.length) return { created: 0 };
    const territories = (await this.org.territoriesIn(departmentIds)).filter((t) => t.active);
    const managers = new Map(
      (await this.staff.accountManagersOf(territories.map((t) => t.id))).map((m) => [m.orgUnitId, m.userId]),
    );
    const tasks = launched.flatMap((brand) =>
      territories.map((t) => ({
        brand_id: brand.id,
        territory_id: t.id,
        service_center_id: t.serviceCenterId,
        department_id: t.departmentId,
        assigned_to: managers.get(t.id) ?? null,
        launch_date: brand.launchDate,
        due_on: addDays(brand.launchDate!, NEW_SPEC_DAYS),
      })),
    );
    const created: Array<{ id: number; brand_id: number; department_id: number }> = await manager.query(
      `INSERT INTO cultivation_tasks (brand_id, territory_id, service_center_id, department_id, assigned_to, launch_date, due_on)
       SELECT brand_id, territory_id, service_center_id, department_id, assigned_to, launch_date, due_on
         FROM jsonb_to_recordset($1::jsonb) AS x(brand_id int, territory_id int, service_center_id int, department_id int,
                                               assigned_to int, launch_date date, due_on date)
       ON CONFLICT (brand_id, territory_id) DO NOTHING
       RETURNING id, brand_id, department_id`,
      [JSON.stringify(tasks)],
    );
    const byBrandAndDepartment = new Map<string, { brandId: number; departmentId: number; ids: number[] }>();
    for (const row of created) {
      const group = byBrandAndDepartment.get(`${row.brand_id}:${row.department_id}`) ?? {
        brandId: row.brand_id,
        departmentId: row.department_id,
        ids: [],
      };
      group.ids.push(row.id);
      byBrandAndDepartment.set(`${row.brand_id}:${row.department_id}`, group);
    }
    await this.audit.record(
      manager,
      actor,
      ...[...byBrandAndDepartment.values()].map((group) => ({
        action: 'cultivation_task.generate',
        entityType: 'brand',
        entityId: group.brandId,
        after: { taskIds: group.ids },
        departmentId: group.departmentId,
      })),
    );
    return { created: created.length };
  }

  private async visibleRow(actor: Actor, id: number, manager: EntityManager = this.dataSource.manager) {
    const row = await manager
      .createQueryBuilder()
      .from(CultivationTask, 't')
      .select(TASK_COLUMNS)
      .where('t.id = :id', { id })
      .andWhere(...scopeCondition(actor.scope, 't.territory_id'))
      .getRawOne<TaskRow>();
    if (!row) throw notFound('cultivation task', id);
    return row;
  }

  private async views(rows: TaskRow[], today: string): Promise<CultivationTaskView[]> {
    const brands = new Map(
      (await this.brands.factsOf([...new Set(rows.map((r) => r.brandId))])).map((b) => [b.id, b]),
    );
    return rows.map((row) => ({
      id: row.id,
      brandId: row.brandId,
      brandCode: brands.get(row.brandId)?.code ?? null,
      brandName: brands.get(row.brandId)?.name ?? null,
      territoryId: row.territoryId,
      serviceCenterId: row.serviceCenterId,
      departmentId: row.departmentId,
      assignedTo: row.assignedTo,
      launchDate: row.launchDate,
      dueOn: row.dueOn,
      status: row.status,
      overdue: row.status === 'open' && row.dueOn < today,
      analysis:
        row.status === 'submitted'
          ? {
              salesTrend: row.salesTrend!,
              consumerOpinion: row.consumerOpinion!,
              ordering: row.orderingAnalysis!,
            }
          : null,
      submittedBy: row.submittedBy,
      submittedAt: row.submittedAt,
      submittedLate: row.submittedAt !== null && this.months.dateOf(row.submittedAt) > row.dueOn,
      createdAt: row.createdAt,
    }));
  }
}
