import { describe, expect, it } from '@jest/globals';
import { type ReceiverKind } from './delivery-completion.rule.js';
import {
  type ArrivalTiming,
  arrivalTiming,
  type DeliveryStop,
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

describe('tallyDeliveries', () => {
  const stop = (
    state: DeliveryState,
    arrivedAt: string | null,
    receiver: ReceiverKind | null,
  ): DeliveryStop => ({
    state,
    window,
    arrivedAt: arrivedAt === null ? null : new Date(arrivedAt),
    receiver,
  });

  // One delivery staff member's stops.
  const stops = [
    stop('delivered', '2024-03-04T01:30:00Z', 'retailer'), // on time
    stop('confirmed', '2024-03-04T02:00:00Z', 'proxy'), // on time, proxy
    stop('delivered', '2024-03-04T03:30:00Z', 'retailer'), // late
    stop('delivered', '2024-03-04T00:30:00Z', 'retailer'), // early
    stop('failed', null, null), // not delivered
    stop('planned', null, null), // not attempted yet: not counted
    stop('confirmed', '2024-03-04T04:00:00Z', 'proxy'), // late, proxy
  ];

  it('counts on-time deliveries over stops with an outcome, and proxy receipts on their own', () => {
    // 6 stops with an outcome; on time: the first two. Punctuality 2/6; 2 proxy receipts.
    expect(tallyDeliveries(stops)).toEqual({
      deliveries: 6,
      onTime: 2,
      early: 1,
      late: 2,
      failed: 1,
      proxyReceipts: 2,
    });
  });

  it('applies the grace', () => {
    // 30 minutes of grace brings in the early stop (00:30) and the late one at 03:30.
    expect(tallyDeliveries(stops, { graceMinutes: 30 })).toMatchObject({ onTime: 4, early: 0, late: 1 });
  });

  it('counts nothing for no stops, and refuses a delivered stop without arrival', () => {
    expect(tallyDeliveries([])).toEqual({
      deliveries: 0,
      onTime: 0,
      early: 0,
      late: 0,
      failed: 0,
      proxyReceipts: 0,
    });
    expect(() => tallyDeliveries([stop('delivered', null, 'retailer')])).toThrow(RangeError);
  });
});
