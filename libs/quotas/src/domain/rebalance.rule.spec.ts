import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { rebalanceCaps, type CurrentQuota, type ProposedCap } from './rebalance.rule.js';

const current: CurrentQuota[] = [
  { retailerId: 'r1', cap: 100, used: 40 },
  { retailerId: 'r2', cap: 50, used: 50 },
  { retailerId: 'r3', cap: 30, used: 0 },
];

function caps(entries: Record<string, number>): ProposedCap[] {
  return Object.entries(entries).map(([retailerId, cap]) => ({ retailerId, cap }));
}

describe('rebalanceCaps', () => {
  it('moves cap between retailers when the total is kept', () => {
    expect(rebalanceCaps(current, caps({ r1: 80, r3: 50 }))).toEqual({
      ok: true,
      value: [
        { retailerId: 'r1', previousCap: 100, cap: 80, used: 40 },
        { retailerId: 'r3', previousCap: 30, cap: 50, used: 0 },
      ],
    });
  });

  it.each<[string, Record<string, number>]>([
    ['a retailer down to exactly what it used', { r1: 40, r3: 90 }],
    ['an unused retailer down to 0', { r1: 130, r3: 0 }],
    ['all three unchanged', { r1: 100, r2: 50, r3: 30 }],
    ['nothing at all', {}],
  ])('accepts %s', (_, proposed) => {
    expect(rebalanceCaps(current, caps(proposed)).ok).toBe(true);
  });

  it.each<[string, ProposedCap[], object]>([
    [
      'a total that grows: 130 → 140',
      caps({ r1: 90, r3: 50 }),
      { code: 'QUOTA_REBALANCE_TOTAL_CHANGED', details: { totalBefore: 130, totalAfter: 140 } },
    ],
    [
      'a total that shrinks: 180 → 179',
      caps({ r1: 100, r2: 50, r3: 29 }),
      { code: 'QUOTA_REBALANCE_TOTAL_CHANGED', details: { totalBefore: 180, totalAfter: 179 } },
    ],
    [
      'a cap below what was used',
      caps({ r1: 30, r3: 100 }),
      { code: 'QUOTA_BELOW_USED', details: { retailerId: 'r1', cap: 30, used: 40 } },
    ],
    [
      'a fully used retailer losing one carton',
      caps({ r2: 49, r3: 31 }),
      { code: 'QUOTA_BELOW_USED', details: { retailerId: 'r2', cap: 49, used: 50 } },
    ],
    [
      'a negative cap',
      caps({ r1: -5, r3: 135 }),
      { code: 'QUOTA_CAP_INVALID', details: { retailerId: 'r1', cap: -5 } },
    ],
    [
      'a fractional cap',
      caps({ r1: 99.5, r3: 30.5 }),
      { code: 'QUOTA_CAP_INVALID', details: { retailerId: 'r1', cap: 99.5 } },
    ],
    ['a cap that is not a number', caps({ r3: Number.NaN }), { code: 'QUOTA_CAP_INVALID' }],
    [
      'a retailer listed twice',
      [...caps({ r1: 90, r3: 40 }), { retailerId: 'r1', cap: 90 }],
      { code: 'QUOTA_REBALANCE_DUPLICATE_RETAILER', details: { retailerId: 'r1' } },
    ],
    [
      'a retailer outside the set',
      caps({ r1: 90, r9: 10 }),
      { code: 'QUOTA_REBALANCE_UNKNOWN_RETAILER', details: { retailerId: 'r9' } },
    ],
    [
      'a changed total before a cap below used',
      caps({ r1: 10, r3: 30 }),
      { code: 'QUOTA_REBALANCE_TOTAL_CHANGED', details: { totalBefore: 130, totalAfter: 40 } },
    ],
  ])('refuses %s', (_, proposed, refusal) => {
    const result = rebalanceCaps(current, proposed);
    expect(result).toMatchObject({ ok: false, ...refusal });
    expect(result.ok === false && result.message.length > 0).toBe(true);
  });

  it('compares totals exactly beyond 2^53, where a Number sum would round them equal', () => {
    const max = Number.MAX_SAFE_INTEGER;
    const huge: CurrentQuota[] = [
      { retailerId: 'a', cap: max, used: 0 },
      { retailerId: 'b', cap: max - 10, used: 0 },
    ];
    expect(rebalanceCaps(huge, caps({ a: max - 10, b: max })).ok).toBe(true);
    expect(rebalanceCaps(huge, caps({ a: max - 10, b: max - 1 }))).toMatchObject({
      code: 'QUOTA_REBALANCE_TOTAL_CHANGED',
    });
  });

  const quotas = fc
    .array(
      fc
        .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }))
        .map(([a, b]) => ({ cap: Math.max(a, b), used: Math.min(a, b) })),
      { minLength: 1, maxLength: 20 },
    )
    .map((list) => list.map((quota, i) => ({ retailerId: `r${i}`, ...quota })));

  it('keeps the total and respects used cartons whenever it accepts', () => {
    fc.assert(
      fc.property(
        quotas,
        fc.array(fc.integer({ min: 0, max: 20_000 }), { maxLength: 20 }),
        (before, newCaps) => {
          const proposed = newCaps.slice(0, before.length).map((cap, i) => ({ retailerId: `r${i}`, cap }));
          const result = rebalanceCaps(before, proposed);
          if (!result.ok) return;
          const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
          expect(sum(result.value.map((entry) => entry.cap))).toBe(
            sum(result.value.map((e) => e.previousCap)),
          );
          result.value.forEach((entry) => expect(entry.cap).toBeGreaterThanOrEqual(entry.used));
        },
      ),
    );
  });

  it('accepts any sequence of transfers of unused cap', () => {
    fc.assert(
      fc.property(
        quotas,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 10 }),
        (before, transfers) => {
          const newCaps = before.map((quota) => quota.cap);
          for (const [from, to, share] of transfers) {
            const [source, target] = [from % before.length, to % before.length];
            const amount = Math.floor((newCaps[source] - before[source].used) * share);
            newCaps[source] -= amount;
            newCaps[target] += amount;
          }
          const result = rebalanceCaps(
            before,
            newCaps.map((cap, i) => ({ retailerId: `r${i}`, cap })),
          );
          expect(result.ok).toBe(true);
        },
      ),
    );
  });
});
