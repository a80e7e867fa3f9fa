/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD, startDemoApp, type DemoApp } from '../../support/demo.js';
import { ensureConsoleBuilt } from './console-build.js';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results/screens');
/** The phone the pages are designed for first. */
export const PHONE = { width: 390, height: 844 };
/** The desk pages' screen (a laptop; they stay usable down to a 1024 px tablet). */
export const DESK = { width: 1366, height: 768 };

export interface ConsoleApp extends DemoApp {
  /** Where the console is served (a real port: the browser needs one). */
  url: string;
  browser: Browser;
  /** A fresh phone (its own cookies and storage) with the browser clock at the API's instant. */
  phone: () => Promise<BrowserContext>;
  /** The same on a desk screen (1366×768, pointer and keyboard). */
  desk: () => Promise<BrowserContext>;
  /**
   * A page on a fresh phone, signed in as `username` with the demo password at `path` (default: the role's
   * home): the login page brings the user back there. `prepare` runs on the context first (a clock of its
   * own, offline, …).
   */
  phoneAs: (username: string, path?: string, prepare?: Prepare) => Promise<Page>;
  /** The same on a desk screen, at `path` (default: the desk's home). */
  deskAs: (username: string, path?: string, prepare?: Prepare) => Promise<Page>;
}

type Prepare = (context: BrowserContext) => Promise<void>;

/** The Chromium of `CHROMIUM_PATH`, or the one the npm package @sparticuz/chromium ships (no download). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || (await chromium.executablePath());
  // Its Lambda flags include --single-process, which ends the whole browser when one context closes.
  const args = process.env.CHROMIUM_PATH ? [] : chromium.args.filter((arg) => arg !== '--single-process');
  return playwright.launch({ executablePath, args, headless: true });
}

/** The API with the built console on a real port, the demo county loaded, and a browser. */
export async function startConsoleApp(options: Parameters<typeof startDemoApp>[0] = {}): Promise<ConsoleApp> {
  await ensureConsoleBuilt();
  const t = await startDemoApp(options);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await launchChromium();
  const now = new Date(options.now ?? `${options.today ?? '2026-11-18'}T15:00:00+08:00`);
  async function newContext(viewport: typeof PHONE, mobile: boolean): Promise<BrowserContext> {
    const context = await browser.newContext({
      baseURL: url,
      viewport,
      isMobile: mobile,
      hasTouch: mobile,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      // The page's clock stands still (below), so an animation would never end: charts draw at once.
      reducedMotion: 'reduce',
    });
    await context.clock.setFixedTime(now);
    // Records what the Content-Security-Policy refused (an init script runs outside the page's policy).
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    return context;
  }
  async function signedIn(context: BrowserContext, username: string, path: string, prepare?: Prepare) {
    await prepare?.(context);
    const page = await context.newPage();
    await page.goto(path);
    await logIn(page, username, DEMO_PASSWORD);
    await page.waitForURL((url) =>
      path === '/' ? !['/', '/login'].includes(url.pathname) : `${url.pathname}${url.search}` === path,
    );
    return page;
  }
  const phone = () => newContext(PHONE, true);
  const desk = () => newContext(DESK, false);
  return {
    ...t,
    url,
    browser,
    phone,
    desk,
    phoneAs: async (username, path = '/', prepare) => signedIn(await phone(), username, path, prepare),
    deskAs: async (username, path = '/desk', prepare) => signedIn(await desk(), username, path, prepare),
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  /** The offending elements, with axe's reason, so a failure says what to fix. */
  nodes: string[];
}

/** axe-core run in the page (through the debugging protocol, so the page's CSP stays as it is). */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Colours are judged at rest: no pointer hovering (the last tap's position) and transitions ended.
  await page.mouse.move(0, 0);
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
  );
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{
            violations: {
              id: string;
              impact: string;
              help: string;
              nodes: { html: string; failureSummary: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((node) => `${node.html.slice(0, 160)} — ${node.failureSummary}`),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** A screenshot of a main screen, for a person to look at (test-results/screens, not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** What the page's Content-Security-Policy refused so far. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** Waits until the service worker controls the page: from then on the app shell loads without a network. */
export async function untilServiceWorkerControls(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

/** Draws a few strokes on a signature pad (found by its label) as a finger would. */
export async function drawSignature(page: Page, padLabel: string): Promise<void> {
  const pad = page.getByRole('img', { name: padLabel });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height * 0.7);
  await page.mouse.down();
  for (const [x, y] of [
    [0.3, 0.2],
    [0.5, 0.8],
    [0.7, 0.3],
    [0.9, 0.6],
  ]) {
    await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 8 });
  }
  await page.mouse.up();
}

/** Finds a specification in the spec list as a person would: by typing its name into the search. */
export async function findSpec(page: Page, name: string): Promise<void> {
  await page.getByPlaceholder('搜索规格名称或编码').fill(name);
}

/** Logs in through the login form as a person would. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}
