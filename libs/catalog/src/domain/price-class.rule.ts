/**
 * Price classes I–V 一类…五类烟 by tax-excluded wholesale (transfer) price per carton, numbered 1–5 as the
 * brands table stores them (1 = class I, the dearest).
 */
export const PRICE_CLASSES = [1, 2, 3, 4, 5] as const;

export type PriceClass = (typeof PRICE_CLASSES)[number];

export const PRICE_CLASS_LABELS: Readonly<Record<PriceClass, string>> = {
  1: '一类烟',
  2: '二类烟',
  3: '三类烟',
  4: '四类烟',
  5: '五类烟',
};

/**
 * The lowest price of classes I–IV, in fen per carton, dearest first; class V is everything below.
 * A price on a boundary belongs to the dearer class ("I ≥ 100 yuan"): 100 yuan → I, 50 → II, 30 → III, 16.5 → IV.
 */
export const PRICE_CLASS_FLOORS_FEN: ReadonlyArray<readonly [PriceClass, number]> = [
  [1, 10_000],
  [2, 5_000],
  [3, 3_000],
  [4, 1_650],
];

/** Derived, never typed in: the catalogue stores the price and computes the class from it. */
export function priceClassOf(wholesaleFenPerCarton: number): PriceClass {
  if (!Number.isSafeInteger(wholesaleFenPerCarton) || wholesaleFenPerCarton <= 0) {
    throw new RangeError(`a wholesale price must be a positive number of fen (got ${wholesaleFenPerCarton})`);
  }
  return PRICE_CLASS_FLOORS_FEN.find(([, minFen]) => wholesaleFenPerCarton >= minFen)?.[0] ?? 5;
}
