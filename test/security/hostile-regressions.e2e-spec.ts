import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, type DemoApp, startDemoApp, TEST_DEMO_RETAILERS } from '../support/demo.js';
import { countRows } from '../support/test-app.js';
import { TEST_NOW, TEST_TODAY } from '../support/test-clock.js';

/**
 * What the hostile-input run found, one case each, on the real API: every one answered 500, wrote rows, or
 * answered a misleading code before its fix.
 */
describe('hostile-input findings', () => {
  let t: DemoApp;
  let admin: Record<string, string>;
  let head: Record<string, string>;

  beforeAll(async () => {
    t = await startDemoApp({ retailers: TEST_DEMO_RETAILERS });
    admin = bearer(await t.token('admin'));
    head = bearer(await t.token('head'));
  });
  afterAll(async () => {
    await t?.close();
  });

  const range = { minFenPerPack: 1000, maxFenPerPack: null };

  it('refuses focus tiers without a tier, or with a tier that is not an object (was 500)', async () => {
    const before = await countRows(t.db, 'focus_tiers');
    for (const body of [
      { rural: range },
      { urban: [], rural: range },
      { urban: [range], rural: range },
      { urban: 5, rural: range },
    ]) {
      const res = await t.http.put('/api/focus-tiers').set(head).send(body);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('urban');
    }
    expect(await countRows(t.db, 'focus_tiers')).toBe(before);
  });

  it('refuses a nested survey that is an array in a visit, and a float-allowance list in a policy', async () => {
    const am = bearer(await t.token('am01'));
    const visit = await t.http
      .post('/api/visits')
      .set(am)
      .send({ retailerId: 1, visitedAt: new Date(TEST_NOW).toISOString(), kind: 'routine', awareness: [] });
    expect([visit.status, visit.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(visit.body.details.map((d: { field: string }) => d.field)).toContain('awareness');
    const policy = await t.http
      .put('/api/quota-policies')
      .set(head)
      .send({
        floatAllowancesBp: [{ large: 500, medium: 1000, small: 1500 }],
        trailingWindowMonths: 3,
        maxMonthlyChangeBp: 2000,
        pacingFactorBp: 15000,
        grades: [],
      });
    expect([policy.status, policy.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(policy.body.details.map((d: { field: string }) => d.field)).toContain('floatAllowancesBp');
  });

  it('refuses null for optional fields that are not nullable (was: a write, a 500 or a 409)', async () => {
    // Read as "every brand": twelve cultivation tasks were generated.
    const tasks = await countRows(t.db, 'cultivation_tasks');
    const generate = await t.http.post('/api/cultivation/tasks/generate').set(admin).send({ brandId: null });
    expect([generate.status, generate.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await countRows(t.db, 'cultivation_tasks')).toBe(tasks);
    // A 500.
    const year = Number(TEST_TODAY.slice(0, 4)) + 1;
    const equivalents = await t.http
      .put(`/api/key-brands/${year}/equivalents`)
      .set(admin)
      .send({ brandIds: [1], departmentId: null });
    expect([equivalents.status, equivalents.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    // A 409 CONFLICT naming the column, from the NOT NULL constraint.
    const { rows } = await t.db.query('SELECT code FROM district_types ORDER BY code LIMIT 1');
    const district = await t.http
      .patch(`/api/district-types/${rows[0].code}`)
      .set(admin)
      .send({ sortOrder: null });
    expect([district.status, district.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    // A nullable field still takes null: the retailer's phone is cleared.
    const cleared = await t.http.patch('/api/retailers/1').set(admin).send({ phone: null });
    expect([cleared.status, cleared.body.phone]).toEqual([200, null]);
  });

  it('validates the query of the district types and the quota policy like every other list', async () => {
    // One retired type, so that `all=true` is seen to change the answer.
    const { rows } = await t.db.query(
      `UPDATE district_types SET active = false
        WHERE code = (SELECT code FROM district_types ORDER BY code LIMIT 1) RETURNING code`,
    );
    const retired: string = rows[0].code;
    try {
      const all = await t.http.get('/api/district-types?all=true').set(head).expect(200);
      const active = await t.http.get('/api/district-types').set(head).expect(200);
      const codes = (res: typeof all) => res.body.map((d: { code: string }) => d.code);
      expect(codes(all)).toContain(retired);
      expect(codes(active)).not.toContain(retired);
      expect(all.body.length).toBe(active.body.length + 1);
    } finally {
      await t.db.query('UPDATE district_types SET active = true WHERE code = $1', [retired]);
    }
    for (const url of [
      '/api/district-types?all=maybe',
      '/api/district-types?floor=1',
      '/api/quota-policies?departmentId=abc',
      '/api/quota-policies?x=1',
    ]) {
      const res = await t.http.get(url).set(head);
      expect([url, res.status, res.body.code]).toEqual([url, 400, 'VALIDATION_FAILED']);
    }
    await t.http.get('/api/quota-policies').set(head).expect(200);
  });

  it('takes a path id only as decimal digits (0x1 and 1e0 were read as id 1)', async () => {
    await t.http.get('/api/retailers/1').set(admin).expect(200);
    for (const id of ['0x1', '1e0', '+1']) {
      const res = await t.http.get(`/api/retailers/${id}`).set(admin);
      expect([id, res.status, res.body.code]).toEqual([id, 400, 'VALIDATION_FAILED']);
    }
  });

  it('takes a query integer only as decimal digits (0x1F, 1e1 and " 2 " were read as numbers)', async () => {
    const page = await t.http.get('/api/retailers?page=2&pageSize=10').set(admin).expect(200);
    expect([page.body.page, page.body.pageSize]).toEqual([2, 10]);
    for (const query of ['page=0x2', 'page=1e1', 'page=%202%20', 'pageSize=', 'grade=0x1F']) {
      const res = await t.http.get(`/api/retailers?${query}`).set(admin);
      expect([query, res.status, res.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
    }
  });
});
