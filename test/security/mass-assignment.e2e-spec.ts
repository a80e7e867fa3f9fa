import { afterAll, describe, expect, it } from '@jest/globals';
import { ROLES, type Role } from '#libs/shared';
import { loadSecurityDemo, rowOf, tableCounts } from './security-fixtures.js';
import { minutesBefore, TEST_NOW, TEST_TODAY } from '../support/test-clock.js';

/**
 * Mass assignment (OWASP API3/API6): a write whose body carries a field the caller may not set — its own role,
 * org unit or retailer, another's identity as approver/reporter/checker, a status, a quota's cap or a floor —
 * is refused with a stable code and nothing is written. Unknown fields are VALIDATION_FAILED (the global
 * ValidationPipe: whitelist + forbidNonWhitelisted); fields a DTO has for some roles only answer the
 * context's own code.
 */

const demo = await loadSecurityDemo();
const { t, home } = demo;
afterAll(async () => {
  await t.close();
});

const TODAY = TEST_TODAY;
/** A minute before the pinned clock (field work cannot be recorded in the future). */
const AT = minutesBefore(TEST_NOW, 1);
const NEXT_MONTH = (() => {
  const [y, m] = String(home.month).split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
})();
const mm2 = await t.userId('mm2');
const am06 = await t.userId('am06');
const T006 = await t.unitId('T006');
const SC3 = await t.unitId('SC3');
const VALIDATION = { status: 400, code: 'VALIDATION_FAILED' };

interface Case {
  name: string;
  role: Role;
  method: 'post' | 'put' | 'patch';
  url: string;
  body: Record<string, unknown>;
  expected: { status: number; code: string };
  /** Rows that must be unchanged (besides every table's row count). */
  rows?: Array<[string, number | string]>;
}

const lines = [{ brandId: home.brand, cartons: 1 }];
const retailerUser = await t.userId(demo.actors.retailer);

const cases: Case[] = [
  // One's own account: role, place, identity and state are not self-service.
  ...ROLES.flatMap((role): Case[] =>
    [{ role: 'admin' }, { orgUnitId: SC3 }, { retailerId: home.retailer2 }, { status: 'active' }].map(
      (extra) => ({
        name: `PATCH /api/auth/me as ${role} with ${Object.keys(extra)[0]}`,
        role,
        method: 'patch',
        url: '/api/auth/me',
        body: { displayName: '改名', ...extra },
        expected: VALIDATION,
      }),
    ),
  ),
  ...['username', 'mustChangePassword', 'tokenVersion', 'passwordHash'].map((field): Case => ({
    name: `PATCH /api/auth/me with ${field}`,
    role: 'account_manager',
    method: 'patch',
    url: '/api/auth/me',
    body: { [field]: field === 'mustChangePassword' ? false : field === 'tokenVersion' ? 0 : 'x' },
    expected: VALIDATION,
  })),
  // Users: even an admin sets no hash, token version or retailer link by hand.
  ...[{ passwordHash: 'x' }, { tokenVersion: 0 }, { retailerId: home.retailer2 }].map((extra): Case => ({
    name: `PATCH /api/users/{id} as admin with ${Object.keys(extra)[0]}`,
    role: 'admin',
    method: 'patch',
    url: `/api/users/${home.user}`,
    body: { displayName: '改名', ...extra },
    expected: VALIDATION,
    rows: [['users', home.user]],
  })),
  // Retailers: an account manager changes contact fields only; grades, status and the big-account flag have
  // their own audited routes; centers and departments follow the territory.
  ...(
    [
      [{ territoryId: T006 }, { status: 403, code: 'RETAILER_FIELDS_NOT_EDITABLE' }],
      [{ shopName: '改名' }, { status: 403, code: 'RETAILER_FIELDS_NOT_EDITABLE' }],
      [{ grade: 30 }, { status: 400, code: 'RETAILER_GRADE_LOCKED' }],
      [{ status: 'closed' }, { status: 400, code: 'RETAILER_STATUS_NOT_EDITABLE_HERE' }],
      [{ bigAccount: true }, { status: 400, code: 'RETAILER_BIG_ACCOUNT_NOT_EDITABLE_HERE' }],
      [{ serviceCenterId: SC3 }, VALIDATION],
      [{ departmentId: 1 }, VALIDATION],
      [{ bigAccountOverride: true }, VALIDATION],
      [{ gradeSince: TODAY }, VALIDATION],
    ] as Array<[Record<string, unknown>, Case['expected']]>
  ).map(([extra, expected]): Case => ({
    name: `PATCH /api/retailers/{id} as account_manager with ${Object.keys(extra)[0]}`,
    role: 'account_manager',
    method: 'patch',
    url: `/api/retailers/${home.retailer2}`,
    body: { phone: '13900000001', ...extra },
    expected,
    rows: [['retailers', home.retailer2]],
  })),
  ...(
    [
      [{ grade: 30 }, { status: 400, code: 'RETAILER_GRADE_LOCKED' }],
      [{ status: 'closed' }, { status: 400, code: 'RETAILER_STATUS_NOT_EDITABLE_HERE' }],
      [{ bigAccount: true }, { status: 400, code: 'RETAILER_BIG_ACCOUNT_NOT_EDITABLE_HERE' }],
      [{ serviceCenterId: SC3 }, VALIDATION],
    ] as Array<[Record<string, unknown>, Case['expected']]>
  ).map(([extra, expected]): Case => ({
    name: `PATCH /api/retailers/{id} as market_manager with ${Object.keys(extra)[0]}`,
    role: 'market_manager',
    method: 'patch',
    url: `/api/retailers/${home.retailer2}`,
    body: { phone: '13900000001', ...extra },
    expected,
    rows: [['retailers', home.retailer2]],
  })),
  // Demand is the retailer's own, approved only by a market manager, signed by the caller itself.
  ...['status', 'approvedBy', 'approvedAt', 'territoryId', 'totalCartons', 'submittedBy'].map(
    (field): Case => ({
      name: `POST /api/demands as retailer with ${field}`,
      role: 'retailer',
      method: 'post',
      url: '/api/demands',
      body: {
        retailerId: home.retailer,
        channel: 'self',
        lines,
        [field]: { status: 'approved', approvedAt: AT, totalCartons: 1 }[field] ?? mm2,
      },
      expected: VALIDATION,
    }),
  ),
  {
    name: 'POST /api/demands as retailer for another retailer of its territory',
    role: 'retailer',
    method: 'post',
    url: '/api/demands',
    body: { retailerId: home.retailer2, channel: 'self', lines },
    expected: { status: 404, code: 'NOT_FOUND' },
  },
  {
    name: 'POST /api/demands as retailer on the collected channel',
    role: 'retailer',
    method: 'post',
    url: '/api/demands',
    body: { retailerId: home.retailer, channel: 'collected', lines },
    expected: { status: 403, code: 'DEMAND_CHANNEL_NOT_ALLOWED' },
  },
  ...['status', 'retailerId', 'cycleId', 'approvedBy'].map((field): Case => ({
    name: `PATCH /api/demands/{id} as retailer with ${field}`,
    role: 'retailer',
    method: 'patch',
    url: `/api/demands/${home.demand}`,
    body: { lines, [field]: field === 'status' ? 'approved' : home.retailer2 },
    expected: VALIDATION,
    rows: [['demands', home.demand]],
  })),
  ...['approvedBy', 'approvedAt', 'status'].map((field): Case => ({
    name: `POST /api/demands/{id}/approve as market_manager with ${field}`,
    role: 'market_manager',
    method: 'post',
    url: `/api/demands/${home.demand}/approve`,
    body: {
      comment: '同意',
      [field]: field === 'approvedBy' ? am06 : field === 'approvedAt' ? AT : 'approved',
    },
    expected: VALIDATION,
    rows: [['demands', home.demand]],
  })),
  // Field work is recorded as the caller, in the retailer's territory; checks are signed by the checker.
  ...['accountManagerId', 'territoryId', 'departmentId'].map((field): Case => ({
    name: `POST /api/visits as account_manager with ${field}`,
    role: 'account_manager',
    method: 'post',
    url: '/api/visits',
    body: { retailerId: home.retailer, visitedAt: AT, kind: 'routine', [field]: am06 },
    expected: VALIDATION,
  })),
  ...['accountManagerId', 'territoryId'].map((field): Case => ({
    name: `POST /api/calls as account_manager with ${field}`,
    role: 'account_manager',
    method: 'post',
    url: '/api/calls',
    body: { retailerId: home.retailer, calledAt: AT, [field]: am06 },
    expected: VALIDATION,
  })),
  ...['checkedBy', 'checkedAt'].map((field): Case => ({
    name: `POST /api/visits/{id}/check as market_manager with ${field}`,
    role: 'market_manager',
    method: 'post',
    url: `/api/visits/${home.visit}/check`,
    body: { effective: true, note: '有效', [field]: field === 'checkedBy' ? am06 : AT },
    expected: VALIDATION,
    rows: [['visits', home.visit]],
  })),
  ...['accountManagerId', 'territoryId'].map((field): Case => ({
    name: `PUT /api/forecasts/{month} as account_manager with ${field}`,
    role: 'account_manager',
    method: 'put',
    url: `/api/forecasts/${NEXT_MONTH}`,
    body: { lines, [field]: am06 },
    expected: VALIDATION,
  })),
  // Leads: routed and timed by the system, verified by the squad.
  ...['status', 'squadId', 'reportedBy', 'verificationResult', 'deadlineAt', 'assignedTo'].map(
    (field): Case => ({
      name: `POST /api/leads as account_manager with ${field}`,
      role: 'account_manager',
      method: 'post',
      url: '/api/leads',
      body: {
        kind: 'other',
        importance: 'normal',
        retailerId: home.retailer,
        description: '批量赋值测试',
        [field]: { status: 'verified', verificationResult: 'confirmed', deadlineAt: AT }[field] ?? am06,
      },
      expected: VALIDATION,
    }),
  ),
  ...['verifiedBy', 'verifiedAt', 'status'].map((field): Case => ({
    name: `POST /api/leads/{id}/verify as enforcement_officer with ${field}`,
    role: 'enforcement_officer',
    method: 'post',
    url: `/api/leads/${home.lead}/verify`,
    body: {
      result: 'confirmed',
      note: '属实',
      [field]: field === 'verifiedBy' ? am06 : field === 'verifiedAt' ? AT : 'closed',
    },
    expected: VALIDATION,
    rows: [['leads', home.lead]],
  })),
  // Quotas: a cap derives from policy (never typed in with the agreed total), and there is no floor.
  ...(
    [
      [{ cap: 500 }, VALIDATION],
      [{ floatBp: 5000 }, VALIDATION],
      [{ agreedTotalSource: 'manual' }, VALIDATION],
      [{ used: 0 }, VALIDATION],
      [{ floor: 10 }, { status: 400, code: 'QUOTA_FLOOR_FORBIDDEN' }],
      [{ minCartons: 10 }, { status: 400, code: 'QUOTA_FLOOR_FORBIDDEN' }],
      [
        { perBrand: [{ brandId: home.brand, cartons: 1 }] },
        { status: 400, code: 'QUOTA_PER_BRAND_AGREEMENT_FORBIDDEN' },
      ],
    ] as Array<[Record<string, unknown>, Case['expected']]>
  ).map(([extra, expected]): Case => ({
    name: `PUT /api/retailers/{id}/agreed-total as market_manager with ${Object.keys(extra)[0]}`,
    role: 'market_manager',
    method: 'put',
    url: `/api/retailers/${home.retailer2}/agreed-total`,
    body: { month: NEXT_MONTH, cartons: 80, ...extra },
    expected,
  })),
  ...(
    [
      [{ used: 0 }, VALIDATION],
      [{ agreedTotal: 10 }, VALIDATION],
      [{ minimum: 1 }, { status: 400, code: 'QUOTA_FLOOR_FORBIDDEN' }],
    ] as Array<[Record<string, unknown>, Case['expected']]>
  ).map(([extra, expected]): Case => ({
    name: `POST /api/quotas/rebalance as market_manager with a cap carrying ${Object.keys(extra)[0]}`,
    role: 'market_manager',
    method: 'post',
    url: '/api/quotas/rebalance',
    body: {
      month: home.month,
      reason: '调剂',
      caps: [
        { retailerId: home.retailer, cap: 1, ...extra },
        { retailerId: home.retailer2, cap: 1 },
      ],
    },
    expected,
  })),
  // Deliveries are completed as the caller, confirmed only by the retailer.
  ...['completedBy', 'confirmedAt', 'routeId', 'status'].map((field): Case => ({
    name: `POST /api/deliveries/{id}/complete as delivery_staff with ${field}`,
    role: 'delivery_staff',
    method: 'post',
    url: `/api/deliveries/${home.delivery}/complete`,
    body: {
      arrivedAt: new Date(TEST_NOW).toISOString(),
      receiver: 'retailer',
      [field]: { confirmedAt: AT, status: 'delivered' }[field] ?? am06,
    },
    expected: VALIDATION,
    rows: [['deliveries', home.delivery]],
  })),
  ...['status', 'answeredBy'].map((field): Case => ({
    name: `POST /api/delivery-feedback/{id}/answer as delivery_staff with ${field}`,
    role: 'delivery_staff',
    method: 'post',
    url: `/api/delivery-feedback/${home.feedback}/answer`,
    body: { answer: '已处理', [field]: field === 'status' ? 'closed' : am06 },
    expected: VALIDATION,
    rows: [['delivery_feedback', home.feedback]],
  })),
  ...['status', 'submittedBy', 'territoryId'].map((field): Case => ({
    name: `POST /api/cultivation/tasks/{id}/submit as account_manager with ${field}`,
    role: 'account_manager',
    method: 'post',
    url: `/api/cultivation/tasks/${home.cultivationTask}/submit`,
    body: {
      salesTrend: '上升',
      consumerOpinion: '好评',
      ordering: '稳定',
      [field]: field === 'status' ? 'submitted' : am06,
    },
    expected: VALIDATION,
    rows: [['cultivation_tasks', home.cultivationTask]],
  })),
  // A required nested object that is missing is a validation error (it used to reach the service: 500).
  {
    name: 'PUT /api/focus-tiers as department_head without the tiers',
    role: 'department_head',
    method: 'put',
    url: '/api/focus-tiers',
    body: {},
    expected: VALIDATION,
  },
  {
    name: 'PUT /api/quota-policies as department_head without float allowances',
    role: 'department_head',
    method: 'put',
    url: '/api/quota-policies',
    body: {
      trailingWindowMonths: 3,
      maxMonthlyChangeBp: 2000,
      pacingFactorBp: 12000,
      grades: Array.from({ length: 30 }, (_, i) => ({ grade: i + 1, baseMonthlyTotal: 10 * (i + 1) })),
    },
    expected: VALIDATION,
  },
];

describe('mass assignment: fields the caller may not set', () => {
  it('covers many fields', () => {
    expect(cases.length).toBeGreaterThan(80);
  });

  it.each(cases)(
    '$name: refused, nothing written',
    async ({ role, method, url, body, expected, rows = [] }) => {
      // Logged in before the snapshot: a first login stamps the user's last_login_at.
      const auth = await demo.auth(role);
      const self = role === 'retailer' ? retailerUser : await t.userId(demo.actors[role]);
      const before = await Promise.all(rows.map(([table, id]) => rowOf(t.db, table, id)));
      const userBefore = await rowOf(t.db, 'users', self);
      const counts = await tableCounts(t.db);
      const res = await t.http[method](url).set(auth).send(body);
      const seen = `${method.toUpperCase()} ${url} as ${role}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
      expect({ seen, status: res.status, code: res.body.code }).toEqual({ seen, ...expected });
      expect(await Promise.all(rows.map(([table, id]) => rowOf(t.db, table, id)))).toEqual(before);
      expect(await rowOf(t.db, 'users', self)).toEqual(userBefore);
      expect(await tableCounts(t.db)).toEqual(counts);
    },
  );

  it('the same writes without the extra field are accepted (the refusals above are about the field)', async () => {
    const ok = async (role: Role, method: 'post' | 'put' | 'patch', url: string, body: object) => {
      const res = await t.http[method](url)
        .set(await demo.auth(role))
        .send(body);
      expect({ url, status: res.status, body: res.status < 300 ? null : res.body }).toEqual({
        url,
        status: expect.any(Number),
        body: null,
      });
    };
    await ok('account_manager', 'patch', '/api/auth/me', { displayName: '改名' });
    await ok('account_manager', 'patch', `/api/retailers/${home.retailer2}`, { phone: '13900000001' });
    await ok('account_manager', 'post', '/api/visits', {
      retailerId: home.retailer,
      visitedAt: AT,
      kind: 'routine',
    });
    await ok('account_manager', 'post', '/api/calls', { retailerId: home.retailer, calledAt: AT });
    await ok('account_manager', 'post', '/api/leads', {
      kind: 'other',
      importance: 'normal',
      retailerId: home.retailer,
      description: '批量赋值测试',
    });
    await ok('market_manager', 'put', `/api/retailers/${home.retailer2}/agreed-total`, {
      month: NEXT_MONTH,
      cartons: 80,
    });
    await ok('market_manager', 'post', `/api/visits/${home.visit}/check`, { effective: true, note: '有效' });
  });
});
