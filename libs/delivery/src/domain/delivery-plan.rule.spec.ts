import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  DEFAULT_DELIVERY_WINDOW_POLICY,
  deliveryDateFor,
  plannedWindow,
  routeForTerritory,
  sequenceStops,
} from './delivery-plan.rule.js';

// Default day: windows of 60 minutes from 08:30, 15 stops each, the last one 16:30–17:30 (9 full windows).
describe('plannedWindow', () => {
  it.each([
    [1, 510, 570], // 08:30–09:30
    [15, 510, 570],
    [16, 570, 630], // 09:30–10:30
    [30, 570, 630],
    [31, 630, 690],
    [135, 990, 1050], // stop 135 ends the 9th window, 16:30–17:30
    [136, 990, 1050], // overflow stays in the last window
    [1000, 990, 1050],
  ])('stop %i → minutes %i–%i', (position, startMinute, endMinute) => {
    expect(plannedWindow(position)).toEqual({ startMinute, endMinute });
  });

  it('follows the policy', () => {
    const policy = { dayStartMinute: 480, dayEndMinute: 720, slotMinutes: 120, stopsPerSlot: 2 };
    expect([1, 2, 3, 4, 5].map((p) => plannedWindow(p, policy).startMinute)).toEqual([
      480, 480, 600, 600, 600,
    ]);
  });

  it.each([
    ['position 0', 0, DEFAULT_DELIVERY_WINDOW_POLICY],
    ['a fractional position', 1.5, DEFAULT_DELIVERY_WINDOW_POLICY],
    ['no stops per slot', 1, { ...DEFAULT_DELIVERY_WINDOW_POLICY, stopsPerSlot: 0 }],
    ['a day shorter than a window', 1, { ...DEFAULT_DELIVERY_WINDOW_POLICY, dayEndMinute: 540 }],
    ['a day past midnight', 1, { ...DEFAULT_DELIVERY_WINDOW_POLICY, dayEndMinute: 1500 }],
  ])('refuses %s', (_case, position, policy) => {
    expect(() => plannedWindow(position, policy)).toThrow(RangeError);
  });

  it('never ends after the day, never before it starts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (position) => {
        const window = plannedWindow(position);
        expect(window.startMinute).toBeGreaterThanOrEqual(DEFAULT_DELIVERY_WINDOW_POLICY.dayStartMinute);
        expect(window.endMinute).toBeLessThanOrEqual(DEFAULT_DELIVERY_WINDOW_POLICY.dayEndMinute);
        expect(window.endMinute - window.startMinute).toBe(60);
      }),
    );
  });
});

describe('sequenceStops', () => {
  const stops = [
    { territoryId: 7, retailerId: 3, tag: 'c' },
    { territoryId: 5, retailerId: 9, tag: 'b' },
    { territoryId: 5, retailerId: 2, tag: 'a' },
  ];

  it('orders by territory then retailer, numbering after the stops already on the run', () => {
    expect(sequenceStops(stops, 14).map((s) => [s.tag, s.position, s.window.startMinute])).toEqual([
      ['a', 15, 510],
      ['b', 16, 570],
      ['c', 17, 570],
    ]);
  });

  it('numbers from 1 on a new run, and leaves its input alone', () => {
    expect(sequenceStops(stops, 0).map((s) => s.position)).toEqual([1, 2, 3]);
    expect(stops[0].tag).toBe('c');
    expect(() => sequenceStops(stops, -1)).toThrow(RangeError);
  });
});

describe('routeForTerritory', () => {
  it.each([
    [[12, 4, 9], 4],
    [[3], 3],
    [[], null],
  ])('%j → %p', (routes, route) => {
    expect(routeForTerritory(routes)).toBe(route);
  });
});

describe('deliveryDateFor', () => {
  it.each([
    ['2026-11-30', '2026-12-01', '2026-12-01'], // the next morning
    ['2026-11-30', '2026-11-30', '2026-12-01'], // planned the same day
    ['2026-12-31', '2027-01-01', '2027-01-01'], // across the year
    ['2026-11-30', '2026-12-03', '2026-12-03'], // planned late: today, not the past
  ])('ordered %s, planned %s → %s', (orderDate, planningDate, deliveryDate) => {
    expect(deliveryDateFor(orderDate, planningDate)).toBe(deliveryDate);
  });

  it('refuses impossible dates', () => {
    expect(() => deliveryDateFor('2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => deliveryDateFor('2026-03-01', 'tomorrow')).toThrow(RangeError);
  });
});
