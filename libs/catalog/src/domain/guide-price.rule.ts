/**
 * Price checks 价格检查: the price a retailer charges against the retail guide price 零售指导价.
 *
 * Tolerance is in basis points of the guide price (100 bp = 1 %) so that the check is integer arithmetic.
 * The default is 0: the guide price is the price to mark and charge, so any difference is recorded as
 * non-compliant; a department may allow a band (e.g. 500 bp = ±5 %).
 */
export interface GuidePriceTolerance {
  readonly basisPoints: number;
}

export const EXACT_GUIDE_PRICE: GuidePriceTolerance = { basisPoints: 0 };

export type PriceDeviation = 'atGuide' | 'above' | 'below';

export interface GuidePriceComparison {
  readonly observedFen: number;
  readonly guideFen: number;
  /** observed − guide: positive when the retailer charges more. */
  readonly differenceFen: number;
  /** difference ÷ guide × 100, unrounded (display rounds); the guide price is never 0. */
  readonly differencePercent: number;
  readonly deviation: PriceDeviation;
  readonly compliant: boolean;
}

export function compareWithGuidePrice(
  observedFen: number,
  guideFen: number,
  tolerance: GuidePriceTolerance = EXACT_GUIDE_PRICE,
): GuidePriceComparison {
  assertFen('observed price', observedFen, 0);
  assertFen('guide price', guideFen, 1);
  if (!Number.isSafeInteger(tolerance.basisPoints) || tolerance.basisPoints < 0) {
    throw new RangeError(`tolerance must be a non-negative whole number of basis points`);
  }
  const differenceFen = observedFen - guideFen;
  return {
    observedFen,
    guideFen,
    differenceFen,
    // Multiplying first keeps whole percentages exact (70 × 100 / 1000 = 7, where 0.07 × 100 is not).
    differencePercent: (differenceFen * 100) / guideFen,
    deviation: differenceFen === 0 ? 'atGuide' : differenceFen > 0 ? 'above' : 'below',
    // |difference| / guide ≤ bp / 10 000, cross-multiplied to stay in integers.
    compliant: Math.abs(differenceFen) * 10_000 <= tolerance.basisPoints * guideFen,
  };
}

export interface PackAndCartonPrices {
  readonly perPackFen: number;
  readonly perCartonFen: number;
}

export interface ObservedPrices {
  readonly perPackFen?: number | null;
  readonly perCartonFen?: number | null;
}

export interface SpecPriceCheck {
  readonly perPack: GuidePriceComparison | null;
  readonly perCarton: GuidePriceComparison | null;
  /** Compliant only if every price observed is. */
  readonly compliant: boolean;
}

/** One spec on one price check: whichever of the pack and carton prices were observed, each against its guide. */
export function checkSpecPrice(
  observed: ObservedPrices,
  guide: PackAndCartonPrices,
  tolerance: GuidePriceTolerance = EXACT_GUIDE_PRICE,
): SpecPriceCheck {
  const perPack =
    observed.perPackFen == null
      ? null
      : compareWithGuidePrice(observed.perPackFen, guide.perPackFen, tolerance);
  const perCarton =
    observed.perCartonFen == null
      ? null
      : compareWithGuidePrice(observed.perCartonFen, guide.perCartonFen, tolerance);
  if (perPack === null && perCarton === null) {
    throw new RangeError('a price check observes the pack price, the carton price or both');
  }
  return { perPack, perCarton, compliant: (perPack?.compliant ?? true) && (perCarton?.compliant ?? true) };
}

function assertFen(name: string, fen: number, min: number): void {
  if (!Number.isSafeInteger(fen) || fen < min) {
    throw new RangeError(`${name} must be a whole number of fen ≥ ${min} (got ${fen})`);
  }
}
