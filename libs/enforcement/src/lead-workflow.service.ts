import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  Clock,
  commonError,
  JobRunner,
  notFound,
  TransactionRunner,
} from '#libs/shared';
import { businessDate, orThrow } from '#libs/kernel';
import { AuditService } from '#libs/audit';
import { UsersService } from '#libs/auth';
import {
  type LeadEvent,
  leadStatesAllowing,
  type LeadStep,
  planLeadEvent,
  shouldEscalateLead,
  transitionLead,
} from './domain/index.js';
import { Lead } from './lead.entity.js';
import {
  leadScopeCondition,
  leadTiming,
  type LeadView,
  recordLeadHistory,
  toLeadView,
} from './lead-access.js';
import { LeadPolicyService } from './lead-policy.service.js';
import { enforcementError } from './enforcement.errors.js';
import type { AssignLeadDto, LeadInspectionDto, VerifyLeadDto } from './dto/lead.dto.js';

const DAY_MS = 86_400_000;

export interface EscalationSummary {
  date: string;
  escalated: number;
}

/**
 * What happens to a lead after it is reported: the squad takes it, checks it and records the result; the
 * daily job escalates important leads past their deadline to the inspectors, who comment and may require
 * action; the reporter closes it once informed. Every step is a transition of the lifecycle table, written
 * with its history entry and audit row in the request's one transaction.
 */
@Injectable()
export class LeadWorkflowService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly jobs: JobRunner,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly policies: LeadPolicyService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** An officer of the squad takes the lead, or gives it to another officer of the squad. */
  async assign(actor: Actor, id: number, dto: AssignLeadDto): Promise<LeadView> {
    return this.change(actor, id, 'lead.assign', async (manager, lead, now) => {
      this.assertSquadOfficer(actor, lead);
      const officer = dto.officerId ?? actor.userId;
      await this.assertOfficer(manager, officer, lead.squadId);
      const steps = this.plan(lead, 'assign');
      Object.assign(lead, { assignedTo: officer, assignedAt: now });
      return { steps };
    });
  }

  /** The officer starts checking in the field (taking the lead if nobody has). */
  async startVerification(actor: Actor, id: number): Promise<LeadView> {
    return this.change(actor, id, 'lead.start_verification', async (_manager, lead, now) => {
      this.assertSquadOfficer(actor, lead);
      const steps = this.plan(lead, 'startVerification', true);
      if (lead.assignedTo === null) Object.assign(lead, { assignedTo: actor.userId, assignedAt: now });
      return { steps };
    });
  }

  /** The result 属实 / 不实 / 无法查实, by an officer of the squad; the reporter sees it at once. */
  async verify(actor: Actor, id: number, dto: VerifyLeadDto): Promise<LeadView> {
    return this.change(actor, id, 'lead.verify', async (_manager, lead, now) => {
      this.assertSquadOfficer(actor, lead);
      const steps = this.plan(lead, 'recordResult', true);
      if (lead.assignedTo === null) Object.assign(lead, { assignedTo: actor.userId, assignedAt: now });
      Object.assign(lead, {
        verificationResult: dto.result,
        verificationNote: dto.note.trim(),
        verifiedBy: actor.userId,
        verifiedAt: now,
      });
      return { steps, comment: dto.note.trim() };
    });
  }

  /**
   * An inspector's comment on a lead of the department; with `requireAction` an escalated lead goes back to
   * the squad (督办), to an officer they may name, with a new due time after which it escalates again.
   */
  async inspect(actor: Actor, id: number, dto: LeadInspectionDto): Promise<LeadView> {
    if (!dto.requireAction && (dto.officerId !== undefined || dto.actionDueAt !== undefined)) {
      throw commonError('VALIDATION_FAILED', [
        { field: 'requireAction', errors: ['officerId and actionDueAt go with requireAction: true'] },
      ]);
    }
    return this.change(actor, id, 'lead.inspection', async (manager, lead, now) => {
      const comment = dto.comment.trim();
      if (!dto.requireAction) return { steps: [], comment };
      const steps = this.plan(lead, 'requireAction');
      if (dto.officerId !== undefined) await this.assertOfficer(manager, dto.officerId, lead.squadId);
      const policy = await this.policies.policyFor(lead.departmentId, manager);
      const due = dto.actionDueAt ?? new Date(now.getTime() + policy.daysByImportance.important * DAY_MS);
      if (due.getTime() <= now.getTime())
        throw enforcementError('LEAD_ACTION_DUE_INVALID', { actionDueAt: due });
      Object.assign(lead, {
        actionDueAt: due,
        ...(dto.officerId !== undefined ? { assignedTo: dto.officerId, assignedAt: now } : {}),
      });
      return { steps, comment };
    });
  }

  /** The reporter, informed of the result, closes the lead. */
  async close(actor: Actor, id: number): Promise<LeadView> {
    return this.change(actor, id, 'lead.close', async (_manager, lead, now) => {
      if (lead.reportedBy !== actor.userId) throw enforcementError('LEAD_NOT_REPORTER');
      const steps = this.plan(lead, 'close');
      lead.closedAt = now;
      return { steps };
    });
  }

  /**
   * The daily escalation: important leads without a result past their due time (the deadline, or the date
   * the inspectors set) go to the inspectors. Once per business day across replicas (JobRunner); the rule
   * decides over the candidates one indexed query finds; one UPDATE, one history insert, one audit insert.
   */
  async escalateDue(now: Date = this.clock.now()): Promise<EscalationSummary | null> {
    const date = businessDate(now, this.config.timeZone);
    const outcome = await this.jobs.runOnce('lead-escalation', date, (manager) =>
      this.escalate(manager, now, date),
    );
    return outcome.status === 'ran' ? outcome.result : null;
  }

  private async escalate(manager: EntityManager, now: Date, date: string): Promise<EscalationSummary> {
    const candidates = await manager
      .createQueryBuilder(Lead, 'l')
      .setLock('pessimistic_write')
      .where(`l.importance = 'important' AND l.verification_result IS NULL`)
      .andWhere('l.status = ANY(:states)', { states: leadStatesAllowing('escalate') })
      .andWhere('COALESCE(l.action_due_at, l.deadline_at) < :now', { now })
      .orderBy('l.id')
      .getMany();
    const due = candidates.filter((lead) =>
      shouldEscalateLead({ ...leadTiming(lead), state: lead.status, actionDueAt: lead.actionDueAt }, now),
    );
    if (due.length) {
      await manager.query(
        `UPDATE leads SET status = 'escalated', escalated_at = $2, escalation_count = escalation_count + 1, updated_at = now()
          WHERE id = ANY($1)`,
        [due.map((lead) => lead.id), now],
      );
      await recordLeadHistory(
        manager,
        null,
        due.map((lead) => ({
          leadId: lead.id,
          event: 'escalate' as const,
          fromStatus: lead.status,
          toStatus: 'escalated' as const,
          comment: '重要线索逾期未查结，提交督察组',
          at: now,
        })),
      );
      await this.audit.record(
        manager,
        'system',
        ...due.map((lead) => ({
          action: 'lead.escalate',
          entityType: 'lead',
          entityId: lead.id,
          before: { status: lead.status, escalationCount: lead.escalationCount },
          after: {
            status: 'escalated',
            escalatedAt: now,
            escalationCount: lead.escalationCount + 1,
            dueAt: lead.actionDueAt ?? lead.deadlineAt,
          },
          departmentId: lead.departmentId,
        })),
      );
    }
    return { date, escalated: due.length };
  }

  /** Load (locked, in scope: else 404) → decide → persist the lead, its history and the audit row. */
  private async change(
    actor: Actor,
    id: number,
    action: string,
    decide: (
      manager: EntityManager,
      lead: Lead,
      now: Date,
    ) => Promise<{ steps: readonly LeadStep[]; comment?: string }>,
  ): Promise<LeadView> {
    return this.transactions.run(async (manager) => {
      const lead = await manager
        .createQueryBuilder(Lead, 'l')
        .setLock('pessimistic_write')
        .where('l.id = :id', { id })
        .andWhere(...leadScopeCondition(actor))
        .getOne();
      if (!lead) throw notFound('lead', id);
      const before = { ...lead };
      const now = this.clock.now();
      const { steps, comment } = await decide(manager, lead, now);
      const last = steps.at(-1);
      if (last) lead.status = last.to;
      await manager.save(lead);
      await recordLeadHistory(manager, actor, [
        ...steps.map((step) => ({
          leadId: lead.id,
          event: step.event,
          fromStatus: step.from,
          toStatus: step.to,
          comment: step === last ? comment : null,
          at: now,
        })),
        ...(steps.length === 0 && comment
          ? [{ leadId: lead.id, event: 'comment' as const, comment, at: now }]
          : []),
      ]);
      await this.audit.record(manager, actor, {
        action,
        entityType: 'lead',
        entityId: lead.id,
        before,
        after: { ...lead, ...(comment ? { comment } : {}) },
        departmentId: lead.departmentId,
      });
      return toLeadView(lead, now);
    });
  }

  /** The transition(s) of the table for `goal`; an officer's goal brings its implied steps (take, check). */
  private plan(lead: Lead, goal: LeadEvent, withImpliedSteps = false): readonly LeadStep[] {
    if (withImpliedSteps) return orThrow(planLeadEvent(lead.status, goal), enforcementError);
    return [
      { event: goal, from: lead.status, to: orThrow(transitionLead(lead.status, goal), enforcementError) },
    ];
  }

  private assertSquadOfficer(actor: Actor, lead: Lead): void {
    if (actor.role !== 'enforcement_officer' || actor.orgUnitId !== lead.squadId)
      throw enforcementError('LEAD_NOT_YOUR_SQUAD', { squadId: lead.squadId });
  }

  private async assertOfficer(manager: EntityManager, userId: number, squadId: number): Promise<void> {
    if (!(await this.users.isActiveMember(userId, 'enforcement_officer', squadId, manager)))
      throw enforcementError('LEAD_OFFICER_INVALID', { officerId: userId, squadId });
  }
}
