/** 10,000 basis points = 100 %: supply ratios are integers so the reduced total is exact. */
const BASIS_POINTS = 10_000;

export interface Ask {
  /** Who asked, e.g. a retailer id: unique within one allocation. */
  key: string;
  /** Cartons asked, > 0. */
  ask: number;
}

export interface Allocation {
  key: string;
  ask: number;
  allocated: number;
}

/** Either a ratio of the total asked (⌊Σ ask × ratio⌋) or the reduced total itself. */
export type AllocationTarget = { supplyRatioBp: number } | { reducedTotal: number };

export interface AllocationResult {
  reducedTotal: number;
  /** In the order of the asks. */
  allocations: Allocation[];
}

function reducedTotalOf(totalAsked: bigint, target: AllocationTarget): bigint {
  if ('supplyRatioBp' in target) {
    const ratio = target.supplyRatioBp;
    if (!Number.isInteger(ratio) || ratio < 0 || ratio > BASIS_POINTS) {
      throw new RangeError(`supplyRatioBp must be an integer 0–${BASIS_POINTS} (got ${ratio})`);
    }
    return (totalAsked * BigInt(ratio)) / BigInt(BASIS_POINTS);
  }
  const total = target.reducedTotal;
  if (!Number.isSafeInteger(total) || total < 0 || BigInt(total) > totalAsked) {
    throw new RangeError(`reducedTotal must be a whole number 0–${totalAsked} (got ${total})`);
  }
  return BigInt(total);
}

/**
 * Shares a reduced total among asks in proportion to them (largest-remainder / Hamilton method): everyone gets
 * ⌊ask × total ÷ Σ ask⌋, then the cartons left go one each to the largest fractional remainders, ties to the
 * larger ask, then to the smaller key (code-unit order). Guarantees: Σ allocated = reduced total; nobody gets
 * more than asked; the result per key does not depend on the order of the asks. Integer arithmetic throughout.
 * Throws on an ask that is not a whole number > 0, a repeated key, or a target outside 0 … Σ ask.
 */
export function allocateByLargestRemainder(asks: readonly Ask[], target: AllocationTarget): AllocationResult {
  const keys = new Set<string>();
  for (const { key, ask } of asks) {
    if (!Number.isSafeInteger(ask) || ask <= 0)
      throw new RangeError(`ask of ${key} must be a whole number > 0`);
    if (keys.has(key)) throw new RangeError(`${key} asks twice`);
    keys.add(key);
  }
  const totalAsked = asks.reduce((sum, { ask }) => sum + BigInt(ask), 0n);
  if (totalAsked > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('the total asked exceeds 2^53 − 1');
  const reducedTotal = reducedTotalOf(totalAsked, target);
  if (totalAsked === 0n) return { reducedTotal: 0, allocations: [] };

  const shares = asks.map(({ key, ask }) => {
    const exact = BigInt(ask) * reducedTotal;
    return { key, ask, allocated: exact / totalAsked, remainder: exact % totalAsked };
  });
  const left = Number(reducedTotal - shares.reduce((sum, share) => sum + share.allocated, 0n));
  // Fewer cartons are left than there are asks, and each goes to a positive remainder, so allocated ≤ ask.
  const byClaim = [...shares].sort(
    (a, b) =>
      (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1) ||
      b.ask - a.ask ||
      (a.key < b.key ? -1 : 1),
  );
  for (const share of byClaim.slice(0, left)) share.allocated += 1n;
  return {
    reducedTotal: Number(reducedTotal),
    allocations: shares.map(({ key, ask, allocated }) => ({ key, ask, allocated: Number(allocated) })),
  };
}
