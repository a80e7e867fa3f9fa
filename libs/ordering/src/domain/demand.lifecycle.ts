import {
  type Outcome,
  statesAllowing,
  transition,
  type TransitionRefusal,
  type TransitionTable,
} from '#libs/kernel';

export const DEMAND_CHANNELS = ['self', 'collected'] as const;
/** `self`: the retailer's own demand 自主提报 (or a phone clerk's on its behalf); `collected`: by an account manager. */
export type DemandChannel = (typeof DEMAND_CHANNELS)[number];

export const DEMAND_STATES = [
  'submitted',
  'pending_confirmation',
  'pending_approval',
  'approved',
  'rejected',
  'expired',
  'cancelled',
  'ordered',
] as const;
export type DemandState = (typeof DEMAND_STATES)[number];

/**
 * Who triggers what (the service checks roles; the table checks order):
 * amend — the retailer (self) or the collecting account manager (collected); cancel — the retailer, or for
 * collected demand also its account manager; confirm — the retailer (in its account, or by its code or signature
 * on the account manager's phone); approve / reject — a market manager of the service center; expire and
 * order — the consolidation job. When each may happen: demand-window.rule.ts.
 */
export const DEMAND_EVENTS = ['amend', 'cancel', 'confirm', 'approve', 'reject', 'expire', 'order'] as const;
export type DemandEvent = (typeof DEMAND_EVENTS)[number];

type DemandLifecycle = TransitionTable<DemandState, DemandEvent>;

/**
 * Self demand needs nobody's approval (rule 6) and no account manager ever edits it. Collected demand needs the
 * retailer's confirmation, then a market manager's approval, before the unified order, or it expires; any amendment
 * sends it back to the retailer, so nothing the retailer did not confirm can be approved or ordered.
 */
export const DEMAND_LIFECYCLES: Readonly<Record<DemandChannel, DemandLifecycle>> = {
  self: {
    submitted: { amend: 'submitted', cancel: 'cancelled', order: 'ordered' },
    cancelled: {},
    ordered: {},
  },
  collected: {
    pending_confirmation: {
      amend: 'pending_confirmation',
      confirm: 'pending_approval',
      cancel: 'cancelled',
      expire: 'expired',
    },
    pending_approval: {
      amend: 'pending_confirmation',
      approve: 'approved',
      reject: 'rejected',
      cancel: 'cancelled',
      expire: 'expired',
    },
    approved: { amend: 'pending_confirmation', cancel: 'cancelled', order: 'ordered' },
    rejected: {},
    expired: {},
    cancelled: {},
    ordered: {},
  },
};

export const INITIAL_DEMAND_STATE: Readonly<Record<DemandChannel, DemandState>> = {
  self: 'submitted',
  collected: 'pending_confirmation',
};

/** A state of the other channel (a corrupt row) is refused like any forbidden transition. */
export function transitionDemand(
  channel: DemandChannel,
  state: DemandState,
  event: DemandEvent,
): Outcome<DemandState, TransitionRefusal<'DEMAND_INVALID_TRANSITION', DemandState, DemandEvent>> {
  return transition(
    DEMAND_LIFECYCLES[channel],
    { code: 'DEMAND_INVALID_TRANSITION', subject: `A ${channel} demand` },
    state,
    event,
  );
}

/** States of a channel from which `event` applies, e.g. expire → pending_confirmation, pending_approval. */
export function demandStatesAllowing(channel: DemandChannel, event: DemandEvent): DemandState[] {
  return statesAllowing(DEMAND_LIFECYCLES[channel], event);
}
