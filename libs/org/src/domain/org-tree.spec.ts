import { describe, expect, it } from '@jest/globals';
import { checkPlacement, ORG_UNIT_TYPES, placementAllowed, type OrgUnitType } from './org-tree.js';

describe('checkPlacement', () => {
  const allowed: Array<[OrgUnitType, OrgUnitType | null]> = [
    ['company', null],
    ['department', 'company'],
    ['service_center', 'department'],
    ['territory', 'service_center'],
    ['supply_point', 'service_center'],
    ['route', 'service_center'],
    ['squad', 'department'],
  ];

  it.each(allowed)('allows a %s under %s', (type, parent) => {
    expect(checkPlacement(type, parent)).toBeNull();
  });

  const forbidden = ORG_UNIT_TYPES.flatMap((type) =>
    [null, ...ORG_UNIT_TYPES]
      .filter((parent) => !allowed.some(([t, p]) => t === type && p === parent))
      .map((parent) => [type, parent] as [OrgUnitType, OrgUnitType | null]),
  );

  it.each(forbidden)('refuses a %s under %s', (type, parent) => {
    expect(checkPlacement(type, parent)).not.toBeNull();
  });

  it('names what was expected', () => {
    expect(checkPlacement('territory', 'department')).toEqual({
      code: 'ORG_PARENT_TYPE_MISMATCH',
      expected: 'service_center',
      actual: 'department',
    });
    expect(checkPlacement('territory', null)).toEqual({
      code: 'ORG_PARENT_REQUIRED',
      expected: 'service_center',
    });
    expect(checkPlacement('company', 'company')).toEqual({ code: 'ORG_PARENT_NOT_ALLOWED' });
  });
});

describe('placementAllowed', () => {
  it.each([
    ['account_manager', 'territory', true],
    ['account_manager', 'service_center', false],
    ['market_manager', 'service_center', true],
    ['supply_clerk', 'supply_point', true],
    ['enforcement_officer', 'squad', true],
    ['delivery_staff', 'route', true],
    ['inspector', 'department', true],
    ['department_head', 'service_center', false],
    ['admin', null, true],
    ['account_manager', null, false],
  ] as const)('%s in a %s: %s', (role, unit, expected) => {
    expect(placementAllowed(role, unit)).toBe(expected);
  });
});
