/** 单条价: sales amount over cartons sold, in integer fen per carton. */
export interface AveragePricePerCarton {
  readonly amountFen: number;
  readonly cartons: number;
  /** Rounded half up to a whole fen; `null` when nothing was sold. */
  readonly fenPerCarton: number | null;
}

/**
 * Average price per carton, rounded half up to a whole fen (amounts are never negative, so half up is also
 * half away from zero). The division runs in BigInt so that department-wide totals stay exact.
 * Roll up by adding amounts and cartons first, never by averaging averages.
 */
export function averagePricePerCarton(amountFen: number, cartons: number): AveragePricePerCarton {
  assertNonNegativeInteger('amountFen', amountFen);
  assertNonNegativeInteger('cartons', cartons);
  if (cartons === 0) return { amountFen, cartons, fenPerCarton: null };
  // floor((2a + c) / 2c) = round-half-up(a / c) for non-negative integers.
  const fenPerCarton = (2n * BigInt(amountFen) + BigInt(cartons)) / (2n * BigInt(cartons));
  return { amountFen, cartons, fenPerCarton: Number(fenPerCarton) };
}

function assertNonNegativeInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer (got ${value})`);
  }
}
