import { describe, expect, it } from '@jest/globals';
import { chineseMonth } from './format';

describe('chineseMonth', () => {
  it('writes a month the way dates are written: no leading zero, no spaces', () => {
    expect(chineseMonth('2027-01')).toBe('2027年1月');
    expect(chineseMonth('2026-12')).toBe('2026年12月');
  });
});
