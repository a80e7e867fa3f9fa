import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { allocateByLargestRemainder, type AllocationTarget, type Ask } from './largest-remainder.rule.js';

function asks(entries: Record<string, number>): Ask[] {
  return Object.entries(entries).map(([key, ask]) => ({ key, ask }));
}

function allocated(result: {
  allocations: Array<{ key: string; allocated: number }>;
}): Record<string, number> {
  return Object.fromEntries(result.allocations.map(({ key, allocated }) => [key, allocated]));
}

describe('allocateByLargestRemainder', () => {
  it.each<[string, Ask[], AllocationTarget, number, Record<string, number>]>([
    [
      // ⌊60 × 0.95⌋ = 57; shares 9.5, 19, 28.5 → 9, 19, 28 and one left: a and c tie at .5, c asked more.
      'a tie on the remainder goes to the larger ask',
      asks({ a: 10, b: 20, c: 30 }),
      { supplyRatioBp: 9_500 },
      57,
      { a: 9, b: 19, c: 29 },
    ],
    [
      // 2.8 and 4.2 → 2 and 4; the one left goes to the larger remainder (.8), not the larger ask.
      'the largest remainder wins over the larger ask',
      asks({ x: 4, y: 6 }),
      { reducedTotal: 7 },
      7,
      { x: 3, y: 4 },
    ],
    [
      // ⅔ each: all tie on remainder and ask, so the key order decides: a and b.
      'a full tie goes by key order, whatever the input order',
      asks({ b: 1, a: 1, c: 1 }),
      { reducedTotal: 2 },
      2,
      { b: 1, a: 1, c: 0 },
    ],
    [
      // ⌊15 × 0.95⌋ = 14; 2.8 each → 2 each and 4 left for r1–r4.
      'five equal asks of a class V spec',
      asks({ r1: 3, r2: 3, r3: 3, r4: 3, r5: 3 }),
      { supplyRatioBp: 9_500 },
      14,
      { r1: 3, r2: 3, r3: 3, r4: 3, r5: 2 },
    ],
    [
      'a ratio of 100 % supplies every ask',
      asks({ a: 7, b: 1 }),
      { supplyRatioBp: 10_000 },
      8,
      { a: 7, b: 1 },
    ],
    ['a ratio of 0 supplies nothing', asks({ a: 7, b: 1 }), { supplyRatioBp: 0 }, 0, { a: 0, b: 0 }],
    ['a single ask of 7 at 95 %: ⌊6.65⌋', asks({ a: 7 }), { supplyRatioBp: 9_500 }, 6, { a: 6 }],
    ['one carton at 95 % rounds to nothing', asks({ a: 1 }), { supplyRatioBp: 9_500 }, 0, { a: 0 }],
    [
      'an exact reduced total: ⌊9,007,199,254,740,990 × 0.9999⌋',
      asks({ a: 9_007_199_254_740_990 }),
      { supplyRatioBp: 9_999 },
      9_006_298_534_815_515,
      { a: 9_006_298_534_815_515 },
    ],
    ['no asks', [], { supplyRatioBp: 9_500 }, 0, {}],
  ])('%s', (_, input, target, reducedTotal, expected) => {
    const result = allocateByLargestRemainder(input, target);
    expect(result.reducedTotal).toBe(reducedTotal);
    expect(allocated(result)).toEqual(expected);
    expect(result.allocations.map(({ key }) => key)).toEqual(input.map(({ key }) => key));
  });

  it.each<[string, Ask[], AllocationTarget]>([
    ['an ask of 0', asks({ a: 0 }), { supplyRatioBp: 9_500 }],
    ['a negative ask', asks({ a: -3 }), { supplyRatioBp: 9_500 }],
    ['a fractional ask', asks({ a: 1.5 }), { supplyRatioBp: 9_500 }],
    ['a key asking twice', [...asks({ a: 1 }), { key: 'a', ask: 2 }], { supplyRatioBp: 9_500 }],
    ['a ratio above 100 %', asks({ a: 1 }), { supplyRatioBp: 10_001 }],
    ['a negative ratio', asks({ a: 1 }), { supplyRatioBp: -1 }],
    ['a fractional ratio', asks({ a: 1 }), { supplyRatioBp: 9_500.5 }],
    ['a reduced total above the asks', asks({ a: 2, b: 3 }), { reducedTotal: 6 }],
    ['a negative reduced total', asks({ a: 2 }), { reducedTotal: -1 }],
    [
      'a total asked beyond 2^53',
      asks({ a: Number.MAX_SAFE_INTEGER, b: Number.MAX_SAFE_INTEGER }),
      { supplyRatioBp: 9_500 },
    ],
  ])('throws on %s', (_, input, target) => {
    expect(() => allocateByLargestRemainder(input, target)).toThrow(RangeError);
  });

  const uniqueAsks = fc
    .uniqueArray(
      fc.record({ key: fc.string({ maxLength: 6 }), ask: fc.integer({ min: 1, max: 1_000_000 }) }),
      {
        selector: (entry) => entry.key,
        maxLength: 40,
      },
    )
    .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })));

  it('hands out exactly the reduced total, each within a carton of its exact share and never above its ask', () => {
    fc.assert(
      fc.property(uniqueAsks, fc.integer({ min: 0, max: 10_000 }), ([list], ratio) => {
        const totalAsked = list.reduce((sum, { ask }) => sum + ask, 0);
        const result = allocateByLargestRemainder(list, { supplyRatioBp: ratio });
        expect(result.reducedTotal).toBe(Math.floor((totalAsked * ratio) / 10_000));
        expect(result.allocations.reduce((sum, { allocated }) => sum + allocated, 0)).toBe(
          result.reducedTotal,
        );
        for (const { ask, allocated } of result.allocations) {
          const exactShareFloor = Math.floor((ask * result.reducedTotal) / totalAsked);
          expect(allocated).toBeGreaterThanOrEqual(exactShareFloor);
          expect(allocated).toBeLessThanOrEqual(Math.min(ask, exactShareFloor + 1));
        }
      }),
    );
  });

  it('gives each key the same allocation whatever the order of the asks', () => {
    fc.assert(
      fc.property(uniqueAsks, fc.double({ min: 0, max: 1, noNaN: true }), ([list, shuffled], share) => {
        const totalAsked = list.reduce((sum, { ask }) => sum + ask, 0);
        const target = { reducedTotal: Math.floor(totalAsked * share) };
        expect(allocated(allocateByLargestRemainder(shuffled, target))).toEqual(
          allocated(allocateByLargestRemainder(list, target)),
        );
      }),
    );
  });
});
