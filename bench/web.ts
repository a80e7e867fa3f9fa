import 'reflect-metadata';
import chromium from '@sparticuz/chromium';
import { chromium as playwright } from 'playwright-core';
import { businessDate } from '#libs/kernel';
import { startApi } from './support/api-process.js';
import { BENCH_PASSWORD, benchDatabase } from './support/bench-database.js';

/**
 * `npm run bench:web`: the phone entry of the console over a throttled 4G link (9 Mbit/s, 150 ms), in Chromium:
 * JavaScript and CSS transferred for the first load (compressed, as sent), the time until the login form
 * accepts input, and after login the time until the account manager's Today shows its cycle card; against the
 * budgets (≤ 250 KB, ≤ 2 s each). The demo county (2,000 retailers) on DATABASE_URL's server or an embedded one.
 */
const BUDGET_KB = 250;
const BUDGET_MS = 2000;
const RUNS = 3;

async function main() {
  const db = await benchDatabase(2000, 2026, businessDate(new Date(), 'Asia/Shanghai'));
  const api = await startApi(db.url);
  const executablePath = process.env.CHROMIUM_PATH || (await chromium.executablePath());
  const args = process.env.CHROMIUM_PATH ? [] : chromium.args.filter((arg) => arg !== '--single-process');
  const browser = await playwright.launch({ executablePath, args, headless: true });
  const runs: { kb: number; loginMs: number; todayMs: number }[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      // A fresh phone each run: empty cache, no service worker yet.
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (9_000_000 / 8) * 0.9,
        uploadThroughput: (9_000_000 / 8) * 0.9,
      });
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
      await page.getByLabel('密码', { exact: true }).fill(BENCH_PASSWORD);
      const loggingIn = Date.now();
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByLabel('本周订货周期').waitFor({ timeout: 60_000 });
      const todayMs = Date.now() - loggingIn;
      runs.push({ kb: bytes / 1024, loginMs, todayMs });
      await context.close();
    }
  } finally {
    await browser.close();
    await api.stop();
    await db.close();
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
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
