import {
  accept,
  allowedEvents,
  type Outcome,
  statesAllowing,
  transition,
  type TransitionRefusal,
  type TransitionTable,
} from '#libs/kernel';

/**
 * The life of a lead 线索 as a transition table.
 *
 * A lead is routed to a squad when reported (`new`), given to an officer (`assigned`), checked in the field
 * (`verifying`) and gets a result (`verified`), after which the reporter is informed and it is `closed`.
 * An important lead past its deadline without a result is `escalated` to the inspectors 督察组 from any
 * state before the result; inspectors comment (audit entries, not transitions) and either require action,
 * sending it back to `verifying` with an officer named by them, or the squad records the result directly.
 * A lead is closed only with a result, so every closed lead counts in the verification rate.
 */
export const LEAD_STATES = ['new', 'assigned', 'verifying', 'verified', 'escalated', 'closed'] as const;
export type LeadState = (typeof LEAD_STATES)[number];
export const LEAD_STATE_LABELS: Readonly<Record<LeadState, string>> = {
  new: '待分派',
  assigned: '已分派',
  verifying: '核查中',
  verified: '已查结',
  escalated: '督办中',
  closed: '已办结',
};

export const LEAD_EVENTS = [
  'assign',
  'startVerification',
  'recordResult',
  'escalate',
  'requireAction',
  'close',
] as const;
export type LeadEvent = (typeof LEAD_EVENTS)[number];

export const LEAD_TRANSITIONS: TransitionTable<LeadState, LeadEvent> = {
  new: { assign: 'assigned', escalate: 'escalated' },
  assigned: { startVerification: 'verifying', escalate: 'escalated' },
  verifying: { recordResult: 'verified', escalate: 'escalated' },
  verified: { close: 'closed' },
  escalated: { recordResult: 'verified', requireAction: 'verifying' },
  closed: {},
};

const LEAD_REFUSAL = { code: 'LEAD_TRANSITION_FORBIDDEN', subject: 'A lead' } as const;

export type LeadTransitionRefusal = TransitionRefusal<typeof LEAD_REFUSAL.code, LeadState, LeadEvent>;

export function transitionLead(from: LeadState, event: LeadEvent): Outcome<LeadState, LeadTransitionRefusal> {
  return transition(LEAD_TRANSITIONS, LEAD_REFUSAL, from, event);
}

/** What can happen next to a lead in this state (for UI buttons and the escalation job). */
export function allowedLeadEvents(state: LeadState): LeadEvent[] {
  return allowedEvents(LEAD_TRANSITIONS, state);
}

/** The states from which `event` may happen (the escalation job selects leads in these states). */
export function leadStatesAllowing(event: LeadEvent): LeadState[] {
  return statesAllowing(LEAD_TRANSITIONS, event);
}

/** What an officer does implicitly on the way to another event: take the lead, then start checking it. */
const IMPLIED_EVENTS: readonly LeadEvent[] = ['assign', 'startVerification'];

export interface LeadStep {
  readonly event: LeadEvent;
  readonly from: LeadState;
  readonly to: LeadState;
}

/** The steps to take, the last one being the goal. */
export type LeadPlan = Outcome<readonly LeadStep[], LeadTransitionRefusal>;

/**
 * The steps that bring a lead from `from` through `goal`. An officer who records the result of a lead
 * nobody took yet has taken it and checked it: those implied events (assign, then start verification) are
 * prepended, each one a transition of the table, so the lead's history shows every step. When no path
 * exists the refusal is the table's own for `goal`.
 */
export function planLeadEvent(from: LeadState, goal: LeadEvent): LeadPlan {
  let direct = transitionLead(from, goal);
  if (!direct.ok) {
    const refusal = direct;
    const steps: LeadStep[] = [];
    let state = from;
    while (!direct.ok) {
      const implied = IMPLIED_EVENTS.find(
        (event) => !steps.some((step) => step.event === event) && transitionLead(state, event).ok,
      );
      if (implied === undefined) return refusal;
      const next = LEAD_TRANSITIONS[state]?.[implied] as LeadState;
      steps.push({ event: implied, from: state, to: next });
      state = next;
      direct = transitionLead(state, goal);
    }
    return accept([...steps, { event: goal, from: state, to: direct.value }]);
  }
  return accept([{ event: goal, from, to: direct.value }]);
}

/** Leads without a result yet (one can still be recorded): they are still being worked on. */
export function leadStatesAwaitingResult(): LeadState[] {
  return LEAD_STATES.filter((state) => planLeadEvent(state, 'recordResult').ok);
}
