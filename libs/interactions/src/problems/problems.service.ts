import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  Clock,
  isInScope,
  JobRunner,
  notFound,
  type Page,
  pageOf,
  pageOffset,
  TransactionRunner,
} from '#libs/shared';
import { orThrow, wallClock } from '#libs/kernel';
import { AuditService } from '#libs/audit';
import { RetailerDirectory } from '#libs/retailers';
import {
  allowedCaseEvents,
  answeredOnTime,
  caseDeadline,
  type CaseEvent,
  caseStatesAllowing,
  CASE_STATE_LABELS,
  isCaseOverdue,
  PROBLEM_KIND_LABELS,
  problemAbout,
  THREE_ROLE_LABELS,
  type ThreeRole,
  transitionCase,
} from '../domain/index.js';
import { Problem } from '../interactions.entities.js';
import { interactionError } from '../interactions.errors.js';
import { ProblemPolicyService } from './problem-policy.service.js';
import { escalateOverdueProblems, problemInScope, problemPage, type ProblemRow } from './problems.queries.js';
import type { AnswerProblemDto, ProblemQuery, RaiseProblemDto } from './problems.dto.js';

const REFUSAL = { code: 'PROBLEM_TRANSITION_FORBIDDEN', subject: 'A problem' } as const;

export interface ProblemView extends ProblemRow {
  kindLabel: string;
  aboutRoleLabel: string;
  raiserRoleLabel: string;
  statusLabel: string;
  /** Waiting for its answer past the deadline, now. */
  overdue: boolean;
  /** Whether the answer came by the deadline; null while unanswered. */
  answeredOnTime: boolean | null;
  allowedEvents: CaseEvent[];
}

export interface ProblemEscalationSummary {
  hour: string;
  escalated: number;
}

/**
 * Problems between the three roles 三员互动问题: raised by one of them about another's work at a retailer in its
 * scope, answered by the market manager of the retailer's center (or the inspectors once escalated), escalated
 * by the hourly job when overdue, closed by the one who raised them. Every step is a transition of the case
 * lifecycle, written with its audit row in one transaction.
 */
@Injectable()
export class ProblemsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly jobs: JobRunner,
    private readonly audit: AuditService,
    private readonly retailers: RetailerDirectory,
    private readonly policies: ProblemPolicyService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async raise(actor: Actor, dto: RaiseProblemDto): Promise<ProblemView> {
    const raiserRole = actor.role as ThreeRole;
    const aboutRole = orThrow(problemAbout(raiserRole, dto.kind, dto.aboutRole), interactionError);
    return this.transactions.run(async (manager) => {
      const retailer = await this.retailers.facts(dto.retailerId, manager);
      if (!retailer || !isInScope(actor.scope, retailer.territoryId, retailer.id))
        throw notFound('retailer', dto.retailerId);
      const now = this.clock.now();
      const policy = await this.policies.policyFor(manager, retailer.departmentId);
      const problem = manager.create(Problem, {
        kind: dto.kind,
        aboutRole,
        description: dto.description.trim(),
        retailerId: retailer.id,
        territoryId: retailer.territoryId,
        serviceCenterId: retailer.serviceCenterId,
        departmentId: retailer.departmentId,
        raisedBy: actor.userId,
        raiserRole,
        raisedAt: now,
        deadlineAt: caseDeadline(now, policy[dto.kind]),
        status: 'open',
      });
      await manager.save(problem);
      await this.audit.record(manager, actor, {
        action: 'problem.raise',
        entityType: 'problem',
        entityId: problem.id,
        after: { ...problem },
        departmentId: problem.departmentId,
      });
      return this.view(manager, actor, problem.id);
    });
  }

  async list(actor: Actor, query: ProblemQuery): Promise<Page<ProblemView>> {
    const { rows, total } = await this.transactions.run((manager) =>
      problemPage(manager, actor, {
        status: query.status,
        states: query.awaitingAnswer ? caseStatesAllowing('answer') : undefined,
        retailerId: query.retailerId,
        limit: query.pageSize,
        offset: pageOffset(query),
      }),
    );
    const now = this.clock.now();
    return pageOf(
      rows.map((row) => toProblemView(row, now)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: number): Promise<ProblemView> {
    return this.transactions.run((manager) => this.view(manager, actor, id));
  }

  /** The market manager of the retailer's center, or an inspector of the department, answers. */
  async answer(actor: Actor, id: number, dto: AnswerProblemDto): Promise<ProblemView> {
    return this.change(actor, id, 'answer', (now) => ({
      answer: dto.answer.trim(),
      answeredBy: actor.userId,
      answeredAt: now,
    }));
  }

  /** The one who raised it, having read the answer, closes it (its scope is the problems it raised). */
  async close(actor: Actor, id: number): Promise<ProblemView> {
    return this.change(actor, id, 'close', (now) => ({ closedAt: now }));
  }

  /**
   * The hourly escalation: problems still open past their deadline go to the department's inspectors. Once per
   * business hour across replicas (JobRunner's advisory lock and run row); one UPDATE, one audit insert.
   */
  async escalateDue(now: Date = this.clock.now()): Promise<ProblemEscalationSummary | null> {
    const { date, time } = wallClock(now, this.config.timeZone);
    const hour = `${date}T${time.slice(0, 2)}`;
    const outcome = await this.jobs.runOnce('problem-escalation', hour, async (manager) => {
      const to = orThrow(transitionCase(REFUSAL, 'open', 'escalate'), interactionError);
      const escalated = await escalateOverdueProblems(manager, caseStatesAllowing('escalate'), to, now);
      await this.audit.record(
        manager,
        'system',
        ...escalated.map((row) => ({
          action: 'problem.escalate',
          entityType: 'problem',
          entityId: row.id,
          before: { status: row.fromStatus },
          after: { status: to, escalatedAt: now, deadlineAt: row.deadlineAt },
          departmentId: row.departmentId,
        })),
      );
      return { hour, escalated: escalated.length };
    });
    return outcome.status === 'ran' ? outcome.result : null;
  }

  /** Load (locked, in scope: else 404) → the lifecycle's next state → persist with the audit row. */
  private async change(
    actor: Actor,
    id: number,
    event: CaseEvent,
    decide: (now: Date) => Partial<Problem>,
  ): Promise<ProblemView> {
    return this.transactions.run(async (manager) => {
      if (!(await problemInScope(manager, actor, id))) throw notFound('problem', id);
      const problem = await manager.findOneOrFail(Problem, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      const before = { ...problem };
      const status = orThrow(transitionCase(REFUSAL, problem.status, event), interactionError);
      const now = this.clock.now();
      Object.assign(problem, decide(now), { status });
      await manager.save(problem);
      await this.audit.record(manager, actor, {
        action: `problem.${event}`,
        entityType: 'problem',
        entityId: problem.id,
        before,
        after: { ...problem },
        departmentId: problem.departmentId,
      });
      return this.view(manager, actor, id);
    });
  }

  private async view(manager: EntityManager, actor: Actor, id: number): Promise<ProblemView> {
    const row = await problemInScope(manager, actor, id);
    if (!row) throw notFound('problem', id);
    return toProblemView(row, this.clock.now());
  }
}

function toProblemView(row: ProblemRow, now: Date): ProblemView {
  return {
    ...row,
    kindLabel: PROBLEM_KIND_LABELS[row.kind],
    aboutRoleLabel: THREE_ROLE_LABELS[row.aboutRole],
    raiserRoleLabel: THREE_ROLE_LABELS[row.raiserRole],
    statusLabel: CASE_STATE_LABELS[row.status],
    overdue: isCaseOverdue({ state: row.status, deadlineAt: row.deadlineAt }, now),
    answeredOnTime: row.answeredAt ? answeredOnTime(row.deadlineAt, row.answeredAt) : null,
    allowedEvents: allowedCaseEvents(row.status),
  };
}
