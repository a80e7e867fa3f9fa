import {
  allowedEvents,
  type Outcome,
  statesAllowing,
  transition,
  type TransitionRefusal,
  type TransitionTable,
} from '#libs/kernel';

/**
 * The life of a case 事项: something raised to a responsible role, to be answered by a deadline. Problems
 * between the three roles 三员互动问题 use it, and so will retailers' complaints 投诉: what differs between them is
 * the kind (or category), the role that answers and the deadline, which the context's policy gives (see
 * `case-deadline.rule.ts`); the life itself is this one table.
 *
 * A case is raised `open`; the responsible role answers it (`answered`). Past its deadline without an answer
 * the scheduled job escalates it to the department's inspectors 督察组 (`escalated`), where it still waits for its
 * answer. Having read the answer, the one who raised it closes it (`closed`). A closed case takes nothing more.
 */
export const CASE_STATES = ['open', 'escalated', 'answered', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Readonly<Record<CaseState, string>> = {
  open: '待答复',
  escalated: '逾期已督办',
  answered: '已答复',
  closed: '已关闭',
};

export const CASE_EVENTS = ['answer', 'escalate', 'close'] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

export const CASE_EVENT_LABELS: Readonly<Record<CaseEvent, string>> = {
  answer: '答复',
  escalate: '逾期上报督察组',
  close: '关闭',
};

export const CASE_TRANSITIONS: TransitionTable<CaseState, CaseEvent> = {
  open: { answer: 'answered', escalate: 'escalated' },
  escalated: { answer: 'answered' },
  answered: { close: 'closed' },
  closed: {},
};

/** What a context calls its refusal (`PROBLEM_TRANSITION_FORBIDDEN`, …) and its cases (`A problem`). */
export interface CaseRefusal<C extends string> {
  readonly code: C;
  readonly subject: string;
}

export function transitionCase<C extends string>(
  refusal: CaseRefusal<C>,
  from: CaseState,
  event: CaseEvent,
): Outcome<CaseState, TransitionRefusal<C, CaseState, CaseEvent>> {
  return transition(CASE_TRANSITIONS, refusal, from, event);
}

/** What may happen next to a case in this state (for the client's buttons). */
export function allowedCaseEvents(state: CaseState): CaseEvent[] {
  return allowedEvents(CASE_TRANSITIONS, state);
}

/** The states `event` is allowed from: the `WHERE status = ANY(…)` of the escalation job and the lists. */
export function caseStatesAllowing(event: CaseEvent): CaseState[] {
  return statesAllowing(CASE_TRANSITIONS, event);
}
