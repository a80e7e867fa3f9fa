import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';

/**
 * A department head manages its own department's staff (create, move between territories, disable, reset a
 * password) and its territories' order days, each audited under its department. What it may not do (admins,
 * heads, inspectors, another department) is in test/security/department-scope.e2e-spec.ts.
 */
describe('a department head’s people and schedules', () => {
  let t: DemoApp;
  let head: Record<string, string>;

  beforeAll(async () => {
    t = await startDemoApp();
    head = bearer(await t.token('head'));
  });
  afterAll(async () => {
    await t.close();
  });

  const audits = async (action: string, entityId: number) =>
    (
      await t.db.query(
        `SELECT a.actor_id, a.department_id FROM audit_log a WHERE a.action = $1 AND a.entity_id = $2`,
        [action, String(entityId)],
      )
    ).rows;
  const userRow = async (username: string) =>
    (await t.db.query(`SELECT id, role, org_unit_id, status FROM users WHERE username = $1`, [username]))
      .rows[0];

  it('disables an account manager, moves another into the vacant territory, fills the one left', async () => {
    const [t003, t004, d01, headId] = [
      await t.unitId('T003'),
      await t.unitId('T004'),
      await t.unitId('D01'),
      await t.userId('head'),
    ];
    const am04 = await t.userId('am04');
    await t.http.patch(`/api/users/${am04}`).set(head).send({ status: 'disabled' }).expect(200);
    expect((await userRow('am04')).status).toBe('disabled');
    expect(await audits('user.disable', am04)).toEqual([{ actor_id: headId, department_id: d01 }]);

    const am03 = await t.userId('am03');
    const moved = await t.http.patch(`/api/users/${am03}`).set(head).send({ orgUnitId: t004 }).expect(200);
    expect(moved.body.orgUnitId).toBe(t004);
    expect((await userRow('am03')).org_unit_id).toBe(t004);

    const created = await t.http
      .post('/api/users')
      .set(head)
      .send({
        username: 'am13',
        displayName: '新客户经理',
        role: 'account_manager',
        orgUnitId: t003,
        password: 'First@Login2026',
      })
      .expect(201);
    expect(await userRow('am13')).toEqual({
      id: created.body.id,
      role: 'account_manager',
      org_unit_id: t003,
      status: 'active',
    });
    expect(await audits('user.create', created.body.id)).toEqual([{ actor_id: headId, department_id: d01 }]);
    await t.http.post('/api/auth/login').send({ username: 'am13', password: 'First@Login2026' }).expect(200);
  });

  it('resets a password of its staff: the old one stops working', async () => {
    const id = await t.userId('clerk2');
    await t.http
      .post(`/api/users/${id}/reset-password`)
      .set(head)
      .send({ newPassword: 'Reset@Head2026' })
      .expect(204);
    await t.http.post('/api/auth/login').send({ username: 'clerk2', password: 'Reset@Head2026' }).expect(200);
    expect(await audits('user.reset_password', id)).toHaveLength(1);
  });

  it('sets a territory’s order day, audited under its department', async () => {
    const t005 = await t.unitId('T005');
    const res = await t.http
      .put(`/api/order-schedules/${t005}`)
      .set(head)
      .send({ orderWeekday: 4, cutoffTime: '15:30' })
      .expect(200);
    expect(res.body).toMatchObject({ territoryId: t005, orderWeekday: 4, cutoffTime: '15:30' });
    const { rows } = await t.db.query(
      `SELECT order_weekday, cutoff_time FROM territory_order_schedules WHERE territory_id = $1`,
      [t005],
    );
    expect(rows).toEqual([{ order_weekday: 4, cutoff_time: '15:30' }]);
    expect(await audits('order_schedule.put', t005)).toEqual([
      { actor_id: await t.userId('head'), department_id: await t.unitId('D01') },
    ]);
  });

  it('is the only desk role besides admin that may: a market manager may not', async () => {
    const mm = bearer(await t.token('mm1'));
    const res = await t.http
      .put(`/api/order-schedules/${await t.unitId('T001')}`)
      .set(mm)
      .send({ orderWeekday: 2 });
    expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
  });
});
