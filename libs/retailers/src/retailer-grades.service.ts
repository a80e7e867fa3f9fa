import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { type Actor, APP_CONFIG, type AppConfig, TransactionRunner } from '#libs/shared';
import { AuditService } from '#libs/audit';
import { gradeChangeEffectiveFrom } from './domain/index.js';
import { type GradeSource, RetailerGrade } from './retailer.entity.js';
import { retailersError } from './retailers.errors.js';
import { RetailersService } from './retailers.service.js';
import type { GradeChangeDto } from './dto/retailer.dto.js';

export interface GradeHistoryView {
  retailerId: number;
  grade: number;
  gradeSince: string;
  pendingGrade: { grade: number; effectiveFrom: string } | null;
  /** 'month' or 'quarter': how long a grade stays locked. */
  period: 'month' | 'quarter';
  history: Array<{
    grade: number;
    effectiveFrom: string;
    source: GradeSource;
    reason: string | null;
    changedBy: number | null;
    createdAt: Date;
  }>;
}

/** A decided grade for the next period: written as a pending history entry, or none if nothing changes. */
export interface GradeDecision {
  retailerId: number;
  grade: number;
}

/**
 * Grades are locked per period (month or quarter, `GRADE_PERIOD`): a change is recorded in the history
 * effective from the next period and applied to `retailers.grade` when that period starts (the daily job);
 * nobody edits the grade in force.
 */
@Injectable()
export class RetailerGradesService {
  private readonly logger = new Logger(RetailerGradesService.name);

  constructor(
    @InjectRepository(RetailerGrade) private readonly grades: Repository<RetailerGrade>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly retailers: RetailersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get periodUnit(): 'month' | 'quarter' {
    return this.config.gradePeriod;
  }

  /** The first day of the next grade period, as seen today. */
  nextPeriodStart(today: string = this.retailers.today()): string {
    return gradeChangeEffectiveFrom(today, this.config.gradePeriod);
  }

  async history(actor: Actor, id: number): Promise<GradeHistoryView> {
    const view = await this.retailers.get(actor, id);
    const history = await this.grades.find({
      where: { retailerId: id },
      order: { effectiveFrom: 'DESC' },
      select: {
        grade: true,
        effectiveFrom: true,
        source: true,
        reason: true,
        changedBy: true,
        createdAt: true,
      },
    });
    return {
      retailerId: id,
      grade: view.grade,
      gradeSince: view.gradeSince,
      pendingGrade: view.pendingGrade,
      period: this.config.gradePeriod,
      history,
    };
  }

  /**
   * Records the grade the retailer has from the next period on (the latest decision wins: it replaces a
   * pending one; deciding the grade it would have anyway cancels the pending change).
   */
  async scheduleChange(actor: Actor, id: number, dto: GradeChangeDto): Promise<GradeHistoryView> {
    await this.transactions.run(async (manager) => {
      const retailer = await this.retailers.lockVisible(manager, actor, id);
      if (retailer.status === 'closed') throw retailersError('RETAILER_CLOSED');
      const effectiveFrom = this.nextPeriodStart();
      const [outcome] = await this.decide(manager, [{ retailerId: id, grade: dto.grade }], effectiveFrom, {
        source: 'change',
        reason: dto.reason.trim(),
        changedBy: actor.userId,
      });
      if (outcome.kind === 'unchanged') {
        throw retailersError('RETAILER_GRADE_UNCHANGED', { grade: dto.grade, effectiveFrom });
      }
      await this.audit.record(manager, actor, {
        action: outcome.kind === 'cancelled' ? 'retailer.grade_change_cancel' : 'retailer.grade_change',
        entityType: 'retailer',
        entityId: id,
        before: { grade: outcome.before, pendingGrade: outcome.pending },
        after: { grade: dto.grade, effectiveFrom, reason: dto.reason.trim() },
        departmentId: retailer.departmentId,
      });
    });
    return this.history(actor, id);
  }

  /**
   * Set-based core of a grade decision for many retailers (one change, or an import): compares each
   * wanted grade with the grade they would have at `effectiveFrom` without it, then writes or removes
   * the pending entries. Later pending entries are dropped: the newest decision wins.
   */
  async decide(
    manager: EntityManager,
    decisions: GradeDecision[],
    effectiveFrom: string,
    meta: {
      source: GradeSource;
      reason: string | null;
      changedBy: number | null;
      /**
       * Whether deciding the grade a retailer has anyway cancels its pending change. An import does not:
       * its 档位 column is the grade in force (as exported), so re-importing an export changes nothing.
       */
      cancelPending?: boolean;
    },
  ): Promise<Array<GradeOutcome>> {
    if (!decisions.length) return [];
    const ids = decisions.map((d) => d.retailerId);
    const rows: Array<{ retailer_id: number; before: number | null; pending: number | null }> =
      await manager.query(
        `SELECT s.retailer_id,
              (SELECT g.grade FROM retailer_grades g WHERE g.retailer_id = s.retailer_id AND g.effective_from < $2
                ORDER BY g.effective_from DESC LIMIT 1) AS before,
              (SELECT g.grade FROM retailer_grades g WHERE g.retailer_id = s.retailer_id AND g.effective_from >= $2
                ORDER BY g.effective_from DESC LIMIT 1) AS pending
         FROM unnest($1::int[]) AS s(retailer_id)`,
        [ids, effectiveFrom],
      );
    const known = new Map(rows.map((r) => [r.retailer_id, r]));
    const outcomes = decisions.map((d): GradeOutcome => {
      const { before = null, pending = null } = known.get(d.retailerId) ?? {};
      if (d.grade === before) {
        return pending === null || meta.cancelPending === false
          ? { kind: 'unchanged', retailerId: d.retailerId, before, pending, grade: d.grade }
          : { kind: 'cancelled', retailerId: d.retailerId, before, pending, grade: d.grade };
      }
      return pending === d.grade
        ? { kind: 'unchanged', retailerId: d.retailerId, before, pending, grade: d.grade }
        : { kind: 'scheduled', retailerId: d.retailerId, before, pending, grade: d.grade };
    });
    const touched = outcomes.filter((o) => o.kind !== 'unchanged');
    if (touched.length) {
      await manager.query(
        `DELETE FROM retailer_grades WHERE retailer_id = ANY($1::int[]) AND effective_from >= $2`,
        [touched.map((o) => o.retailerId), effectiveFrom],
      );
    }
    const scheduled = outcomes.filter((o) => o.kind === 'scheduled');
    if (scheduled.length) {
      await manager.query(
        `INSERT INTO retailer_grades (retailer_id, grade, effective_from, source, reason, changed_by)
         SELECT s.retailer_id, s.grade, $3, $4, $5, $6 FROM unnest($1::int[], $2::smallint[]) AS s(retailer_id, grade)`,
        [
          scheduled.map((o) => o.retailerId),
          scheduled.map((o) => o.grade),
          effectiveFrom,
          meta.source,
          meta.reason,
          meta.changedBy,
        ],
      );
    }
    return outcomes;
  }

  /**
   * Puts in force every grade whose period has started by `date` (one statement for all retailers);
   * run daily by the job, safe to run again. Returns how many retailers changed grade.
   */
  async applyDue(date: string, manager?: EntityManager): Promise<{ date: string; applied: number }> {
    const work = async (m: EntityManager) => {
      // Wrapped in a SELECT: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
      const changed: Array<{ id: number; before: number; grade: number; department_id: number }> =
        await m.query(
          `WITH due AS (
           SELECT DISTINCT ON (g.retailer_id) g.retailer_id, g.grade, g.effective_from
             FROM retailer_grades g JOIN retailers r ON r.id = g.retailer_id
            WHERE g.effective_from <= $1 AND g.effective_from > r.grade_since
            ORDER BY g.retailer_id, g.effective_from DESC),
         applied AS (
           UPDATE retailers r SET grade = due.grade, grade_since = due.effective_from, updated_at = now()
             FROM due, retailers previous
            WHERE r.id = due.retailer_id AND previous.id = r.id
           RETURNING r.id, previous.grade AS before, r.grade, r.department_id)
         SELECT * FROM applied ORDER BY id`,
          [date],
        );
      if (changed.length) {
        // The decisions were audited when made; this records that they came into force.
        await this.audit.recordBulk(
          m,
          'system',
          changed.map((c) => ({
            action: 'retailer.grade_applied',
            entityType: 'retailer',
            entityId: c.id,
            before: { grade: c.before },
            after: { grade: c.grade, effectiveFrom: date },
            departmentId: c.department_id,
          })),
        );
        this.logger.log(`grades in force from ${date}: ${changed.length} retailers changed grade`);
      }
      return { date, applied: changed.length };
    };
    return manager ? work(manager) : this.transactions.run(work);
  }

  /** The grade in force on `date` for each retailer (from the history: also for future, decided periods). */
  async gradesOn(date: string, retailerIds: number[], manager?: EntityManager): Promise<Map<number, number>> {
    if (!retailerIds.length) return new Map();
    const rows: Array<{ retailer_id: number; grade: number }> = await (manager ?? this.grades.manager).query(
      `SELECT DISTINCT ON (retailer_id) retailer_id, grade FROM retailer_grades
        WHERE retailer_id = ANY($1::int[]) AND effective_from <= $2
        ORDER BY retailer_id, effective_from DESC`,
      [retailerIds, date],
    );
    return new Map(rows.map((r) => [r.retailer_id, r.grade]));
  }
}

export type GradeOutcome = {
  retailerId: number;
  /** Grade the retailer would have at the period start without this decision. */
  before: number | null;
  /** The pending grade there was for that period (or later). */
  pending: number | null;
  grade: number;
  kind: 'scheduled' | 'cancelled' | 'unchanged';
};
