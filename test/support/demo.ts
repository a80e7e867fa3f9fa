import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { seedDemo } from '#db/seeds/demo-seed';
import { startTestApp, type TestApp } from './test-app.js';
import { TEST_TODAY } from './test-clock.js';

export const ADMIN_PASSWORD = 'Admin@Test2026';
export const DEMO_PASSWORD = 'Demo@Test2026';

export interface DemoApp extends TestApp {
  /** A bearer token for a demo user (cached per file). */
  token: (username: string) => Promise<string>;
  /** The id of an org unit by its code (T001, SC1, R1-1, SQ1, ...). */
  unitId: (code: string) => Promise<number>;
  userId: (username: string) => Promise<number>;
}

/**
 * Retailers of a small test county: 5 per territory over the same 12 territories as the full demo, enough
 * for scoping and lists, quick to load. By default a test county has none: tests that need exact figures
 * build their own fixture.
 */
export const TEST_DEMO_RETAILERS = 60;

/** The real API on its own database, loaded with the demo county (same generator as `npm run seed:demo`). */
export async function startDemoApp(
  options: {
    retailers?: number;
    /** Weeks of order history (default none: most tests run their own cycles on a mocked clock). */
    weeks?: number;
    /** The business date the demo is loaded on (default TEST_TODAY). */
    today?: string;
    /** Where the app's clock stands (default 15:00 on `today`, business time). */
    now?: string;
    env?: Record<string, string>;
    /** Where the app's request log goes (set LOG_LEVEL in `env`). */
    logDestination?: DestinationStream;
  } = {},
): Promise<DemoApp> {
  const today = options.today ?? TEST_TODAY;
  const t = await startTestApp(
    { ADMIN_PASSWORD, DEMO_PASSWORD, ...options.env },
    options.logDestination,
    options.now ?? `${today}T15:00:00+08:00`,
  );
  // No order history unless asked: most tests run their own cycles on a mocked clock.
  await seedDemo(t.app.get(DataSource), {
    password: DEMO_PASSWORD,
    retailers: options.retailers ?? 0,
    seed: 7,
    weeks: options.weeks ?? 0,
    today,
    licenseNoLength: t.config.licenseNoLength,
    gradePeriod: t.config.gradePeriod,
  });
  const tokens = new Map<string, string>();
  return {
    ...t,
    token: async (username) => {
      const cached = tokens.get(username);
      if (cached) return cached;
      const password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD;
      const res = await t.http.post('/api/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(username, res.body.accessToken);
      return res.body.accessToken;
    },
    unitId: async (code) => {
      const { rows } = await t.db.query('SELECT id FROM org_units WHERE code = $1', [code]);
      if (!rows[0]) throw new Error(`no org unit ${code}`);
      return rows[0].id;
    },
    userId: async (username) => {
      const { rows } = await t.db.query('SELECT id FROM users WHERE username = $1', [username]);
      if (!rows[0]) throw new Error(`no user ${username}`);
      return rows[0].id;
    },
  };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
