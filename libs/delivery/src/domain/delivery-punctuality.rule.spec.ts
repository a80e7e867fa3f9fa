import { describe, expect, it } from '@jest/globals';
import { type ReceiverKind } from './delivery-completion.rule.js';
import {
  type ArrivalTiming,
  arrivalTiming,
  type DeliveryStop,
  punctualityRate,
  recordCompletion,
  tallyDeliveries,
} from './delivery-punctuality.rule.js';
import { type DeliveryState } from './delivery.lifecycle.js';

// 09:00–11:00 in Shanghai.
const window = { start: new Date('2024-03-04T01:00:00Z'), end: new Date('2024-03-04T03:00:00Z') };

describe('arrivalTiming', () => {
  it.each<[string, ArrivalTiming]>([
    ['2024-03-04T00:59:59.999Z', 'early'],
    ['2024-03-04T01:00:00.000Z', 'onTime'], // both ends of the window count
    ['2024-03-04T02:00:00.000Z', 'onTime'],
    ['2024-03-04T03:00:00.000Z', 'onTime'],
    ['2024-03-04T03:00:00.001Z', 'late'],
  ])('arriving at %s without grace → %s', (arrivedAt, timing) => {
    expect(arrivalTiming(new Date(arrivedAt), window)).toBe(timing);
  });

  it.each<[string, ArrivalTiming]>([
    ['2024-03-04T00:49:59Z', 'early'],
    ['2024-03-04T00:50:00Z', 'onTime'],
    ['2024-03-04T03:10:00Z', 'onTime'],
    ['2024-03-04T03:10:01Z', 'late'],
  ])('arriving at %s with 10 minutes grace → %s', (arrivedAt, timing) => {
    expect(arrivalTiming(new Date(arrivedAt), window, { graceMinutes: 10 })).toBe(timing);
  });

  it('refuses a window that ends before it starts, negative grace and an invalid arrival', () => {
    const arrived = new Date('2024-03-04T02:00:00Z');
    expect(() => arrivalTiming(arrived, { start: window.end, end: window.start })).toThrow(RangeError);
    expect(() => arrivalTiming(arrived, window, { graceMinutes: -1 })).toThrow(RangeError);
    expect(() => arrivalTiming(new Date('nonsense'), window)).toThrow(RangeError);
  });
});

describe('recordCompletion', () => {
  const at = (iso: string) => new Date(iso);
  const policy = { statementToleranceMinutes: 15, offlineBoundMinutes: 720 };

  it('flags 补录 a typed arrival two hours before the recorded completion, and keeps the statement apart', () => {
    // Completed on the server at 18:00; the driver typed 16:00.
    expect(
      recordCompletion(
        {
          receivedAt: at('2024-03-04T10:00:00Z'),
          statedArrivalAt: at('2024-03-04T08:00:00Z'),
          doorCodeAt: null,
          retailerConfirmedAt: null,
        },
        policy,
      ),
    ).toEqual({ recordedAt: at('2024-03-04T10:00:00Z'), timeSource: 'server', lateEntry: true });
  });

  it.each<[string, string, boolean]>([
    ['typed the same minute', '2024-03-04T02:00:00Z', false],
    ['typed 15 minutes earlier: within the tolerance', '2024-03-04T01:45:00Z', false],
    ['typed 15 minutes and a second earlier', '2024-03-04T01:44:59Z', true],
    ['typed 16 minutes later', '2024-03-04T02:16:00Z', true],
  ])('%s → 补录 %p', (_case, stated, lateEntry) => {
    expect(
      recordCompletion(
        {
          receivedAt: at('2024-03-04T02:00:00Z'),
          statedArrivalAt: at(stated),
          doorCodeAt: null,
          retailerConfirmedAt: null,
        },
        policy,
      ).lateEntry,
    ).toBe(lateEntry);
  });

  it('keeps the phone time of a verified door code queued offline within the bound', () => {
    // Code entered at the door at 10:00, the phone back online at 17:00 (7 hours later, bound 12).
    expect(
      recordCompletion(
        {
          receivedAt: at('2024-03-04T09:00:00Z'),
          statedArrivalAt: at('2024-03-04T02:05:00Z'),
          doorCodeAt: at('2024-03-04T02:00:00Z'),
          retailerConfirmedAt: null,
        },
        policy,
      ),
    ).toEqual({ recordedAt: at('2024-03-04T02:00:00Z'), timeSource: 'doorCode', lateEntry: false });
  });

  it('falls back to the server time when the queued code arrives past the bound', () => {
    const result = recordCompletion(
      {
        receivedAt: at('2024-03-04T14:00:01Z'),
        statedArrivalAt: at('2024-03-04T02:00:00Z'),
        doorCodeAt: at('2024-03-04T02:00:00Z'),
        retailerConfirmedAt: null,
      },
      policy,
    );
    expect(result).toEqual({ recordedAt: at('2024-03-04T14:00:01Z'), timeSource: 'server', lateEntry: true });
  });

  it('takes the retailer’s own confirmation, on the server’s clock, before the driver’s door code', () => {
    // The retailer confirmed on its phone at 10:05; the driver entered the code at 10:00 and was back online
    // at 17:00, typing 10:10.
    expect(
      recordCompletion(
        {
          receivedAt: at('2024-03-04T09:00:00Z'),
          statedArrivalAt: at('2024-03-04T02:10:00Z'),
          doorCodeAt: at('2024-03-04T02:00:00Z'),
          retailerConfirmedAt: at('2024-03-04T02:05:00Z'),
        },
        policy,
      ),
    ).toEqual({ recordedAt: at('2024-03-04T02:05:00Z'), timeSource: 'retailerPhone', lateEntry: false });
  });

  it('keeps the retailer’s confirmation however late the driver completes, and judges the typed time by it', () => {
    // Confirmed by the retailer at 10:00; the driver completes the next morning, typing 12:00: 补录.
    expect(
      recordCompletion(
        {
          receivedAt: at('2024-03-05T01:00:00Z'),
          statedArrivalAt: at('2024-03-04T04:00:00Z'),
          doorCodeAt: null,
          retailerConfirmedAt: at('2024-03-04T02:00:00Z'),
        },
        policy,
      ),
    ).toEqual({ recordedAt: at('2024-03-04T02:00:00Z'), timeSource: 'retailerPhone', lateEntry: true });
  });

  it('never takes a phone time ahead of the server', () => {
    const result = recordCompletion(
      {
        receivedAt: at('2024-03-04T02:00:00Z'),
        statedArrivalAt: at('2024-03-04T02:00:00Z'),
        doorCodeAt: at('2024-03-04T02:03:00Z'),
        retailerConfirmedAt: null,
      },
      policy,
    );
    expect(result).toMatchObject({ recordedAt: at('2024-03-04T02:00:00Z'), timeSource: 'server' });
  });

  it('refuses a negative tolerance or bound and invalid instants', () => {
    const evidence = {
      receivedAt: at('2024-03-04T02:00:00Z'),
      statedArrivalAt: at('2024-03-04T02:00:00Z'),
      doorCodeAt: null,
      retailerConfirmedAt: null,
    };
    expect(() => recordCompletion(evidence, { ...policy, statementToleranceMinutes: -1 })).toThrow(
      RangeError,
    );
    expect(() => recordCompletion(evidence, { ...policy, offlineBoundMinutes: Number.NaN })).toThrow(
      RangeError,
    );
    expect(() => recordCompletion({ ...evidence, statedArrivalAt: at('nonsense') })).toThrow(RangeError);
  });
});

describe('tallyDeliveries', () => {
  const zone = 'Asia/Shanghai';
  // The evening after the stops' day (4 March, Shanghai), and the first instant of the 5th there.
  const sameEvening = { now: new Date('2024-03-04T15:59:59.999Z'), timeZone: zone };
  const dayOver = { now: new Date('2024-03-04T16:00:00Z'), timeZone: zone };
  const stop = (
    state: DeliveryState,
    recordedAt: string | null,
    receiver: ReceiverKind | null,
    lateEntry = false,
    confirmedAt: string | null = null,
  ): DeliveryStop => ({
    state,
    deliveryDate: '2024-03-04',
    window,
    recordedAt: recordedAt === null ? null : new Date(recordedAt),
    confirmedAt: confirmedAt === null ? null : new Date(confirmedAt),
    lateEntry,
    receiver,
  });

  // One delivery staff member's stops with an outcome.
  const closed = [
    stop('delivered', '2024-03-04T01:30:00Z', 'retailer'), // on time
    stop('confirmed', '2024-03-04T02:00:00Z', 'proxy'), // within the window, but a proxy receipt
    stop('delivered', '2024-03-04T03:30:00Z', 'retailer'), // late
    stop('delivered', '2024-03-04T00:30:00Z', 'retailer'), // early
    stop('failed', null, null), // not delivered
    stop('confirmed', '2024-03-04T04:00:00Z', 'proxy'), // late, proxy
    stop('delivered', '2024-03-04T02:30:00Z', 'retailer', true), // within the window, but 补录
  ];
  const closedTally = {
    deliveries: 7,
    onTime: 1,
    early: 1,
    late: 2,
    failed: 1,
    unfinished: 0,
    proxyReceipts: 2,
    lateEntries: 1,
  };
  // Left open: never attempted, and confirmed by the retailer at 10:30 (in the window) but not completed.
  const planned = stop('planned', null, null);
  const received = stop('received', null, null, false, '2024-03-04T02:30:00Z');

  it('counts on time only stops within the window received by the retailer and not 补录', () => {
    // 7 stops with an outcome; on time: the first alone. Punctuality 1/7; 2 proxy receipts, 1 补录.
    expect(tallyDeliveries(closed, dayOver)).toEqual(closedTally);
  });

  it('does not count a stop still open before its day has ended', () => {
    expect(tallyDeliveries([...closed, planned, received], sameEvening)).toEqual(closedTally);
  });

  it('counts a stop left planned past its day as 未完成, against punctuality', () => {
    // 8 deliveries, still 1 on time: 1/8.
    expect(tallyDeliveries([...closed, planned], dayOver)).toEqual({
      ...closedTally,
      deliveries: 8,
      unfinished: 1,
    });
  });

  it('judges a stop the retailer confirmed but the driver never completed by the confirmation, as 未完成', () => {
    // Confirmed at 10:30 in the 09:00–11:00 window: on time, and shown as 未完成.
    expect(tallyDeliveries([...closed, received], dayOver)).toEqual({
      ...closedTally,
      deliveries: 8,
      onTime: 2,
      unfinished: 1,
    });
    // Confirmed at 12:00: late.
    const lateConfirmation = stop('received', null, null, false, '2024-03-04T04:00:00Z');
    expect(tallyDeliveries([lateConfirmation], dayOver)).toMatchObject({
      deliveries: 1,
      onTime: 0,
      late: 1,
      unfinished: 1,
      proxyReceipts: 0,
      lateEntries: 0,
    });
  });

  it('ends the day in the business time zone, however long it lasts', () => {
    // New York's 10 March 2024 lasts 23 hours: it ends at 04:00Z on the 11th.
    const ny = { ...planned, deliveryDate: '2024-03-10' };
    const at = (iso: string) => ({ now: new Date(iso), timeZone: 'America/New_York' });
    expect(tallyDeliveries([ny], at('2024-03-11T03:59:59.999Z')).unfinished).toBe(0);
    expect(tallyDeliveries([ny], at('2024-03-11T04:00:00Z')).unfinished).toBe(1);
  });

  it('applies the grace', () => {
    // 30 minutes of grace brings the early stop (00:30) and the late one at 03:30 within the window.
    expect(tallyDeliveries(closed, dayOver, { graceMinutes: 30 })).toMatchObject({
      onTime: 3,
      early: 0,
      late: 1,
    });
  });

  it('counts nothing for no stops, and refuses a delivered stop without a recorded time', () => {
    expect(tallyDeliveries([], dayOver)).toEqual({
      deliveries: 0,
      onTime: 0,
      early: 0,
      late: 0,
      failed: 0,
      unfinished: 0,
      proxyReceipts: 0,
      lateEntries: 0,
    });
    expect(() => tallyDeliveries([stop('delivered', null, 'retailer')], dayOver)).toThrow(RangeError);
    expect(() => tallyDeliveries([stop('received', null, null)], dayOver)).toThrow(RangeError);
  });
});

describe('punctualityRate', () => {
  it('is on-time stops over stops with an outcome', () => {
    expect(
      punctualityRate({
        deliveries: 7,
        onTime: 1,
        early: 1,
        late: 2,
        failed: 1,
        unfinished: 0,
        proxyReceipts: 2,
        lateEntries: 1,
      }),
    ).toEqual({ numerator: 1, denominator: 7, ratio: 1 / 7 });
  });

  it('has no ratio without deliveries', () => {
    expect(
      punctualityRate(tallyDeliveries([], { now: window.end, timeZone: 'Asia/Shanghai' })).ratio,
    ).toBeNull();
  });
});
