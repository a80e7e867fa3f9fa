/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { bearer, DEMO_PASSWORD } from '../support/demo.js';
import {
  cspViolations,
  logIn,
  screenshot,
  seriousAccessibilityViolations,
  startConsoleApp,
  type ConsoleApp,
} from './support/browser.js';

describe('console: serving, login and the password', () => {
  let t: ConsoleApp;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    t = await startConsoleApp({ retailers: 60 });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function freshPhone(): Promise<Page> {
    await context?.close();
    context = await t.phone();
    page = await context.newPage();
    return page;
  }

  it('serves the console at / and its routes, with a strict Content-Security-Policy', async () => {
    for (const path of ['/', '/am/today', '/shop/order?x=1']) {
      const res = await t.http.get(path).expect(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.text).toContain('<div id="root"></div>');
      const policy: string = res.headers['content-security-policy'];
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce).toBeDefined();
      // Every script and stylesheet of the page carries this response's nonce, and nothing else is allowed.
      expect(res.text).not.toContain('CSP_NONCE');
      expect(res.text).toContain(`nonce="${nonce}"`);
      expect(policy).toContain(`script-src 'self' 'nonce-${nonce}'`);
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    }
    const first = await t.http.get('/');
    const second = await t.http.get('/');
    expect(first.headers['content-security-policy']).not.toBe(second.headers['content-security-policy']);
  });

  it('keeps the API, its documentation and health where they were', async () => {
    const missing = await t.http.get('/api/no-such-route').expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    await t.http.get('/health').expect(200);
    await t.http.get('/docs-json').expect(200);
  });

  it('serves assets precompressed and cached for good, the manifest and the service worker fresh', async () => {
    const page = await t.http.get('/');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)?.[1];
    const asset = await t.http.get(script!).set('accept-encoding', 'br').buffer(true).expect(200);
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['cache-control']).toContain('immutable');
    const manifest = await t.http.get('/manifest.webmanifest').expect(200);
    expect(JSON.parse(manifest.text ?? manifest.body.toString()).name).toBe('卷烟零售终端管理');
    const worker = await t.http.get('/sw.js').expect(200);
    expect(worker.headers['cache-control']).toBe('no-cache');
  });

  it('refuses a wrong password in Chinese and lets an account manager in to its home', async () => {
    await freshPhone();
    await page.goto('/');
    await page.getByRole('button', { name: '登录' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '01-login');
    await logIn(page, 'am01', 'wrong-password');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('用户名或密码不正确。');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/am/today');
    expect(await cspViolations(page)).toEqual([]);
  });

  it('keeps the session in an httpOnly cookie no script of the page can read, and across a reload', async () => {
    const session = (await context.cookies()).find((cookie) => cookie.name === 'session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    const visible = await page.evaluate(() => document.cookie);
    expect(visible).toContain('csrf_token=');
    expect(visible).not.toContain(session!.value);
    expect(page.url()).not.toContain(session!.value);
    await page.reload();
    await page.getByRole('link', { name: '今日' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/am/today');
  });

  it('blocks a script injected into the page (the policy holds in the browser)', async () => {
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    expect((await cspViolations(page)).join()).toContain('script-src');
  });

  it('makes a retailer with a one-time password choose its own first, then takes it to its order page', async () => {
    const retailer = (
      await t.db.query(
        `SELECT r.id, r.license_no FROM retailers r JOIN org_units t ON t.id = r.territory_id
          WHERE t.code = 'T001' ORDER BY r.id LIMIT 1`,
      )
    ).rows[0];
    const activation = await t.http
      .post(`/api/retailers/${retailer.id}/account/activation`)
      .set(bearer(await t.token('am01')))
      .expect(201);
    const oneTime: string = activation.body.temporaryPassword;
    expect(oneTime).toBeTruthy();

    await freshPhone();
    await page.goto('/');
    await logIn(page, retailer.license_no, oneTime);
    await page.waitForURL('**/change-password');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('一次性密码');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '02-first-login-password');
    await page.getByLabel('一次性密码').fill(oneTime);
    await page.getByLabel('新密码', { exact: true }).fill('Mine@2026x');
    await page.getByLabel('再次输入新密码').fill('Mine@2026x');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.waitForURL('**/shop/order');

    // The new password is the one that works from now on.
    const login = await t.http
      .post('/api/auth/login')
      .send({ username: retailer.license_no, password: 'Mine@2026x' });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(false);
    await t.http
      .post('/api/auth/login')
      .send({ username: retailer.license_no, password: oneTime })
      .expect(401);
  });

  it('sends an expired session back to the login page with a message, and returns to the page after login', async () => {
    await freshPhone();
    await page.goto('/am/retailers');
    await page.waitForURL('**/login?from=%2Fam%2Fretailers');
    await logIn(page, 'am02', DEMO_PASSWORD);
    await page.waitForURL('**/am/retailers');
    // The session ends on the server (a password change revokes every older token).
    const token = (await t.http.post('/api/auth/login').send({ username: 'am02', password: DEMO_PASSWORD }))
      .body.accessToken;
    await t.http
      .post('/api/auth/change-password')
      .set(bearer(token))
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'Changed@2026' })
      .expect(200);
    await page.getByRole('link', { name: '今日' }).click();
    await page.waitForURL('**/login?from=%2Fam%2Ftoday');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      '登录已过期，请重新登录。',
    );
    await logIn(page, 'am02', 'Changed@2026');
    await page.waitForURL('**/am/today');
  });

  it('brings delivery staff to their run of today', async () => {
    await freshPhone();
    await page.goto('/');
    await logIn(page, 'ds1', DEMO_PASSWORD);
    await page.waitForURL('**/dv/run');
    await page.getByRole('heading', { name: '今日送货' }).waitFor();
    expect(await cspViolations(page)).toEqual([]);
  });
});
