import { accept, type Outcome, type Refusal, refuse } from '#libs/kernel';
import { type LeadImportance, type VerificationResult } from './lead-classification.table.js';
import { type LeadState, transitionLead } from './lead.lifecycle.js';

/**
 * A lead must have a result within a number of days of being reported: important 3, normal 7 by default,
 * configurable. Days are 24-hour periods from the report instant (reported Monday 15:00 → important due
 * Thursday 15:00); in Asia/Shanghai, without daylight saving, that is the same as calendar days.
 * A result recorded at the deadline instant is on time.
 */
export interface LeadDeadlinePolicy {
  readonly daysByImportance: Readonly<Record<LeadImportance, number>>;
}

export const DEFAULT_LEAD_DEADLINE_POLICY: LeadDeadlinePolicy = {
  daysByImportance: { important: 3, normal: 7 },
};

const MS_PER_DAY = 86_400_000;

export function leadDeadline(
  reportedAt: Date,
  importance: LeadImportance,
  policy: LeadDeadlinePolicy = DEFAULT_LEAD_DEADLINE_POLICY,
): Date {
  const days = policy.daysByImportance[importance];
  if (!Number.isSafeInteger(days) || days < 1) {
    throw new RangeError(`the ${importance} deadline must be a positive whole number of days (got ${days})`);
  }
  return new Date(instant('reportedAt', reportedAt) + days * MS_PER_DAY);
}

export interface LeadVerification {
  readonly result: VerificationResult;
  readonly recordedAt: Date;
}

export interface LeadTiming {
  readonly importance: LeadImportance;
  readonly reportedAt: Date;
  readonly verification: LeadVerification | null;
  /**
   * The deadline fixed when the lead was reported (a stored lead keeps the policy of its day). Absent, it is
   * computed from the policy.
   */
  readonly deadlineAt?: Date | null;
}

/** The lead's deadline: the one fixed at report time, or the policy's. */
export function leadDueAt(lead: LeadTiming, policy?: LeadDeadlinePolicy): Date {
  if (lead.deadlineAt !== undefined && lead.deadlineAt !== null) {
    instant('deadlineAt', lead.deadlineAt);
    return lead.deadlineAt;
  }
  return leadDeadline(lead.reportedAt, lead.importance, policy);
}

/** Past its deadline at `now` with no result yet. A result recorded late ends the overdue state. */
export function isLeadOverdue(lead: LeadTiming, now: Date, policy?: LeadDeadlinePolicy): boolean {
  return lead.verification === null && instant('now', now) > leadDueAt(lead, policy).getTime();
}

/** Whether a result was recorded by the deadline. */
export function isResultOnTime(
  lead: LeadTiming & { readonly verification: LeadVerification },
  policy?: LeadDeadlinePolicy,
): boolean {
  return instant('recordedAt', lead.verification.recordedAt) <= leadDueAt(lead, policy).getTime();
}

/**
 * What the daily escalation job flags: an important lead without a result, past its due instant, in a state
 * that may still escalate (an escalated lead is not escalated again). When the inspectors send a lead back
 * they set `actionDueAt`, the new instant by which they expect the result; the lead escalates again only
 * after it. Lateness for the on-time rate is still measured against the original deadline.
 */
export function shouldEscalateLead(
  lead: LeadTiming & { readonly state: LeadState; readonly actionDueAt?: Date | null },
  now: Date,
  policy?: LeadDeadlinePolicy,
): boolean {
  if (lead.importance !== 'important' || lead.verification !== null) return false;
  if (!transitionLead(lead.state, 'escalate').ok) return false;
  const due = lead.actionDueAt ?? leadDueAt(lead, policy);
  return instant('now', now) > instant('actionDueAt', due);
}

function instant(name: string, date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not a valid instant`);
  return ms;
}

/** Bounds of a department's deadline policy: whole days, an important lead never due later than a normal one. */
export const LEAD_DEADLINE_DAYS_MAX = 90;

export type LeadPolicyCheck = Outcome<
  LeadDeadlinePolicy,
  Refusal<'LEAD_POLICY_INVALID', { readonly daysByImportance: Readonly<Record<LeadImportance, number>> }>
>;

export function validateLeadDeadlinePolicy(
  daysByImportance: Record<LeadImportance, number>,
): LeadPolicyCheck {
  const { important, normal } = daysByImportance;
  const whole = (days: number) => Number.isSafeInteger(days) && days >= 1 && days <= LEAD_DEADLINE_DAYS_MAX;
  const invalid = (message: string) =>
    refuse('LEAD_POLICY_INVALID', message, { daysByImportance: { important, normal } });
  if (!whole(important) || !whole(normal)) {
    return invalid(`Deadlines are whole days from 1 to ${LEAD_DEADLINE_DAYS_MAX}`);
  }
  if (important > normal) return invalid('An important lead cannot have longer than a normal one');
  return accept({ daysByImportance: { important, normal } });
}
