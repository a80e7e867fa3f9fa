import { describe, expect, it } from '@jest/globals';
import { headManages } from './staff-management.rule.js';

describe('headManages', () => {
  it.each(['market_manager', 'supply_clerk', 'account_manager', 'enforcement_officer', 'delivery_staff'])(
    'a head manages a %s',
    (role) => {
      expect(headManages(role)).toBe(true);
    },
  );

  it.each(['admin', 'department_head', 'inspector', 'retailer', '', 'ADMIN'])(
    'a head never manages %j',
    (role) => {
      expect(headManages(role)).toBe(false);
    },
  );
});
