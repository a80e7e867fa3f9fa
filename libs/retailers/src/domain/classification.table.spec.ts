import { describe, expect, it } from '@jest/globals';
import {
  BUSINESS_SCALES,
  BUSINESS_TYPES,
  type BusinessScale,
  type BusinessType,
  MARKET_TYPES,
  type MarketType,
} from './classification.table.js';

describe('BUSINESS_TYPES', () => {
  it.each<[BusinessType, string]>([
    ['C', '食杂'],
    ['B', '便利'],
    ['S', '超市'],
    ['N', '商场'],
    ['Y', '烟酒'],
    ['F', '娱乐服务'],
    ['Q', '其他'],
  ])('%s ↔ %s', (code, label) => {
    expect(BUSINESS_TYPES.labelOf(code)).toBe(label);
    expect(BUSINESS_TYPES.parse(label)).toBe(code);
    expect(BUSINESS_TYPES.parse(code)).toBe(code);
  });

  it.each([
    ['食杂店', 'C'],
    ['烟酒店', 'Y'],
    ['娱乐服务类', 'F'],
    [' 超市 ', 'S'],
    ['药店', undefined],
    ['c', undefined], // codes are upper case
    ['', undefined],
  ])('parses %p as %p', (text, code) => {
    expect(BUSINESS_TYPES.parse(text)).toBe(code);
  });

  it('knows its codes', () => {
    expect(BUSINESS_TYPES.codes).toEqual(['C', 'B', 'S', 'N', 'Y', 'F', 'Q']);
    expect(BUSINESS_TYPES.isCode('F')).toBe(true);
    expect(BUSINESS_TYPES.isCode('食杂')).toBe(false);
    expect(BUSINESS_TYPES.isCode(undefined)).toBe(false);
    // @ts-expect-error the type admits only the seven codes
    const unknown: BusinessType = 'X';
    expect(BUSINESS_TYPES.isCode(unknown)).toBe(false);
  });
});

describe('MARKET_TYPES', () => {
  it.each<[string, MarketType | undefined]>([
    ['城镇', 'urban'],
    ['乡村', 'rural'],
    ['农村', 'rural'],
    ['urban', 'urban'],
    ['城市', undefined],
  ])('parses %p as %p', (text, code) => {
    expect(MARKET_TYPES.parse(text)).toBe(code);
  });

  it('labels both codes', () => {
    expect(MARKET_TYPES.codes.map((code) => MARKET_TYPES.labelOf(code))).toEqual(['城镇', '乡村']);
  });
});

describe('BUSINESS_SCALES', () => {
  it.each<[string, BusinessScale | undefined]>([
    ['大', 'large'],
    ['中', 'medium'],
    ['小', 'small'],
    ['大型', 'large'],
    ['small', 'small'],
    ['特大', undefined],
  ])('parses %p as %p', (text, code) => {
    expect(BUSINESS_SCALES.parse(text)).toBe(code);
  });

  it('reads back every label it writes, in every table', () => {
    for (const table of [BUSINESS_TYPES, MARKET_TYPES, BUSINESS_SCALES] as const) {
      for (const entry of table.entries) expect(table.parse(entry.label)).toBe(entry.code);
    }
  });
});
