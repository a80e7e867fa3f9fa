import { describe, expect, it } from '@jest/globals';
import {
  accountEnabledFor,
  checkStatusChange,
  RETAILER_STATUSES,
  type RetailerStatus,
} from './retailer-status.rule.js';

describe('checkStatusChange', () => {
  it.each<[RetailerStatus, RetailerStatus, boolean]>([
    ['active', 'suspended', true],
    ['active', 'closed', true],
    ['suspended', 'active', true],
    ['suspended', 'closed', true],
    ['closed', 'active', true],
    ['closed', 'suspended', false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    const problem = checkStatusChange(from, to, '停业整顿');
    expect(problem === null).toBe(allowed);
    if (!allowed) expect(problem).toEqual({ code: 'RETAILER_STATUS_TRANSITION_FORBIDDEN', from, to });
  });

  it.each(RETAILER_STATUSES)('refuses %s → itself', (status) => {
    expect(checkStatusChange(status, status, '理由')).toEqual({ code: 'RETAILER_STATUS_UNCHANGED' });
  });

  it('needs a reason that is not blank', () => {
    expect(checkStatusChange('active', 'suspended', '   ')).toEqual({
      code: 'RETAILER_STATUS_REASON_REQUIRED',
    });
  });

  it('disables the self-service account only for a closed retailer', () => {
    expect(RETAILER_STATUSES.map(accountEnabledFor)).toEqual([true, true, false]);
  });
});
