/**
 * Cultivation focus price tiers 重点培育价位: the retail price band per pack that brand cultivation pushes in
 * each market. Market codes are the retailers context's market types; repeated here because domain code
 * does not import another context.
 */
export type FocusMarket = 'urban' | 'rural';

/** Inclusive band in fen per pack; `maxFenPerPack` null means no upper end. */
export interface FocusTierRange {
  readonly minFenPerPack: number;
  readonly maxFenPerPack: number | null;
}

export type FocusTiers = Readonly<Record<FocusMarket, FocusTierRange>>;

/** Urban ≥ 10 yuan a pack; rural 5–8 yuan a pack, both ends included. Departments may configure their own. */
export const DEFAULT_FOCUS_TIERS: FocusTiers = {
  urban: { minFenPerPack: 1_000, maxFenPerPack: null },
  rural: { minFenPerPack: 500, maxFenPerPack: 800 },
};

/** Whether a spec, by its retail guide price per pack, is in the focus tier of a market. */
export function isInFocusTier(
  guideFenPerPack: number,
  market: FocusMarket,
  tiers: FocusTiers = DEFAULT_FOCUS_TIERS,
): boolean {
  if (!Number.isSafeInteger(guideFenPerPack) || guideFenPerPack <= 0) {
    throw new RangeError(`a guide price must be a positive number of fen (got ${guideFenPerPack})`);
  }
  const { minFenPerPack, maxFenPerPack } = tiers[market];
  if (maxFenPerPack !== null && maxFenPerPack < minFenPerPack) {
    throw new RangeError(`the ${market} focus tier ends below its start`);
  }
  return guideFenPerPack >= minFenPerPack && (maxFenPerPack === null || guideFenPerPack <= maxFenPerPack);
}
