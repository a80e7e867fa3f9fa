/// <reference lib="dom" />
import 'reflect-metadata';
import chromium from '@sparticuz/chromium';
import { type Browser, chromium as playwright, type Page } from 'playwright-core';
import type pg from 'pg';
import { businessDate } from '#libs/kernel';
import { startApi } from './support/api-process.js';
import { BENCH_PASSWORD, benchDatabase, benchServer } from './support/bench-database.js';

/**
 * `npm run bench:web`: the phone entry of the console over a throttled 4G link (9 Mbit/s, 150 ms), in Chromium:
 * JavaScript and CSS transferred for the first load (compressed, as sent), the time until the login form
 * accepts input, and after login the time until the account manager's Today shows its cycle card; against the
 * budgets (≤ 250 KB, ≤ 2 s each). The demo county (2,000 retailers) on DATABASE_URL's server or an embedded one.
 * Then the account manager's retailer list with 300 retailers in its territory (topped up with copies of its
 * center's other retailers for the measurement, removed afterwards): the time from tapping 零售户 until the list
 * shows them, until a search has filtered it, and until scrolling has brought the last one on screen.
 */
const BUDGET_KB = 250;
const BUDGET_MS = 2000;
const RUNS = 3;
/** The retailers of the territory in the list measurement (an account manager holds 150–400). */
const LIST_SIZE = 300;
/** Licence numbers of the copies that top the territory up (removed after the run, or by the next one). */
const COPY_LICENSE = '9900';

/** 4G as the budgets assume it: 9 Mbit/s each way, 150 ms. */
async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (9_000_000 / 8) * 0.9,
    uploadThroughput: (9_000_000 / 8) * 0.9,
  });
  return cdp;
}

/** A fresh phone over 4G: empty cache, no service worker yet. */
async function freshPhone(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  return { page, cdp: await throttle(page) };
}

/** With the username typed: the password, 登录, and Today's cycle card on screen. */
async function intoToday(page: Page) {
  await page.getByLabel('密码', { exact: true }).fill(BENCH_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByLabel('本周订货周期').waitFor({ timeout: 60_000 });
}

/**
 * Tops T001 (am01) up to LIST_SIZE retailers with copies of its center's other retailers; answers the search
 * term the list measurement types (the first retailer's shop name) and how many retailers it matches.
 */
async function territoryOf300(pool: pg.Pool): Promise<{ term: string; matches: number }> {
  await removeCopies(pool);
  await pool.query(
    `WITH t AS (SELECT id, service_center_id FROM org_units WHERE code = 'T001'),
          need AS (SELECT $1::int - count(*)::int AS n FROM retailers WHERE territory_id = (SELECT id FROM t))
     INSERT INTO retailers
     SELECT (jsonb_populate_record(NULL::retailers, to_jsonb(r) || jsonb_build_object(
               'id', nextval(pg_get_serial_sequence('retailers', 'id')),
               'license_no', $2 || lpad(r.id::text, 12, '0'),
               'territory_id', (SELECT id FROM t), 'status', 'active'))).*
       FROM retailers r
      WHERE r.service_center_id = (SELECT service_center_id FROM t) AND r.territory_id <> (SELECT id FROM t)
      ORDER BY r.id LIMIT (SELECT greatest(n, 0) FROM need)`,
    [LIST_SIZE, COPY_LICENSE],
  );
  const { rows } = await pool.query(
    `WITH t AS (SELECT id FROM org_units WHERE code = 'T001'),
          term AS (SELECT shop_name AS term FROM retailers WHERE territory_id = (SELECT id FROM t) ORDER BY id LIMIT 1)
     SELECT term.term, count(r.id)::int AS matches, (SELECT count(*)::int FROM retailers WHERE territory_id = (SELECT id FROM t)) AS total
       FROM term LEFT JOIN retailers r ON r.territory_id = (SELECT id FROM t)
        AND (strpos(r.shop_name, term.term) > 0 OR strpos(r.owner_name, term.term) > 0
             OR strpos(r.license_no, term.term) > 0 OR strpos(coalesce(r.phone, ''), term.term) > 0)
      GROUP BY term.term`,
  );
  if (rows[0].total !== LIST_SIZE) throw new Error(`T001 holds ${rows[0].total} retailers, not ${LIST_SIZE}`);
  return { term: rows[0].term, matches: rows[0].matches };
}

function removeCopies(pool: pg.Pool) {
  return pool.query(`DELETE FROM retailers WHERE license_no LIKE $1 || '%' AND length(license_no) = 16`, [
    COPY_LICENSE,
  ]);
}

/** The retailer list of a signed-in account manager over 4G: open it, search it, scroll it to the end. */
async function measureRetailerList(page: Page, search: { term: string; matches: number }) {
  const opening = Date.now();
  await page.getByRole('link', { name: '零售户' }).click();
  await page.getByText(`共 ${LIST_SIZE} 户`).waitFor({ timeout: 60_000 });
  const openMs = Date.now() - opening;
  const box = page.getByPlaceholder('店铺、负责人、许可证号或电话');
  const searching = Date.now();
  await box.fill(search.term);
  await page.getByText(`共 ${search.matches} 户`).waitFor();
  const searchMs = Date.now() - searching;
  await box.fill('');
  await page.getByText(`共 ${LIST_SIZE} 户`).waitFor();
  const rows = page.locator('[aria-label="零售户列表"] .adm-list-item');
  const scrolling = Date.now();
  // Brings the last drawn row on screen, as a finger would, until the list has drawn them all.
  for (let drawn = await rows.count(); drawn < LIST_SIZE; drawn = await rows.count()) {
    await rows.last().scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (before) => document.querySelectorAll('[aria-label="零售户列表"] .adm-list-item').length > before,
      drawn,
    );
  }
  await page.getByText(`已显示全部 ${LIST_SIZE} 户`).scrollIntoViewIfNeeded();
  const scrollMs = Date.now() - scrolling;
  return { openMs, searchMs, scrollMs };
}

async function main() {
  const server = await benchServer();
  const db = await benchDatabase(server, 2000, 2026, businessDate(new Date(), 'Asia/Shanghai'));
  const api = await startApi(db.url);
  const executablePath = process.env.CHROMIUM_PATH || (await chromium.executablePath());
  const args = process.env.CHROMIUM_PATH ? [] : chromium.args.filter((arg) => arg !== '--single-process');
  const browser = await playwright.launch({ executablePath, args, headless: true });
  const runs: { kb: number; loginMs: number; todayMs: number }[] = [];
  const lists: { openMs: number; searchMs: number; scrollMs: number }[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const { page, cdp } = await freshPhone(browser);
      const kinds = new Map<string, string>();
      let bytes = 0;
      let counting = true;
      cdp.on('Network.responseReceived', (event) => kinds.set(event.requestId, event.type));
      cdp.on('Network.loadingFinished', (event) => {
        const kind = kinds.get(event.requestId);
        if (counting && (kind === 'Script' || kind === 'Stylesheet')) bytes += event.encodedDataLength;
      });
      const started = Date.now();
      await page.goto(api.url, { waitUntil: 'commit' });
      const username = page.getByLabel('用户名');
      await username.waitFor();
      await username.fill('am01');
      const loginMs = Date.now() - started;
      await page.waitForLoadState('networkidle');
      counting = false;
      const loggingIn = Date.now();
      await intoToday(page);
      const todayMs = Date.now() - loggingIn;
      runs.push({ kb: bytes / 1024, loginMs, todayMs });
      await page.context().close();
    }
    const search = await territoryOf300(db.pool);
    for (let run = 0; run < RUNS; run++) {
      const { page } = await freshPhone(browser);
      await page.goto(api.url);
      await page.getByLabel('用户名').fill('am01');
      await intoToday(page);
      lists.push(await measureRetailerList(page, search));
      await page.context().close();
    }
  } finally {
    await removeCopies(db.pool);
    await browser.close();
    await api.stop();
    await db.close();
    await server.stop();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const kb = median(runs.map((r) => r.kb));
  const loginMs = median(runs.map((r) => r.loginMs));
  const todayMs = median(runs.map((r) => r.todayMs));
  const verdict = (ok: boolean) => (ok ? 'within budget' : 'OVER BUDGET');
  console.log(`\nconsole phone entry over 4G (9 Mbit/s, 150 ms), median of ${RUNS} cold loads:`);
  console.log(
    `  JS + CSS on first load (compressed): ${kb.toFixed(1)} KB (budget ${BUDGET_KB} KB: ${verdict(kb <= BUDGET_KB)})`,
  );
  console.log(
    `  login form accepts input after:      ${loginMs} ms (budget ${BUDGET_MS} ms: ${verdict(loginMs <= BUDGET_MS)})`,
  );
  console.log(
    `  login → Today's cycle card:          ${todayMs} ms (budget ${BUDGET_MS} ms: ${verdict(todayMs <= BUDGET_MS)})`,
  );
  console.log(
    `  runs: ${runs.map((r) => `${r.kb.toFixed(1)} KB / ${r.loginMs} ms / ${r.todayMs} ms`).join('; ')}`,
  );
  console.log(
    `\nthe account manager's retailer list, ${LIST_SIZE} retailers in the territory, median of ${RUNS}:`,
  );
  console.log(`  tap 零售户 → the list shows them:  ${median(lists.map((l) => l.openMs))} ms`);
  console.log(`  type a shop name → list filtered: ${median(lists.map((l) => l.searchMs))} ms`);
  console.log(`  scroll to the last of them:       ${median(lists.map((l) => l.scrollMs))} ms`);
  console.log(
    `  runs: ${lists.map((l) => `${l.openMs} ms / ${l.searchMs} ms / ${l.scrollMs} ms`).join('; ')}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
