import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { ConfigValidationError, DEVELOPMENT_JWT_SECRET, loadConfig } from '#libs/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ADMIN_PASSWORD, bearer, DEMO_PASSWORD, startDemoApp, type DemoApp } from '../support/demo.js';
import { insertRetailers } from '../support/fixtures.js';

const ALLOWED = 'https://portal.example.cn';
const ALSO_ALLOWED = 'https://admin.example.cn';
const FOREIGN = 'https://evil.example.com';

describe('security headers and CORS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: `${ALLOWED}, ${ALSO_ALLOWED}`, ADMIN_PASSWORD });
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    [
      'a successful login',
      () => t.http.post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD }),
      200,
    ],
    ['an API route refusing a missing token', () => t.http.get('/api/retailers'), 401],
    [
      'a refused login',
      () => t.http.post('/api/auth/login').send({ username: 'nobody', password: 'x' }),
      401,
    ],
    ['an unknown route', () => t.http.get('/api/no-such-thing'), 404],
    ['the health check', () => t.http.get('/health'), 200],
  ])('sets helmet’s headers on %s', async (_what, request, status) => {
    const res = await request();
    expect(res.status).toBe(status);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}; includeSubDomains/);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain(`default-src 'self'`);
    expect(csp).toContain(`object-src 'none'`);
    expect(csp).toContain(`frame-ancestors 'self'`);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('echoes a configured origin, and only a configured one', async () => {
    for (const origin of [ALLOWED, ALSO_ALLOWED]) {
      const res = await t.http.get('/health').set('origin', origin).expect(200);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(res.headers.vary).toMatch(/origin/i);
      expect(res.headers['access-control-expose-headers']).toContain('x-request-id');
      // Bearer tokens, never cookies: no credentialed CORS.
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    }
    for (const origin of [FOREIGN, `${ALLOWED}.evil.com`, 'http://portal.example.cn', 'null']) {
      const res = await t.http.get('/health').set('origin', origin).expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('answers a preflight for every method the API uses, for a configured origin only', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH']) {
      const res = await t.http
        .options('/api/demands/1')
        .set('origin', ALLOWED)
        .set('access-control-request-method', method)
        .set('access-control-request-headers', 'authorization,content-type,idempotency-key');
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(res.headers['access-control-allow-methods']?.split(/,\s*/)).toContain(method);
      expect(res.headers['access-control-allow-headers']).toMatch(/authorization/i);
    }
    const foreign = await t.http
      .options('/api/demands/1')
      .set('origin', FOREIGN)
      .set('access-control-request-method', 'PATCH');
    // Without Access-Control-Allow-Origin the browser refuses, whatever else the preflight lists.
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('production configuration', () => {
  const production = (env: Record<string, string | undefined>) => () =>
    loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/app', ...env });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['the development default', DEVELOPMENT_JWT_SECRET],
    ['short', 'short'],
    ['16 characters (under the 256 bits HS256 needs)', 'x'.repeat(16)],
    ['31 characters', 'x'.repeat(31)],
  ])('refuses to start with a JWT secret that is %s', (_what, secret) => {
    const start = production({ JWT_SECRET: secret });
    expect(start).toThrow(ConfigValidationError);
    expect(start).toThrow(expect.objectContaining({ variable: 'JWT_SECRET' }));
  });

  it('starts with a secret of its own, 32 characters or more', () => {
    const secret = randomBytes(24).toString('base64'); // 32 characters
    expect(production({ JWT_SECRET: secret })().jwtSecret).toBe(secret);
  });

  it('never accepts a token signed with the development secret once a real one is set', async () => {
    const t = await startTestApp({
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      JOBS_ENABLED: 'false',
      ADMIN_PASSWORD,
    });
    try {
      const { rows } = await t.db.query(`SELECT id, token_version FROM users WHERE username = 'admin'`);
      const forged = await new JwtService({ secret: DEVELOPMENT_JWT_SECRET }).signAsync({
        sub: rows[0].id,
        ver: rows[0].token_version,
      });
      const res = await t.http.get('/api/auth/me').set(bearer(forged));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
      // The real secret works, so the refusal above is about the signature.
      const login = await t.http
        .post('/api/auth/login')
        .send({ username: 'admin', password: ADMIN_PASSWORD })
        .expect(200);
      await t.http.get('/api/auth/me').set(bearer(login.body.accessToken)).expect(200);
    } finally {
      await t.close();
    }
  });
});

describe('disabled accounts', () => {
  let t: DemoApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await startDemoApp();
    admin = bearer(await t.token('admin'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('an admin disabling a user stops its existing token (401 with a code) on every route', async () => {
    const token = bearer(await t.token('am02'));
    await t.http.get('/api/retailers').set(token).expect(200);
    await t.http
      .patch(`/api/users/${await t.userId('am02')}`)
      .set(admin)
      .send({ status: 'disabled' })
      .expect(200);
    for (const request of [
      t.http.get('/api/auth/me').set(token),
      t.http.get('/api/retailers').set(token),
      t.http
        .post('/api/auth/change-password')
        .set(token)
        .send({ currentPassword: DEMO_PASSWORD, newPassword: 'Another#2026' }),
    ]) {
      const res = await request;
      expect([res.status, res.body.code]).toEqual([401, 'TOKEN_INVALID']);
    }
    // Enabled again, the old token stays dead: only a new login works.
    await t.http
      .patch(`/api/users/${await t.userId('am02')}`)
      .set(admin)
      .send({ status: 'active' })
      .expect(200);
    expect((await t.http.get('/api/auth/me').set(token)).body.code).toBe('TOKEN_INVALID');
    const login = await t.http
      .post('/api/auth/login')
      .send({ username: 'am02', password: DEMO_PASSWORD })
      .expect(200);
    await t.http.get('/api/auth/me').set(bearer(login.body.accessToken)).expect(200);
  });

  it('closing a retailer disables its self-service account and its token', async () => {
    const [retailer] = await insertRetailers(t, [
      { licenseNo: '550000000001', territory: 'T001', grade: 10, withUser: true },
    ]);
    const token = bearer(await t.token('550000000001'));
    await t.http.get('/api/auth/me').set(token).expect(200);
    await t.http
      .post(`/api/retailers/${retailer}/status`)
      .set(admin)
      .send({ status: 'closed', reason: '注销许可证' })
      .expect(200);
    const res = await t.http.get('/api/demands').set(token);
    expect([res.status, res.body.code]).toEqual([401, 'TOKEN_INVALID']);
  });
});

describe('secrets and passwords never reach the logs', () => {
  const jwtSecret = randomBytes(32).toString('hex');
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  let t: DemoApp;
  let restore: () => void;

  beforeAll(async () => {
    // The request log goes to `destination`; Nest's own logger writes to stdout and stderr: both are captured.
    const spies = (['stdout', 'stderr'] as const).map((name) =>
      jest.spyOn(process[name], 'write').mockImplementation((chunk: string | Uint8Array) => {
        lines.push(String(chunk));
        return true;
      }),
    );
    restore = () => spies.forEach((spy) => spy.mockRestore());
    t = await startDemoApp({
      env: { LOG_LEVEL: 'trace', JWT_SECRET: jwtSecret },
      logDestination: destination,
    });
  });
  afterAll(async () => {
    restore();
    await t?.close();
  });

  it('logs logins, failed logins, a password change and an admin reset without a password, token or secret', async () => {
    const secrets: string[] = [jwtSecret, ADMIN_PASSWORD, DEMO_PASSWORD];
    const admin = await t.token('admin');
    const am03 = await t.token('am03');
    secrets.push(admin, am03);

    for (const [username, password] of [
      ['admin', 'Wrong#Admin#Pass1'],
      ['am04', 'Wrong#Am04#Pass2'],
      ['nobody-here', 'Wrong#Nobody#Pass3'],
    ]) {
      secrets.push(password);
      expect((await t.http.post('/api/auth/login').send({ username, password })).status).toBe(401);
    }
    // A body the parser refuses (its error message quotes the body) and a field the validator refuses.
    const broken = '{"username":"am04","password":"Broken#Json#Pass4"';
    secrets.push('Broken#Json#Pass4');
    const parse = await t.http.post('/api/auth/login').set('content-type', 'application/json').send(broken);
    expect(parse.status).toBe(400);
    secrets.push('Unknown#Field#Pass5');
    const unknown = await t.http
      .post('/api/auth/login')
      .send({ username: 'am04', password: DEMO_PASSWORD, pin: 'Unknown#Field#Pass5' });
    expect(unknown.body.code).toBe('VALIDATION_FAILED');

    const changed = await t.http
      .post('/api/auth/change-password')
      .set(bearer(am03))
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'Changed#Am03#Pass6' })
      .expect(200);
    secrets.push('Changed#Am03#Pass6', changed.body.accessToken);
    const wrongCurrent = await t.http
      .post('/api/auth/change-password')
      .set(bearer(changed.body.accessToken))
      .send({ currentPassword: 'Guessed#Pass7', newPassword: 'Never#Set#Pass8' });
    expect(wrongCurrent.body.code).toBe('INVALID_CREDENTIALS');
    secrets.push('Guessed#Pass7', 'Never#Set#Pass8');

    await t.http
      .post(`/api/users/${await t.userId('am04')}/reset-password`)
      .set(bearer(admin))
      .send({ newPassword: 'Reset#Am04#Pass9' })
      .expect(204);
    secrets.push('Reset#Am04#Pass9');
    const relogin = await t.http
      .post('/api/auth/login')
      .send({ username: 'am04', password: 'Reset#Am04#Pass9' })
      .expect(200);
    secrets.push(relogin.body.accessToken);
    // A token in a query string (a client's mistake) and one in a header the app does not use.
    await t.http.get(`/api/auth/me?access_token=${relogin.body.accessToken}`).expect(401);
    await t.http.get('/api/auth/me').set('x-access-token', relogin.body.accessToken).expect(401);
    await t.http.get('/api/auth/me').set(bearer(relogin.body.accessToken)).expect(200);

    const log = lines.join('');
    // The capture works: every request above left its line.
    const requests = log.split('\n').filter((line) => line.includes('"msg":"request"'));
    expect(requests.filter((line) => line.includes('/api/auth/login')).length).toBeGreaterThanOrEqual(7);
    expect(requests.some((line) => line.includes('/api/auth/change-password'))).toBe(true);
    expect(requests.some((line) => line.includes('/reset-password'))).toBe(true);
    for (const secret of secrets) {
      expect(log).not.toContain(secret);
      // A token's signature alone is as good as the token.
      if (secret.split('.').length === 3) expect(log).not.toContain(secret.split('.')[2]);
    }
    expect(log).not.toMatch(/\$2[aby]\$\d\d\$/); // no password hash either
  });

  it('redacts password and token fields should a body ever be logged', () => {
    const body = {
      password: 'Logged#Pass10',
      currentPassword: 'Logged#Pass11',
      newPassword: 'Logged#Pass12',
      accessToken: 'Logged.Token.13',
    };
    const before = lines.length;
    t.app
      .getHttpAdapter()
      .getInstance()
      .log.warn({ body, ...body }, 'a body logged by mistake');
    const logged = lines.slice(before).join('');
    expect(logged).toContain('a body logged by mistake');
    expect(logged.match(/\[redacted\]/g)).toHaveLength(8);
    for (const secret of Object.values(body)) expect(logged).not.toContain(secret);
  });
});
