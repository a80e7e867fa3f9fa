import { describe, expect, it } from '@jest/globals';
import { ROLES as API_ROLES } from '../../../../libs/shared/src/access/roles';
import { ACCESS, can, HOME, ROLES } from './access';

describe('the console access table', () => {
  it('knows exactly the roles the API has', () => {
    expect([...ROLES].sort()).toEqual([...API_ROLES].sort());
  });

  it('gives every role a home, and each home is a page the role may open', () => {
    expect(HOME.account_manager).toBe('/am/today');
    expect(HOME.retailer).toBe('/shop/order');
    expect(HOME.enforcement_officer).toBe('/eo/leads');
    expect(can('enforcement_officer', 'officerLeads')).toBe(true);
    expect(HOME.delivery_staff).toBe('/dv/run');
    expect(can('delivery_staff', 'driverRun')).toBe(true);
    for (const role of ACCESS.deskHome) expect(HOME[role]).toBe('/desk');
    expect(can('account_manager', 'amToday')).toBe(true);
    expect(can('retailer', 'order')).toBe(true);
  });

  it.each([
    ['retailer', 'retailerList', false],
    ['retailer', 'collectDemand', false],
    ['account_manager', 'order', false],
    ['market_manager', 'collectDemand', false],
    ['retailer', 'retailerCard', true],
    ['account_manager', 'retailerCard', true],
    ['account_manager', 'deskHome', false],
    ['department_head', 'approvals', false],
    ['market_manager', 'approvals', true],
  ] as const)('%s may open %s: %s', (role, page, allowed) => {
    expect(can(role, page)).toBe(allowed);
  });

  it('names only known roles', () => {
    for (const roles of Object.values(ACCESS)) for (const role of roles) expect(ROLES).toContain(role);
  });
});
