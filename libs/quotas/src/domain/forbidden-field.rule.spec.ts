import { describe, expect, it } from '@jest/globals';
import {
  findFloorField,
  findForbiddenQuotaField,
  findPerBrandAgreementField,
  isFloorKey,
  isPerBrandAgreementKey,
} from './forbidden-field.rule.js';

describe('isFloorKey', () => {
  it.each([
    'floor',
    'Floor',
    'FLOOR',
    'min',
    'minimum',
    'minimal',
    'minCartons',
    'MinCartons',
    'min_cartons',
    'min-cartons',
    'MIN_CARTONS',
    'mincartons',
    'minVolume',
    'minimumVolume',
    'minimumorder',
    'minQty',
    'monthlyMin',
    'XMLMin',
    'cartonsMinimum',
    'floorCartons',
    'volumeFloor',
    'lowerLimit',
    'lower_limit',
    'LOWER_LIMIT',
    'lowerlimit',
    'lower limit',
    'lowerBound',
    'bottomLine',
    'guaranteed',
    'guaranteedCartons',
    'guaranteeVolume',
    'atLeast',
    'atleast',
    '下限',
    '销量下限',
    '保底',
    '保底量',
    '最低订量',
    '最少条数',
    '起订量',
  ])('flags %p', (key) => {
    expect(isFloorKey(key)).toBe(true);
  });

  it.each([
    'minute',
    'minutes',
    'minuteOfDay',
    'admin',
    'adminId',
    'administrator_note',
    'terminal',
    'terminalId',
    'mint',
    'mintFlavour',
    'minor',
    'mining',
    'ministry',
    'reminder',
    'seminar',
    'examine',
    'floorArea',
    'shop_floor_space',
    'floorarea',
    'flower',
    'follower',
    'lowerCase',
    'cap',
    'maxCartons',
    'upperLimit',
    'limit',
    'baseMonthlyTotal',
    'baseline',
    'agreedTotal',
    'cartons',
    '上限',
    '销量上限',
  ])('leaves %p alone', (key) => {
    expect(isFloorKey(key)).toBe(false);
  });
});

describe('isPerBrandAgreementKey', () => {
  it.each([
    'perBrand',
    'per_spec',
    'bySpec',
    'perbrand',
    'brandVolumes',
    'brandvolumes',
    'specAgreements',
    'specagreements',
    'agreedVolumeBySpec',
    'committedBrandCartons',
    'brandQuotas',
    'skuTargets',
    '按规格',
    '按规格约定销量',
    '规格销量',
    '品牌任务',
  ])('flags %p', (key) => {
    expect(isPerBrandAgreementKey(key)).toBe(true);
  });

  it.each([
    'agreedTotal',
    'cartons',
    'brandId',
    'brandLimits',
    'specialNote',
    'inspectionId',
    'respectCap',
    'retailersPerGrade',
    'byMarketType',
    '规格上限',
  ])('leaves %p alone', (key) => {
    expect(isPerBrandAgreementKey(key)).toBe(false);
  });
});

describe('findFloorField', () => {
  it.each<[string, unknown, object | undefined]>([
    ['a top-level key', { month: '2025-04', minCartons: 5 }, { key: 'minCartons', path: 'minCartons' }],
    [
      'a key inside an array of objects',
      {
        month: '2025-04',
        caps: [
          { retailerId: 'r1', cap: 10 },
          { retailerId: 'r2', lower_limit: 5 },
        ],
      },
      { key: 'lower_limit', path: 'caps.1.lower_limit' },
    ],
    ['deep nesting', { a: { b: [[{ c: { 保底: 1 } }]] } }, { key: '保底', path: 'a.b.0.0.c.保底' }],
    ['a body that is an array', [{ floor: 1 }], { key: 'floor', path: '0.floor' }],
    [
      'an object’s own keys before what is nested in an earlier one',
      { a: { min: 1 }, floor: 2 },
      { key: 'floor', path: 'floor' },
    ],
    ['a floor word as a value, not a key', { reason: 'minimum', note: 'floor' }, undefined],
    ['a clean rebalance', { month: '2025-04', reason: 'x', caps: [{ retailerId: 'r1', cap: 9 }] }, undefined],
    ['null', null, undefined],
    ['a string', 'min', undefined],
    ['an empty object', {}, undefined],
  ])('finds %s', (_, body, field) => {
    expect(findFloorField(body)).toEqual(field);
  });

  it('reads a 500,000-character key in linear time', () => {
    expect(findFloorField({ [`${'A'.repeat(500_000)}Min`]: 1 })?.path).toMatch(/Min$/);
  });

  it('walks a body nested deeper than the call stack would allow', () => {
    let body: unknown = { minimum: 1 };
    for (let depth = 0; depth < 100_000; depth++) body = [body];
    expect(findFloorField(body)?.key).toBe('minimum');
  });
});

describe('findPerBrandAgreementField', () => {
  /** An object with the given keys, each set to 1. */
  const withKeys = (...keys: string[]) => Object.fromEntries(keys.map((key) => [key, 1]));

  it.each<[string, unknown, object | undefined]>([
    ['a quantity beside a spec id', withKeys('brandId', 'cartons'), { key: 'cartons', path: 'cartons' }],
    ['an agreed amount beside a spec', withKeys('specId', 'agreed'), { key: 'agreed', path: 'agreed' }],
    [
      'a commitment beside a SKU code',
      withKeys('skuCode', 'committed'),
      { key: 'committed', path: 'committed' },
    ],
    [
      'an agreed total beside a brand',
      withKeys('brand', 'agreedTotal'),
      { key: 'agreedTotal', path: 'agreedTotal' },
    ],
    ['a quantity beside 规格', withKeys('规格', 'quantity'), { key: 'quantity', path: 'quantity' }],
    [
      'a per-spec quantity in a list',
      { month: '2025-04', lines: [{ brandId: 'b1', cartons: 3 }] },
      { key: 'cartons', path: 'lines.0.cartons' },
    ],
    ['a per-brand map', { month: '2025-04', perBrand: { b1: 3 } }, { key: 'perBrand', path: 'perBrand' }],
    ['a per-spec ceiling', withKeys('brandId', 'maxCartons'), undefined],
    ['a per-spec limit', withKeys('specId', 'limit'), undefined],
    ['a carton limit', withKeys('brandId', 'cartonLimit'), undefined],
    ['a scarce-limit body', { brandId: 'b1', cycleId: 'c1', common: [1, 2], byMarketType: {} }, undefined],
    ['a planned supply', withKeys('brandId', 'plannedSupply'), undefined],
    ['a monthly total with no spec', withKeys('month', 'cartons'), undefined],
    ['an agreed total with no spec', withKeys('month', 'agreedTotal'), undefined],
    ['a key that merely contains "spec"', withKeys('inspectionId', 'cartons'), undefined],
  ])('finds %s', (_, body, field) => {
    expect(findPerBrandAgreementField(body)).toEqual(field);
  });

  it('checks an object with many keys in linear time', () => {
    const body = {
      brandId: 'b1',
      ...Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`note${i}`, i])),
    };
    expect(findPerBrandAgreementField(body)).toBeUndefined();
  });
});

describe('findForbiddenQuotaField', () => {
  it('refuses a floor with its own code, naming the field', () => {
    expect(findForbiddenQuotaField({ month: '2025-04', cartons: 300, minCartons: 100 })).toEqual({
      ok: false,
      code: 'QUOTA_FLOOR_FORBIDDEN',
      message: 'Quotas have a cap only, never a floor or minimum: field "minCartons" is not accepted',
      details: { key: 'minCartons', path: 'minCartons' },
    });
  });

  it('refuses a per-spec agreement with its own code', () => {
    expect(findForbiddenQuotaField({ specAgreements: [{ specId: 's1', agreed: 5 }] })).toMatchObject({
      code: 'QUOTA_PER_BRAND_AGREEMENT_FORBIDDEN',
      details: { key: 'specAgreements', path: 'specAgreements' },
    });
  });

  it('names the floor when a body carries both', () => {
    expect(findForbiddenQuotaField({ brandVolumes: [], floor: 1 })).toMatchObject({
      code: 'QUOTA_FLOOR_FORBIDDEN',
      details: { key: 'floor' },
    });
  });

  it('lets a clean body through', () => {
    expect(findForbiddenQuotaField({ month: '2025-04', cartons: 300 })).toBeUndefined();
  });
});
