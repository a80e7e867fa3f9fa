import { describe, expect, it } from '@jest/globals';
import { PRICE_CLASS_CHECK } from './brand.entity.js';

describe('the database copy of the price-class rule', () => {
  it('is generated from the domain boundaries (I ≥ 100, II ≥ 50, III ≥ 30, IV ≥ 16.5 yuan a carton)', () => {
    expect(PRICE_CLASS_CHECK).toBe(
      'price_class = CASE WHEN wholesale_price_fen >= 10000 THEN 1 WHEN wholesale_price_fen >= 5000 THEN 2 ' +
        'WHEN wholesale_price_fen >= 3000 THEN 3 WHEN wholesale_price_fen >= 1650 THEN 4 ELSE 5 END',
    );
  });
});
