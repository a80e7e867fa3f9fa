import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { countRows } from './support/test-app.js';
import { bearer, DEMO_PASSWORD, startDemoApp, type DemoApp } from './support/demo.js';

describe('authentication', () => {
  let t: DemoApp;
  beforeAll(async () => {
    t = await startDemoApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in and describes the user', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .send({ username: 'am01', password: DEMO_PASSWORD })
      .expect(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.user).toMatchObject({
      username: 'am01',
      role: 'account_manager',
      orgUnitId: await t.unitId('T001'),
    });
    const me = await t.http.get('/api/auth/me').set(bearer(res.body.accessToken)).expect(200);
    expect(me.body.username).toBe('am01');
  });

  it('accepts the username in any letter case', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .send({ username: 'AM02', password: DEMO_PASSWORD })
      .expect(200);
    expect(res.body.user).toMatchObject({ username: 'am02', orgUnitId: await t.unitId('T002') });
    const me = await t.http.get('/api/auth/me').set(bearer(res.body.accessToken)).expect(200);
    expect(me.body.username).toBe('am02');
  });

  it('answers a wrong password and an unknown user identically', async () => {
    const wrong = await t.http
      .post('/api/auth/login')
      .send({ username: 'am03', password: 'not-the-password' });
    const unknown = await t.http
      .post('/api/auth/login')
      .send({ username: 'nobody', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks a username after 5 failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      await t.http
        .post('/api/auth/login')
        .send({ username: 'am04', password: `wrong-${i}` })
        .expect(401);
    }
    const locked = await t.http.post('/api/auth/login').send({ username: 'am04', password: DEMO_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.body.details.retryAfterSeconds).toBeGreaterThan(800);
    // Other users are not affected by am04's lock.
    await t.http.post('/api/auth/login').send({ username: 'am05', password: DEMO_PASSWORD }).expect(200);
  });

  it('refuses requests without a token (401) and with a forged one', async () => {
    const none = await t.http.get('/api/auth/me');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');
    const forged = await t.http.get('/api/auth/me').set(bearer('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.bad'));
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('TOKEN_INVALID');
  });

  it('refuses a role the route does not list (403)', async () => {
    const res = await t.http
      .post('/api/users')
      .set(bearer(await t.token('mm1')))
      .send({});
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('stops a disabled user’s token at once, and its login', async () => {
    const token = await t.token('ds6');
    await t.http.get('/api/auth/me').set(bearer(token)).expect(200);
    const id = await t.userId('ds6');
    await t.http
      .patch(`/api/users/${id}`)
      .set(bearer(await t.token('admin')))
      .send({ status: 'disabled' })
      .expect(200);
    expect((await t.http.get('/api/auth/me').set(bearer(token))).status).toBe(401);
    const login = await t.http.post('/api/auth/login').send({ username: 'ds6', password: DEMO_PASSWORD });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('changes its own password under the policy; older tokens stop working', async () => {
    const old = await t.token('eo6');
    const short = await t.http
      .post('/api/auth/change-password')
      .set(bearer(old))
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(short.body.code).toBe('PASSWORD_TOO_SHORT');
    const wrongCurrent = await t.http
      .post('/api/auth/change-password')
      .set(bearer(old))
      .send({ currentPassword: 'guess-guess', newPassword: 'N3w-secret!' });
    expect(wrongCurrent.body.code).toBe('INVALID_CREDENTIALS');
    const changed = await t.http
      .post('/api/auth/change-password')
      .set(bearer(old))
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'N3w-secret!' })
      .expect(200);
    expect((await t.http.get('/api/auth/me').set(bearer(old))).status).toBe(401);
    await t.http.get('/api/auth/me').set(bearer(changed.body.accessToken)).expect(200);
    await t.http.post('/api/auth/login').send({ username: 'eo6', password: 'N3w-secret!' }).expect(200);
  });

  it('lets an admin reset a password; the user’s old tokens stop working', async () => {
    const old = await t.token('eo5');
    const id = await t.userId('eo5');
    const admin = bearer(await t.token('admin'));
    const weak = await t.http.post(`/api/users/${id}/reset-password`).set(admin).send({ newPassword: 'eo5' });
    expect(weak.body.code).toBe('PASSWORD_TOO_SHORT');
    await t.http
      .post(`/api/users/${id}/reset-password`)
      .set(admin)
      .send({ newPassword: 'Reset#2026x' })
      .expect(204);
    expect((await t.http.get('/api/auth/me').set(bearer(old))).status).toBe(401);
    await t.http.post('/api/auth/login').send({ username: 'eo5', password: 'Reset#2026x' }).expect(200);
  });

  it('refuses mass assignment of role or place through the profile, changing nothing', async () => {
    const token = await t.token('am06');
    const before = await t.db.query(
      `SELECT role, org_unit_id, display_name FROM users WHERE username = 'am06'`,
    );
    const auditBefore = await countRows(t.db, 'audit_log');
    for (const field of [{ role: 'admin' }, { orgUnitId: 1 }, { status: 'active' }, { tokenVersion: 9 }]) {
      const res = await t.http
        .patch('/api/auth/me')
        .set(bearer(token))
        .send({ displayName: '改名', ...field });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect(
      (await t.db.query(`SELECT role, org_unit_id, display_name FROM users WHERE username = 'am06'`)).rows,
    ).toEqual(before.rows);
    expect(await countRows(t.db, 'audit_log')).toBe(auditBefore);
    const ok = await t.http
      .patch('/api/auth/me')
      .set(bearer(token))
      .send({ displayName: '李新' })
      .expect(200);
    expect(ok.body.displayName).toBe('李新');
    expect(ok.body.role).toBe('account_manager');
  });
});

describe('users administration', () => {
  let t: DemoApp;
  beforeAll(async () => {
    t = await startDemoApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a user in a place that fits the role, and audits it', async () => {
    const admin = bearer(await t.token('admin'));
    const center = await t.unitId('SC2');
    const res = await t.http
      .post('/api/users')
      .set(admin)
      .send({
        username: 'mm2b',
        displayName: '钱多多',
        role: 'market_manager',
        orgUnitId: center,
        password: 'Strong#Pass1',
      })
      .expect(201);
    expect(res.body).not.toHaveProperty('passwordHash');
    const audit = await t.db.query(
      `SELECT action, actor_role FROM audit_log WHERE entity_type = 'user' AND entity_id = $1`,
      [String(res.body.id)],
    );
    expect(audit.rows).toEqual([{ action: 'user.create', actor_role: 'admin' }]);
    await t.http.post('/api/auth/login').send({ username: 'mm2b', password: 'Strong#Pass1' }).expect(200);
  });

  it.each<[{ role: string; unit: string; username?: string }, string]>([
    [{ role: 'market_manager', unit: 'T001' }, 'USER_PLACEMENT_INVALID'],
    [{ role: 'account_manager', unit: 'T001' }, 'TERRITORY_HAS_ACCOUNT_MANAGER'],
    [{ role: 'retailer', unit: 'T001' }, 'RETAILER_USERS_MANAGED_BY_RETAILERS'],
    [{ role: 'account_manager', unit: 'T002', username: 'AM01' }, 'USERNAME_TAKEN'],
    [{ role: 'supervisor', unit: 'T001' }, 'VALIDATION_FAILED'],
  ])('refuses %j with %s and writes nothing', async (input, code) => {
    const admin = bearer(await t.token('admin'));
    const users = await countRows(t.db, 'users');
    const audit = await countRows(t.db, 'audit_log');
    const res = await t.http
      .post('/api/users')
      .set(admin)
      .send({
        username: input.username ?? 'newbie',
        displayName: '新人',
        role: input.role,
        orgUnitId: await t.unitId(input.unit),
        password: 'Strong#Pass1',
      });
    expect(res.body.code).toBe(code);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await countRows(t.db, 'users')).toBe(users);
    expect(await countRows(t.db, 'audit_log')).toBe(audit);
  });

  it('lists users with filters and paging', async () => {
    const admin = bearer(await t.token('admin'));
    const res = await t.http.get('/api/users?role=account_manager&pageSize=5&page=2').set(admin).expect(200);
    expect(res.body.total).toBe(12);
    expect(res.body.items.map((u: { username: string }) => u.username)).toEqual([
      'am06',
      'am07',
      'am08',
      'am09',
      'am10',
    ]);
    const search = await t.http.get('/api/users?search=clerk').set(admin).expect(200);
    expect(search.body.items.map((u: { username: string }) => u.username)).toEqual([
      'clerk1',
      'clerk2',
      'clerk3',
    ]);
    const byUnit = await t.http
      .get(`/api/users?orgUnitId=${await t.unitId('SQ2')}`)
      .set(admin)
      .expect(200);
    expect(byUnit.body.items.map((u: { username: string }) => u.username)).toEqual(['eo3', 'eo4']);
  });

  it('an admin cannot disable itself', async () => {
    const admin = bearer(await t.token('admin'));
    const res = await t.http
      .patch(`/api/users/${await t.userId('admin')}`)
      .set(admin)
      .send({ status: 'disabled' });
    expect(res.body.code).toBe('CANNOT_DISABLE_SELF');
  });
});
