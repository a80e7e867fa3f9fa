import { describe, expect, it } from '@jest/globals';
import { allocateByLargestRemainder } from './largest-remainder.rule.js';
import { explainRationing } from './rationing-explanation.rule.js';

describe('explainRationing', () => {
  it('explains 70 % of 10 + 5 + 3 cartons: floors 6, 3, 2 and the one left over to the largest remainder', () => {
    // Σ asked 18, reduced ⌊18 × 0.7⌋ = 12; exact shares 10×12/18 = 6.67, 5×12/18 = 3.33, 3×12/18 = 2.
    const group = explainRationing([
      { key: 'a', requested: 10, ordered: 7 },
      { key: 'b', requested: 5, ordered: 3 },
      { key: 'c', requested: 3, ordered: 2 },
    ]);
    expect(group).toEqual({
      totalRequested: 18,
      totalOrdered: 12,
      ratio: 12 / 18,
      leftOver: 1,
      lines: [
        { key: 'a', requested: 10, ordered: 7, floorShare: 6, remainder: 12 / 18, gotLeftOver: true },
        { key: 'b', requested: 5, ordered: 3, floorShare: 3, remainder: 6 / 18, gotLeftOver: false },
        { key: 'c', requested: 3, ordered: 2, floorShare: 2, remainder: 0, gotLeftOver: false },
      ],
    });
  });

  it('agrees with the allocation it explains', () => {
    const asks = [7, 7, 3, 1, 12, 5].map((ask, i) => ({ key: `r${i}`, ask }));
    const { allocations } = allocateByLargestRemainder(asks, { supplyRatioBp: 6_500 });
    const group = explainRationing(
      allocations.map((a) => ({ key: a.key, requested: a.ask, ordered: a.allocated })),
    );
    expect(group.lines.filter((l) => l.gotLeftOver)).toHaveLength(group.leftOver);
    for (const line of group.lines) expect(line.ordered - line.floorShare).toBe(line.gotLeftOver ? 1 : 0);
  });

  it('explains an unrationed spec (everything supplied) and an empty one', () => {
    expect(explainRationing([{ key: 'a', requested: 4, ordered: 4 }]).lines[0]).toEqual({
      key: 'a',
      requested: 4,
      ordered: 4,
      floorShare: 4,
      remainder: 0,
      gotLeftOver: false,
    });
    expect(explainRationing([])).toEqual({
      totalRequested: 0,
      totalOrdered: 0,
      ratio: null,
      leftOver: 0,
      lines: [],
    });
  });
});
