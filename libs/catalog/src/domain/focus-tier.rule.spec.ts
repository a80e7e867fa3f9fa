import { describe, expect, it } from '@jest/globals';
import { type FocusMarket, type FocusTiers, isInFocusTier } from './focus-tier.rule.js';

describe('isInFocusTier with the default tiers', () => {
  it.each<[number, FocusMarket, boolean]>([
    [999, 'urban', false],
    [1_000, 'urban', true], // 10 yuan a pack
    [5_000, 'urban', true], // no upper end in town
    [650, 'urban', false],
    [499, 'rural', false],
    [500, 'rural', true], // 5 yuan
    [650, 'rural', true],
    [800, 'rural', true], // 8 yuan: both ends included
    [801, 'rural', false],
    [1_000, 'rural', false],
  ])('%d fen a pack in a %s market → %p', (fen, market, inTier) => {
    expect(isInFocusTier(fen, market)).toBe(inTier);
  });
});

describe('isInFocusTier with department tiers', () => {
  const tiers: FocusTiers = {
    urban: { minFenPerPack: 1_500, maxFenPerPack: null },
    rural: { minFenPerPack: 400, maxFenPerPack: 600 },
  };

  it.each<[number, FocusMarket, boolean]>([
    [1_000, 'urban', false],
    [1_500, 'urban', true],
    [400, 'rural', true],
    [600, 'rural', true],
    [700, 'rural', false],
  ])('%d fen a pack in a %s market → %p', (fen, market, inTier) => {
    expect(isInFocusTier(fen, market, tiers)).toBe(inTier);
  });

  it('refuses a tier that ends below its start, and a price that is not positive fen', () => {
    const upsideDown: FocusTiers = { ...tiers, rural: { minFenPerPack: 800, maxFenPerPack: 500 } };
    expect(() => isInFocusTier(600, 'rural', upsideDown)).toThrow(RangeError);
    expect(() => isInFocusTier(0, 'urban')).toThrow(RangeError);
    expect(() => isInFocusTier(9.5, 'urban')).toThrow(RangeError);
  });
});
