import type { DemandChannel } from './demand.lifecycle.js';

export type CycleStatus = 'scheduled' | 'open' | 'cut_off' | 'consolidated' | 'cancelled';

/** What a demand change needs to know about its cycle. */
export interface DemandCycleWindow {
  status: CycleStatus;
  opensAt: Date;
  cutoffAt: Date;
}

/**
 * Whether demand of a channel may be recorded or changed in a cycle now (rule 6, amended): the retailer's own
 * demand only inside the window; collected demand also after the cutoff — for a retailer who missed its
 * window (次日由支点统一订购) — until the cycle is consolidated, after which it is refused with its own code.
 * Null: allowed.
 */
export function demandWindowRefusal(
  channel: DemandChannel,
  cycle: DemandCycleWindow,
  now: Date,
): 'CYCLE_CLOSED' | 'CYCLE_CONSOLIDATED' | null {
  if (cycle.status === 'cancelled' || now < cycle.opensAt) return 'CYCLE_CLOSED';
  if (cycle.status === 'consolidated') return channel === 'collected' ? 'CYCLE_CONSOLIDATED' : 'CYCLE_CLOSED';
  const beforeCutoff = now < cycle.cutoffAt && cycle.status !== 'cut_off';
  if (beforeCutoff || channel === 'collected') return null;
  return 'CYCLE_CLOSED';
}
