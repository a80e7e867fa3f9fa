/** 10,000 basis points = 100 %. Every ratio here is an integer in basis points, so no float touches a carton. */
export const BASIS_POINTS = 10_000;

/** Contract check for carton counts: callers (DTO validation, the database) guarantee these, so a miss is a bug. */
export function requireCartons(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number of cartons ≥ 0 (got ${value})`);
  }
}

function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${what} exceeds the safe integer range`);
  return Number(value);
}

/** ⌈a × b ÷ c⌉ for non-negative safe integers. */
export function mulDivCeil(a: number, b: number, c: number): number {
  const divisor = BigInt(c);
  return toSafeNumber((BigInt(a) * BigInt(b) + divisor - 1n) / divisor, `${a} × ${b} ÷ ${c}`);
}
