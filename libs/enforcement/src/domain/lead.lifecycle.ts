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

export const LEAD_TRANSITIONS: { readonly [S in LeadState]: { readonly [E in LeadEvent]?: LeadState } } = {
  new: { assign: 'assigned', escalate: 'escalated' },
  assigned: { startVerification: 'verifying', escalate: 'escalated' },
  verifying: { recordResult: 'verified', escalate: 'escalated' },
  escalated: { requireAction: 'verifying', recordResult: 'verified' },
  verified: { close: 'closed' },
  closed: {},
};

export type LeadTransition =
  | { readonly ok: true; readonly value: LeadState }
  | {
      readonly ok: false;
      readonly code: 'LEAD_TRANSITION_FORBIDDEN';
      readonly message: string;
      readonly details: { readonly from: LeadState; readonly event: LeadEvent };
    };

export function transitionLead(from: LeadState, event: LeadEvent): LeadTransition {
  const to = LEAD_TRANSITIONS[from][event];
  if (to !== undefined) return { ok: true, value: to };
  return {
    ok: false,
    code: 'LEAD_TRANSITION_FORBIDDEN',
    message: `A lead that is ${from} cannot ${event}`,
    details: { from, event },
  };
}

/** What can happen next to a lead in this state (for UI buttons and the escalation job). */
export function allowedLeadEvents(state: LeadState): LeadEvent[] {
  return LEAD_EVENTS.filter((event) => LEAD_TRANSITIONS[state][event] !== undefined);
}
