import type { EntityManager } from 'typeorm';
import type { Actor } from '#libs/shared';
import {
  allowedLeadEvents,
  isLeadOverdue,
  isResultOnTime,
  LEAD_IMPORTANCE_LABELS,
  LEAD_KIND_LABELS,
  LEAD_STATE_LABELS,
  type LeadEvent,
  type LeadTiming,
  VERIFICATION_RESULT_LABELS,
} from './domain/index.js';
import { type Lead, LeadEventRecord, type LeadEventKind } from './lead.entity.js';

/**
 * Who sees which leads: an enforcement officer its squad's, a market manager its center's, inspectors and
 * the department head their department's, an admin all; everyone sees the leads it reported itself.
 */
export function leadScopeCondition(actor: Actor, alias = 'l'): [string, Record<string, unknown>] {
  const own = `${alias}.reported_by = :leadScopeUser`;
  const params = { leadScopeUser: actor.userId };
  const or = (condition: string, unit: number | null): [string, Record<string, unknown>] => [
    `(${condition} OR ${own})`,
    { ...params, leadScopeUnit: unit ?? -1 },
  ];
  switch (actor.role) {
    case 'admin':
      return ['TRUE', {}];
    case 'department_head':
    case 'inspector':
      return or(`${alias}.department_id = :leadScopeUnit`, actor.departmentId);
    case 'market_manager':
      return or(`${alias}.service_center_id = :leadScopeUnit`, actor.orgUnitId);
    case 'enforcement_officer':
      return or(`${alias}.squad_id = :leadScopeUnit`, actor.orgUnitId);
    default:
      return [own, params];
  }
}

export function leadTiming(lead: Lead): LeadTiming {
  return {
    importance: lead.importance,
    reportedAt: lead.reportedAt,
    deadlineAt: lead.deadlineAt,
    verification:
      lead.verificationResult && lead.verifiedAt
        ? { result: lead.verificationResult, recordedAt: lead.verifiedAt }
        : null,
  };
}

export interface LeadView {
  id: number;
  kind: Lead['kind'];
  kindLabel: string;
  importance: Lead['importance'];
  importanceLabel: string;
  status: Lead['status'];
  statusLabel: string;
  description: string;
  evidence: string[];
  source: Lead['source'];
  anomaly: object | null;
  retailerId: number | null;
  territoryId: number;
  serviceCenterId: number;
  departmentId: number;
  squadId: number;
  reportedBy: number;
  reporterRole: string;
  reportedAt: Date;
  deadlineAt: Date;
  /** Past its deadline without a result, now. */
  overdue: boolean;
  assignedTo: number | null;
  assignedAt: Date | null;
  result: Lead['verificationResult'];
  resultLabel: string | null;
  resultNote: string | null;
  verifiedBy: number | null;
  verifiedAt: Date | null;
  /** Whether the result came by the deadline; null without a result. */
  onTime: boolean | null;
  escalatedAt: Date | null;
  escalationCount: number;
  actionDueAt: Date | null;
  closedAt: Date | null;
  /** What may happen next (the lifecycle table), for the client's buttons. */
  allowedEvents: LeadEvent[];
}

export function toLeadView(lead: Lead, now: Date): LeadView {
  const timing = leadTiming(lead);
  return {
    id: lead.id,
    kind: lead.kind,
    kindLabel: LEAD_KIND_LABELS[lead.kind],
    importance: lead.importance,
    importanceLabel: LEAD_IMPORTANCE_LABELS[lead.importance],
    status: lead.status,
    statusLabel: LEAD_STATE_LABELS[lead.status],
    description: lead.description,
    evidence: lead.evidence,
    source: lead.source,
    anomaly: lead.anomaly,
    retailerId: lead.retailerId,
    territoryId: lead.territoryId,
    serviceCenterId: lead.serviceCenterId,
    departmentId: lead.departmentId,
    squadId: lead.squadId,
    reportedBy: lead.reportedBy,
    reporterRole: lead.reporterRole,
    reportedAt: lead.reportedAt,
    deadlineAt: lead.deadlineAt,
    overdue: isLeadOverdue(timing, now),
    assignedTo: lead.assignedTo,
    assignedAt: lead.assignedAt,
    result: lead.verificationResult,
    resultLabel: lead.verificationResult ? VERIFICATION_RESULT_LABELS[lead.verificationResult] : null,
    resultNote: lead.verificationNote,
    verifiedBy: lead.verifiedBy,
    verifiedAt: lead.verifiedAt,
    onTime: timing.verification ? isResultOnTime({ ...timing, verification: timing.verification }) : null,
    escalatedAt: lead.escalatedAt,
    escalationCount: lead.escalationCount,
    actionDueAt: lead.actionDueAt,
    closedAt: lead.closedAt,
    allowedEvents: allowedLeadEvents(lead.status),
  };
}

export interface LeadHistoryEntry {
  leadId: number;
  event: LeadEventKind;
  fromStatus?: Lead['status'] | null;
  toStatus?: Lead['status'] | null;
  comment?: string | null;
  at: Date;
}

/** Appends entries to leads' histories in one statement; `actor` null is the system. */
export async function recordLeadHistory(
  manager: EntityManager,
  actor: Pick<Actor, 'userId' | 'role'> | null,
  entries: LeadHistoryEntry[],
): Promise<void> {
  if (!entries.length) return;
  await manager.insert(
    LeadEventRecord,
    entries.map((entry) => ({
      leadId: entry.leadId,
      event: entry.event,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? 'system',
      comment: entry.comment ?? null,
      at: entry.at,
    })),
  );
}
