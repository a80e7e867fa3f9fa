import { describe, expect, it } from '@jest/globals';
import { checkLines, toLines } from './demand-checks';

const names: Record<number, string> = { 1: '中华(软)', 2: '利群(新版)', 3: '红塔山(经典)' };
const base = {
  allowance: 10,
  scarceLimits: new Map([[1, 2]]),
  brandName: (id: number) => names[id],
  grade: 8,
};

describe('checking a demand before it is sent', () => {
  it('passes lines within the allowance and the scarce limit, saying what is left', () => {
    const check = checkLines({ ...base, lines: { 1: 2, 2: 3, 3: 0 } });
    expect(check).toMatchObject({ total: 5, remaining: 5, problems: [] });
  });

  it('names the scarce limit of the grade when a line goes over it', () => {
    const check = checkLines({ ...base, lines: { 1: 3 } });
    expect(check.problems).toEqual(['“中华(软)”超出紧俏限量：8 档每周期限 2 条，当前 3 条。']);
    expect([...check.overLimit]).toEqual([1]);
  });

  it('says by how much the total goes over the cycle allowance (exactly at it is fine)', () => {
    expect(checkLines({ ...base, lines: { 2: 10 } }).problems).toEqual([]);
    const over = checkLines({ ...base, lines: { 2: 9, 3: 3 } });
    expect(over.remaining).toBe(-2);
    expect(over.problems).toEqual(['合计 12 条，超出本周期可订量 10 条（多 2 条）。']);
  });

  it('sends one line per spec ordered, none for zero', () => {
    expect(toLines({ 1: 2, 2: 0, 3: 1 })).toEqual([
      { brandId: 1, cartons: 2 },
      { brandId: 3, cartons: 1 },
    ]);
  });
});
