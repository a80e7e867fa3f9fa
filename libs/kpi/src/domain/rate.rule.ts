/**
 * A ratio kept together with its parts. SQL produces the parts (counts), reports show the ratio, and
 * roll-ups add the parts: keeping all three in one value means every rate is defined exactly once.
 */
export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
  /** numerator ÷ denominator; `null` when there is nothing to measure (denominator 0), never NaN. */
  readonly ratio: number | null;
}

/** The one ratio helper: every rate, share, attainment and change in the KPIs goes through it. */
export function rate(numerator: number, denominator: number): Rate {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator)) {
    throw new RangeError(`rate needs finite numbers (got ${numerator} / ${denominator})`);
  }
  if (denominator < 0) {
    throw new RangeError(`rate needs a non-negative denominator (got ${denominator})`);
  }
  return { numerator, denominator, ratio: denominator === 0 ? null : numerator / denominator };
}

/**
 * Rolls rates of parts (account managers → service center → department) up by adding numerators and
 * denominators. Averaging the parts' ratios would give a territory of 3 retailers the same weight as one
 * of 300; adding the parts gives the rate the whole organisation actually achieved.
 */
export function sumRates(parts: readonly Rate[]): Rate {
  let numerator = 0;
  let denominator = 0;
  for (const part of parts) {
    numerator += part.numerator;
    denominator += part.denominator;
  }
  return rate(numerator, denominator);
}
