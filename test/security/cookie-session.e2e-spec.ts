import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, DEMO_PASSWORD, startDemoApp, type DemoApp } from '../support/demo.js';

/** The console's host as the requests below reach the API (supertest's own port changes per request). */
const HOST = 'console.example.cn';
const OWN = `http://${HOST}`;
const FOREIGN = 'https://evil.example.com';

interface CookieSession {
  session: string;
  csrf: string;
  /** The Cookie header a browser would send to /api. */
  header: string;
  setCookies: string[];
}

function cookieValue(setCookies: string[], name: string): string | undefined {
  return setCookies
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0]
    .slice(name.length + 1);
}

describe('the console’s cookie session and cross-site requests', () => {
  let t: DemoApp;
  const logLines: string[] = [];

  beforeAll(async () => {
    t = await startDemoApp({
      env: { LOG_LEVEL: 'info' },
      logDestination: new Writable({
        write(chunk, _encoding, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
    });
  });
  afterAll(async () => {
    await t.close();
  });

  async function cookieLogin(username: string, password = DEMO_PASSWORD): Promise<CookieSession> {
    const res = await t.http
      .post('/api/auth/login')
      .set('host', HOST)
      .set('origin', OWN)
      .send({ username, password, session: 'cookie' })
      .expect(200);
    const setCookies = res.headers['set-cookie'] as unknown as string[];
    const session = cookieValue(setCookies, 'session')!;
    const csrf = cookieValue(setCookies, 'csrf_token')!;
    return { session, csrf, header: `session=${session}; csrf_token=${csrf}`, setCookies };
  }

  async function displayNameOf(username: string): Promise<string> {
    const { rows } = await t.db.query('SELECT display_name FROM users WHERE username = $1', [username]);
    return rows[0].display_name;
  }

  it('logs the console in with an httpOnly SameSite=Strict cookie, and no token in the answer', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('host', HOST)
      .send({ username: 'am01', password: DEMO_PASSWORD, session: 'cookie' })
      .expect(200);
    expect(res.body).toEqual({
      tokenType: 'Cookie',
      expiresIn: 8 * 3600,
      user: expect.objectContaining({ username: 'am01' }),
    });
    const setCookies = res.headers['set-cookie'] as unknown as string[];
    const session = setCookies.find((c) => c.startsWith('session='))!;
    expect(session).toMatch(/; Max-Age=28800/);
    expect(session).toMatch(/; Path=\/api(;|$)/);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Strict/);
    expect(session).not.toMatch(/; Secure/);
    // The CSRF token is for the page's script to read: not httpOnly, the whole site.
    const csrf = setCookies.find((c) => c.startsWith('csrf_token='))!;
    expect(csrf).toMatch(/^csrf_token=[\w-]{32}; Max-Age=28800; Path=\/; SameSite=Strict$/);
    const me = await t.http
      .get('/api/auth/me')
      .set('cookie', `session=${cookieValue(setCookies, 'session')}`)
      .expect(200);
    expect(me.body.username).toBe('am01');
  });

  it('marks the cookies Secure when the request came over HTTPS', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('host', HOST)
      .set('x-forwarded-proto', 'https')
      .send({ username: 'am01', password: DEMO_PASSWORD, session: 'cookie' })
      .expect(200);
    const setCookies = res.headers['set-cookie'] as unknown as string[];
    expect(setCookies).toHaveLength(2);
    for (const cookie of setCookies) expect(cookie).toMatch(/; Secure/);
  });

  it('keeps the bearer token for API clients, untouched by the cross-site checks', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .send({ username: 'am02', password: DEMO_PASSWORD })
      .expect(200);
    expect(res.body.tokenType).toBe('Bearer');
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.headers['set-cookie']).toBeUndefined();
    await t.http
      .patch('/api/auth/me')
      .set(bearer(res.body.accessToken))
      .set('origin', FOREIGN)
      .send({ displayName: '客户经理二' })
      .expect(200);
    expect(await displayNameOf('am02')).toBe('客户经理二');
  });

  it('refuses a change carried by the cookie without the CSRF header, with another token or from another site', async () => {
    const s = await cookieLogin('am03');
    const before = await displayNameOf('am03');
    const attempts = [
      { headers: { origin: OWN }, code: 'CSRF_TOKEN_INVALID' },
      { headers: {}, code: 'CSRF_TOKEN_INVALID' },
      { headers: { origin: OWN, 'x-csrf-token': `${s.csrf}x` }, code: 'CSRF_TOKEN_INVALID' },
      { headers: { origin: OWN, 'x-csrf-token': 'forged' }, code: 'CSRF_TOKEN_INVALID' },
      { headers: { origin: FOREIGN, 'x-csrf-token': s.csrf }, code: 'ORIGIN_FORBIDDEN' },
      { headers: { origin: 'null', 'x-csrf-token': s.csrf }, code: 'ORIGIN_FORBIDDEN' },
    ];
    for (const attempt of attempts) {
      const res = await t.http
        .patch('/api/auth/me')
        .set('host', HOST)
        .set('cookie', s.header)
        .set(attempt.headers)
        .send({ displayName: '被冒用' });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: attempt.code });
    }
    // The session cookie alone, the CSRF cookie missing: the header has nothing to match.
    const noCsrfCookie = await t.http
      .patch('/api/auth/me')
      .set('host', HOST)
      .set('cookie', `session=${s.session}`)
      .set('x-csrf-token', s.csrf)
      .send({ displayName: '被冒用' });
    expect({ status: noCsrfCookie.status, code: noCsrfCookie.body.code }).toEqual({
      status: 403,
      code: 'CSRF_TOKEN_INVALID',
    });
    expect(await displayNameOf('am03')).toBe(before);

    // The console's own request: same origin, the header matching the cookie.
    await t.http
      .patch('/api/auth/me')
      .set('host', HOST)
      .set('origin', OWN)
      .set('cookie', s.header)
      .set('x-csrf-token', s.csrf)
      .send({ displayName: '客户经理三' })
      .expect(200);
    expect(await displayNameOf('am03')).toBe('客户经理三');
  });

  it('refuses a login asking for a cookie from another site, and sets no cookie', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('host', HOST)
      .set('origin', FOREIGN)
      .send({ username: 'am04', password: DEMO_PASSWORD, session: 'cookie' });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'ORIGIN_FORBIDDEN' });
    expect(res.headers['set-cookie']).toBeUndefined();
    const bad = await t.http
      .post('/api/auth/login')
      .send({ username: 'am04', password: DEMO_PASSWORD, session: 'jar' });
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('renews the cookie on a password change (the old one stops working) and clears it on logout', async () => {
    const s = await cookieLogin('am05');
    const changed = await t.http
      .post('/api/auth/change-password')
      .set('host', HOST)
      .set('origin', OWN)
      .set('cookie', s.header)
      .set('x-csrf-token', s.csrf)
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'Cookie@2026x' })
      .expect(200);
    expect(changed.body.accessToken).toBeUndefined();
    const renewed = changed.headers['set-cookie'] as unknown as string[];
    const session = cookieValue(renewed, 'session')!;
    const csrf = cookieValue(renewed, 'csrf_token')!;
    expect(session).not.toBe(s.session);
    const old = await t.http.get('/api/auth/me').set('cookie', s.header);
    expect({ status: old.status, code: old.body.code }).toEqual({ status: 401, code: 'TOKEN_INVALID' });
    const header = `session=${session}; csrf_token=${csrf}`;
    await t.http.get('/api/auth/me').set('cookie', header).expect(200);

    // Logging out is a change too: not without the header.
    const forged = await t.http.post('/api/auth/logout').set('host', HOST).set('cookie', header);
    expect({ status: forged.status, code: forged.body.code }).toEqual({
      status: 403,
      code: 'CSRF_TOKEN_INVALID',
    });
    const out = await t.http
      .post('/api/auth/logout')
      .set('host', HOST)
      .set('origin', OWN)
      .set('cookie', header)
      .set('x-csrf-token', csrf)
      .expect(204);
    const cleared = out.headers['set-cookie'] as unknown as string[];
    expect(cleared.find((c) => c.startsWith('session=;'))).toMatch(/Path=\/api.*Expires=Thu, 01 Jan 1970/);
    expect(cleared.find((c) => c.startsWith('csrf_token=;'))).toMatch(/Path=\/;.*Expires=Thu, 01 Jan 1970/);
    // Without a session there is nothing to protect: logout just clears.
    await t.http.post('/api/auth/logout').expect(204);
  });

  it('never writes the token into a URL or the log', async () => {
    const s = await cookieLogin('am06');
    await t.http.get('/api/auth/me').set('cookie', s.header).expect(200);
    await t.http
      .patch('/api/auth/me')
      .set('host', HOST)
      .set('cookie', s.header)
      .send({ displayName: 'x' })
      .expect(403);
    const log = logLines.join('');
    expect(log).toContain('"url":"/api/auth/me"');
    expect(log).not.toContain(s.session);
    expect(log).not.toContain(s.session.split('.')[2]);
    expect(log).not.toContain(s.csrf);
    for (const cookie of s.setCookies) expect(cookie).not.toMatch(/Domain=/);
  });
});
