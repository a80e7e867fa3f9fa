import { describe, expect, it } from '@jest/globals';
import {
  accountEnabledFor,
  checkStatusChange,
  RETAILER_STATUSES,
  type RetailerStatus,
} from './retailer-status.lifecycle.js';

describe('checkStatusChange', () => {
  it.each<[RetailerStatus, RetailerStatus, boolean]>([
    ['active', 'suspended', true],
    ['active', 'closed', true],
    ['suspended', 'active', true],
    ['suspended', 'closed', true],
    ['closed', 'active', true],
    ['closed', 'suspended', false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    const change = checkStatusChange(from, to, ' 停业整顿 ');
    expect(change.ok).toBe(allowed);
    if (allowed) expect(change).toEqual({ ok: true, value: { status: to, reason: '停业整顿' } });
    else
      expect(change).toMatchObject({
        code: 'RETAILER_STATUS_TRANSITION_FORBIDDEN',
        details: { state: from, event: to, allowedEvents: ['active'] },
      });
  });

  it.each(RETAILER_STATUSES)('refuses %s → itself', (status) => {
    expect(checkStatusChange(status, status, '理由')).toMatchObject({
      ok: false,
      code: 'RETAILER_STATUS_UNCHANGED',
      details: { status },
    });
  });

  it('needs a reason that is not blank', () => {
    expect(checkStatusChange('active', 'suspended', '   ')).toMatchObject({
      ok: false,
      code: 'RETAILER_STATUS_REASON_REQUIRED',
      details: { status: 'suspended' },
    });
  });

  it('disables the self-service account only for a closed retailer', () => {
    expect(RETAILER_STATUSES.map(accountEnabledFor)).toEqual([true, true, false]);
  });
});
