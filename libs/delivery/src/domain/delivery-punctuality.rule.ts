import { type ReceiverKind } from './delivery-completion.rule.js';
import { type DeliveryState } from './delivery.lifecycle.js';

/**
 * Punctuality 送货及时率: arriving within the stop's planned window, both ends included and widened by
 * a configurable grace (default none: the window is the promise). Early is not on time: a retailer who is
 * not there yet is how proxy receipts happen.
 */
export interface DeliveryWindow {
  readonly start: Date;
  readonly end: Date;
}

export interface PunctualityPolicy {
  readonly graceMinutes: number;
}

export const DEFAULT_PUNCTUALITY_POLICY: PunctualityPolicy = { graceMinutes: 0 };

export type ArrivalTiming = 'early' | 'onTime' | 'late';

export function arrivalTiming(
  arrivedAt: Date,
  window: DeliveryWindow,
  policy: PunctualityPolicy = DEFAULT_PUNCTUALITY_POLICY,
): ArrivalTiming {
  if (!(window.start.getTime() <= window.end.getTime())) {
    throw new RangeError('a delivery window must start no later than it ends');
  }
  if (!Number.isFinite(policy.graceMinutes) || policy.graceMinutes < 0) {
    throw new RangeError(`grace must be a non-negative number of minutes (got ${policy.graceMinutes})`);
  }
  const graceMs = policy.graceMinutes * 60_000;
  const arrived = arrivedAt.getTime();
  if (Number.isNaN(arrived)) throw new RangeError('arrivedAt is not a valid instant');
  if (arrived < window.start.getTime() - graceMs) return 'early';
  if (arrived > window.end.getTime() + graceMs) return 'late';
  return 'onTime';
}

export interface DeliveryStop {
  readonly state: DeliveryState;
  readonly window: DeliveryWindow;
  /** Set once delivered (and kept when confirmed). */
  readonly arrivedAt: Date | null;
  readonly receiver: ReceiverKind | null;
}

/**
 * The counts behind one delivery staff member's punctuality for a period; the KPI context makes the rate
 * onTime ÷ deliveries. A delivery is a stop with an outcome: delivered, confirmed or failed (a failed stop
 * was not delivered on time); stops still planned are not counted yet. A proxy receipt counts like any
 * delivery for punctuality (it measures time) and is also counted on its own.
 */
export interface DeliveryTally {
  readonly deliveries: number;
  readonly onTime: number;
  readonly early: number;
  readonly late: number;
  readonly failed: number;
  readonly proxyReceipts: number;
}

export function tallyDeliveries(
  stops: readonly DeliveryStop[],
  policy: PunctualityPolicy = DEFAULT_PUNCTUALITY_POLICY,
): DeliveryTally {
  const tally = { deliveries: 0, onTime: 0, early: 0, late: 0, failed: 0, proxyReceipts: 0 };
  for (const stop of stops) {
    if (stop.state === 'planned') continue;
    tally.deliveries++;
    if (stop.state === 'failed') {
      tally.failed++;
      continue;
    }
    if (stop.arrivedAt === null || stop.receiver === null) {
      throw new RangeError(`a ${stop.state} stop needs its arrival time and receiver`);
    }
    tally[arrivalTiming(stop.arrivedAt, stop.window, policy)]++;
    if (stop.receiver === 'proxy') tally.proxyReceipts++;
  }
  return tally;
}
