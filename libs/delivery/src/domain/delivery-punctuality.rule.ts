import { endOfDay } from '#libs/kernel';
import { type ReceiverKind } from './delivery-completion.rule.js';
import { type DeliveryState } from './delivery.lifecycle.js';

/**
 * Punctuality 送货及时率, judged from times the system records, never from a time the driver types.
 *
 * - The recorded time of a stop is the server's clock when the completion reached it, or, earlier, the
 *   retailer's door confirmation: the retailer confirming receipt on its own phone before the driver
 *   completes (the server's clock when that confirmation reached it), or the one-time code the retailer gave
 *   the driver (valid for that stop, on its delivery date only), entered on the driver's phone. A completion
 *   queued offline keeps the phone's time of the code only when it reaches the server within a configured
 *   bound; later, the server's time stands. A signature on the driver's own phone is evidence of receipt,
 *   never of time: it is not an input.
 * - The arrival time the driver types is kept as the driver's statement. When it differs from the recorded
 *   time by more than a configured tolerance the stop is 补录 (entered after the fact) and not on time.
 * - On time = the recorded time within the planned window (both ends, widened by a grace; default none:
 *   the window is the promise; early is not on time, a retailer not there yet is how proxy receipts happen),
 *   not 补录, and received by the retailer: a proxy receipt 代接货 stays flagged and counts against.
 * - A stop still open when its delivery date has ended (business day, in the business time zone) is 未完成
 *   and counts: left planned it is not on time, so leaving a late stop open hides nothing; confirmed by the
 *   retailer on its own phone but never completed by the driver, it is judged by that confirmation (a time
 *   the server saw, the retailer saying the goods are there: what the driver's completion would have
 *   recorded anyway), and still shown as 未完成.
 */
export interface DeliveryWindow {
  readonly start: Date;
  readonly end: Date;
}

export interface PunctualityPolicy {
  readonly graceMinutes: number;
  /** A typed arrival further than this from the recorded time makes the stop 补录. */
  readonly statementToleranceMinutes: number;
  /** A door code's phone time counts only when the completion reached the server within this many minutes. */
  readonly offlineBoundMinutes: number;
}

export const DEFAULT_PUNCTUALITY_POLICY: PunctualityPolicy = {
  graceMinutes: 0,
  statementToleranceMinutes: 15,
  offlineBoundMinutes: 12 * 60,
};

export type ArrivalTiming = 'early' | 'onTime' | 'late';

export function arrivalTiming(
  arrivedAt: Date,
  window: DeliveryWindow,
  policy: Pick<PunctualityPolicy, 'graceMinutes'> = DEFAULT_PUNCTUALITY_POLICY,
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

/** Where a stop's recorded time comes from. */
export const TIME_SOURCES = ['server', 'doorCode', 'retailerPhone'] as const;
export type TimeSource = (typeof TIME_SOURCES)[number];
export const TIME_SOURCE_LABELS: Readonly<Record<TimeSource, string>> = {
  server: '服务器完成时间',
  doorCode: '零售户到户确认码',
  retailerPhone: '零售户手机确认收货',
};

export interface CompletionEvidence {
  /** The server's clock when the completion reached it. */
  readonly receivedAt: Date;
  /** The arrival time the driver typed: a statement. */
  readonly statedArrivalAt: Date;
  /**
   * The phone's time when a verified door code was entered (the caller has checked the code, and that it
   * was entered on the stop's delivery date); null without a code.
   */
  readonly doorCodeAt: Date | null;
  /**
   * The server's clock when the retailer confirmed receipt on its own phone, before this completion; null
   * when it did not. A time the server saw, so no bound applies; it stands before a door code's phone time.
   */
  readonly retailerConfirmedAt: Date | null;
}

export interface RecordedCompletion {
  readonly recordedAt: Date;
  readonly timeSource: TimeSource;
  /** 补录: the typed arrival is further from the recorded time than the tolerance. */
  readonly lateEntry: boolean;
}

export function recordCompletion(
  evidence: CompletionEvidence,
  policy: Omit<PunctualityPolicy, 'graceMinutes'> = DEFAULT_PUNCTUALITY_POLICY,
): RecordedCompletion {
  for (const [name, minutes] of [
    ['tolerance', policy.statementToleranceMinutes],
    ['offline bound', policy.offlineBoundMinutes],
  ] as const) {
    if (!Number.isFinite(minutes) || minutes < 0)
      throw new RangeError(`the ${name} must be a non-negative number of minutes (got ${minutes})`);
  }
  const received = evidence.receivedAt.getTime();
  const stated = evidence.statedArrivalAt.getTime();
  if (Number.isNaN(received) || Number.isNaN(stated)) throw new RangeError('a time is not a valid instant');
  let recordedAt = evidence.receivedAt;
  let timeSource: TimeSource = 'server';
  const confirmed = evidence.retailerConfirmedAt?.getTime();
  const code = evidence.doorCodeAt?.getTime();
  if (confirmed !== undefined && !Number.isNaN(confirmed) && confirmed <= received) {
    recordedAt = evidence.retailerConfirmedAt as Date;
    timeSource = 'retailerPhone';
  } else if (code !== undefined && !Number.isNaN(code) && code <= received) {
    // (A phone clock ahead of the server never makes a stop later than the server saw it.)
    if (received - code <= policy.offlineBoundMinutes * 60_000) {
      recordedAt = evidence.doorCodeAt as Date;
      timeSource = 'doorCode';
    }
  }
  const lateEntry = Math.abs(stated - recordedAt.getTime()) > policy.statementToleranceMinutes * 60_000;
  return { recordedAt, timeSource, lateEntry };
}

export interface DeliveryStop {
  readonly state: DeliveryState;
  /** The business date the stop is planned for (YYYY-MM-DD): once it has ended, an open stop counts. */
  readonly deliveryDate: string;
  readonly window: DeliveryWindow;
  /** The recorded time (see `recordCompletion`); set once delivered (and kept when confirmed). */
  readonly recordedAt: Date | null;
  /** The server's time the retailer confirmed receipt on its own phone; null until it does. */
  readonly confirmedAt: Date | null;
  readonly lateEntry: boolean;
  readonly receiver: ReceiverKind | null;
}

/** When stops are counted: the injected clock's now, and the business time zone that ends a delivery date. */
export interface TallyMoment {
  readonly now: Date;
  readonly timeZone: string;
}

/** Whether a stop's delivery date is over at `now` (its business day's end, exclusive, in the zone). */
export function deliveryDayEnded(deliveryDate: string, moment: TallyMoment): boolean {
  return moment.now.getTime() >= endOfDay(deliveryDate, moment.timeZone).getTime();
}

/**
 * The counts behind one delivery staff member's punctuality for a period; the KPI context makes the rate
 * onTime ÷ deliveries. A delivery is a stop with an outcome (delivered, confirmed or failed: a failed stop
 * was not delivered on time) or a stop still open when its delivery date has ended, 未完成 (`unfinished`):
 * planned, never on time; received by the retailer on its phone but not completed by the driver, judged by
 * the retailer's confirmation. An open stop whose day has not ended is not counted yet. `early` and `late`
 * place the recorded time against the window; `onTime` counts only the stops within it that are neither 补录
 * (`lateEntries`) nor proxy receipts (`proxyReceipts`).
 */
export interface DeliveryTally {
  readonly deliveries: number;
  readonly onTime: number;
  readonly early: number;
  readonly late: number;
  readonly failed: number;
  readonly unfinished: number;
  readonly proxyReceipts: number;
  readonly lateEntries: number;
}

export function tallyDeliveries(
  stops: readonly DeliveryStop[],
  moment: TallyMoment,
  policy: Pick<PunctualityPolicy, 'graceMinutes'> = DEFAULT_PUNCTUALITY_POLICY,
): DeliveryTally {
  const tally = {
    deliveries: 0,
    onTime: 0,
    early: 0,
    late: 0,
    failed: 0,
    unfinished: 0,
    proxyReceipts: 0,
    lateEntries: 0,
  };
  for (const stop of stops) {
    const open = stop.state === 'planned' || stop.state === 'received';
    if (open && !deliveryDayEnded(stop.deliveryDate, moment)) continue;
    tally.deliveries++;
    if (open) tally.unfinished++;
    if (stop.state === 'failed') tally.failed++;
    if (stop.state === 'failed' || stop.state === 'planned') continue;
    // A received stop's time is the retailer's own confirmation, by the retailer itself, with nothing typed.
    const recordedAt = stop.state === 'received' ? stop.confirmedAt : stop.recordedAt;
    const receiver = stop.state === 'received' ? 'retailer' : stop.receiver;
    if (recordedAt === null || receiver === null) {
      throw new RangeError(`a ${stop.state} stop needs its recorded time and receiver`);
    }
    const lateEntry = stop.state !== 'received' && stop.lateEntry;
    const timing = arrivalTiming(recordedAt, stop.window, policy);
    if (receiver === 'proxy') tally.proxyReceipts++;
    if (lateEntry) tally.lateEntries++;
    if (timing !== 'onTime') tally[timing]++;
    else if (!lateEntry && receiver !== 'proxy') tally.onTime++;
  }
  return tally;
}

/** A rate kept with its parts (the KPI context's `Rate` shape): `ratio` is null when nothing was measured. */
export interface DeliveryRate {
  readonly numerator: number;
  readonly denominator: number;
  readonly ratio: number | null;
}

/** 送货及时率 = onTime ÷ deliveries; proxy receipts are also a count of their own (target: none). */
export function punctualityRate(tally: DeliveryTally): DeliveryRate {
  return {
    numerator: tally.onTime,
    denominator: tally.deliveries,
    ratio: tally.deliveries === 0 ? null : tally.onTime / tally.deliveries,
  };
}
