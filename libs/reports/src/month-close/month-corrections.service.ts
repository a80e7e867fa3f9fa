import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, Clock, TransactionRunner } from '#libs/shared';
import { AuditService } from '#libs/audit';
import { OrgDirectory } from '#libs/org';
import { kpiError, type KpiCorrectionState, KpiMonthCorrection, KpiMonthService } from '#libs/kpi';
import { MonthCloseService } from './month-close.service.js';
import type {
  CorrectionQuery,
  CorrectionView,
  DecideCorrectionDto,
  MonthVersionsView,
  OpenCorrectionDto,
  RejectCorrectionDto,
} from './dto/month-correction.dto.js';

const STATUS_LABELS: Readonly<Record<KpiCorrectionState, string>> = {
  open: '待审批',
  approved: '已批准',
  rejected: '已驳回',
};

/**
 * Correcting a closed month 更正: the only way a late lead result or a corrected delivery reaches a month
 * already closed. A department head opens a correction with its reason; an inspector — another person, by role and
 * by the table's CHECK — approves it, and the month is counted again by the month close's own `storeVersion` into the next version
 * of the snapshot and workbook (the earlier versions kept, superseded), or rejects it. Every step is audited
 * in its transaction.
 */
@Injectable()
export class MonthCorrectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgDirectory,
    private readonly months: KpiMonthService,
    private readonly monthClose: MonthCloseService,
    private readonly clock: Clock,
  ) {}

  async open(actor: Actor, month: string, dto: OpenCorrectionDto): Promise<CorrectionView> {
    const departmentId = await this.org.resolveDepartment(actor, dto.departmentId);
    this.months.period(month);
    return this.transactions.run(async (manager) => {
      await this.monthClose.lockMonth(manager, month, departmentId);
      if (!(await this.months.isClosed(month, departmentId, manager)))
        throw kpiError('KPI_MONTH_NOT_CLOSED', { month });
      const open = await manager.findOneBy(KpiMonthCorrection, {
        month: `${month}-01`,
        departmentId,
        status: 'open',
      });
      if (open) throw kpiError('KPI_CORRECTION_ALREADY_OPEN', { correctionId: open.id });
      const correction = await manager.save(
        manager.create(KpiMonthCorrection, {
          month: `${month}-01`,
          departmentId,
          reason: dto.reason.trim(),
          status: 'open',
          openedBy: actor.userId,
          openedAt: this.clock.now(),
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'kpi_month.correction.open',
        entityType: 'kpi_month_correction',
        entityId: correction.id,
        after: { month, reason: correction.reason },
        departmentId,
      });
      return view(correction, null);
    });
  }

  /**
   * An inspector approves the month's open correction: the month is counted again into its next version, in
   * the same transaction.
   */
  async approve(actor: Actor, month: string, dto: DecideCorrectionDto): Promise<CorrectionView> {
    return this.decide(actor, month, dto.departmentId, 'approved', dto.note ?? null);
  }

  async reject(actor: Actor, month: string, dto: RejectCorrectionDto): Promise<CorrectionView> {
    return this.decide(actor, month, dto.departmentId, 'rejected', dto.note);
  }

  async list(actor: Actor, query: CorrectionQuery): Promise<{ items: CorrectionView[] }> {
    const departmentId = await this.org.resolveDepartment(actor, query.departmentId);
    const qb = this.dataSource.manager
      .createQueryBuilder(KpiMonthCorrection, 'c')
      .leftJoin('kpi_month_closes', 'mc', 'mc.correction_id = c.id')
      .addSelect('mc.version', 'version')
      .where('c.department_id = :departmentId', { departmentId })
      .orderBy('c.opened_at', 'DESC')
      .addOrderBy('c.id', 'DESC');
    if (query.month) qb.andWhere('c.month = :month', { month: `${query.month}-01` });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    const { entities, raw } = await qb.getRawAndEntities<{ version: number | null }>();
    return { items: entities.map((c, i) => view(c, raw[i]?.version ?? null)) };
  }

  /** A closed month's versions, oldest first, each with the correction that made it and what replaced it. */
  async versions(actor: Actor, month: string, departmentIdAsked?: number): Promise<MonthVersionsView> {
    const departmentId = await this.org.resolveDepartment(actor, departmentIdAsked);
    this.months.period(month);
    const rows: Array<{
      version: number;
      closedAt: Date;
      closedBy: number | null;
      workbookSha256: string;
      correctionId: number | null;
    }> = await this.dataSource.query(
      `SELECT mc.version, mc.closed_at AS "closedAt", mc.closed_by AS "closedBy", w.sha256 AS "workbookSha256",
              mc.correction_id AS "correctionId"
         FROM kpi_month_closes mc
         JOIN kpi_workbooks w ON w.month = mc.month AND w.department_id = mc.department_id AND w.version = mc.version
        WHERE mc.month = $1 AND mc.department_id = $2
        ORDER BY mc.version`,
      [`${month}-01`, departmentId],
    );
    const corrections = await this.dataSource.manager.findBy(KpiMonthCorrection, {
      month: `${month}-01`,
      departmentId,
      status: 'approved',
    });
    const correctionOf = new Map(corrections.map((c) => [c.id, c]));
    const latest = rows.at(-1)?.version ?? 0;
    return {
      month,
      departmentId,
      versions: rows.map((row) => {
        const correction = row.correctionId === null ? undefined : correctionOf.get(row.correctionId);
        return {
          version: row.version,
          closedAt: row.closedAt,
          closedBy: row.closedBy,
          correction: correction ? view(correction, row.version) : null,
          supersededBy: row.version < latest ? row.version + 1 : null,
          workbookSha256: row.workbookSha256,
        };
      }),
    };
  }

  private async decide(
    actor: Actor,
    month: string,
    departmentIdAsked: number | undefined,
    status: 'approved' | 'rejected',
    note: string | null,
  ): Promise<CorrectionView> {
    const departmentId = await this.org.resolveDepartment(actor, departmentIdAsked);
    this.months.period(month);
    return this.transactions.run(async (manager) => {
      // Under the month's lock: a concurrent decision or close waits, then finds the correction decided.
      await this.monthClose.lockMonth(manager, month, departmentId);
      const current = await manager.findOneBy(KpiMonthCorrection, {
        month: `${month}-01`,
        departmentId,
        status: 'open',
      });
      if (!current) throw kpiError('KPI_CORRECTION_NOT_OPEN', { month });
      Object.assign(current, {
        status,
        decidedBy: actor.userId,
        decidedAt: this.clock.now(),
        decisionNote: note?.trim() || null,
      });
      await manager.save(current);
      const stored =
        status === 'approved'
          ? await this.monthClose.storeVersion(manager, month, current.departmentId, actor, {
              id: current.id,
              reason: current.reason,
            })
          : null;
      await this.audit.record(manager, actor, {
        action: `kpi_month.correction.${status === 'approved' ? 'approve' : 'reject'}`,
        entityType: 'kpi_month_correction',
        entityId: current.id,
        before: { status: 'open' },
        after: { status, note: current.decisionNote, version: stored?.version ?? null },
        departmentId: current.departmentId,
      });
      return view(current, stored?.version ?? null);
    });
  }
}

function view(c: KpiMonthCorrection, version: number | null): CorrectionView {
  return {
    id: c.id,
    month: c.month.slice(0, 7),
    departmentId: c.departmentId,
    reason: c.reason,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    openedBy: c.openedBy,
    openedAt: c.openedAt,
    decidedBy: c.decidedBy,
    decidedAt: c.decidedAt,
    decisionNote: c.decisionNote,
    version,
  };
}
