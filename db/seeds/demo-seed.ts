import type { DataSource } from 'typeorm';
import { hashPassword } from '#libs/auth';
import { businessDate } from '#libs/kernel';
import { SeededRandom } from './random.js';
import { demoShape, demoStaff, insertUsers, seedOrg } from './demo/org-and-staff.js';
import { seedCatalog, seedRetailers } from './demo/retailers-catalog.js';
import { seedOrderingHistory } from './demo/ordering.js';
import { seedThreeRoles } from './demo/three-roles.js';
import { seedFieldWork } from './demo/field.js';

export interface DemoOptions {
  /** Password of every demo user (retailers' self-service accounts included). */
  password: string;
  /** How many retailers the county has (drives the org shape). */
  retailers: number;
  /** PRNG seed: the same seed builds the same data (for the same business day). */
  seed: number;
  /** The demo's "today" (YYYY-MM-DD, Asia/Shanghai): dated data (orders, field work) leads up to it. Default: today. */
  today?: string;
  /** Weeks of order history (0: no ordering data at all, e.g. for tests that run their own cycles). */
  weeks?: number;
  /** Digits of a licence number (LICENSE_NO_LENGTH); default 12. */
  licenseNoLength?: number;
  /** GRADE_PERIOD; default quarter. */
  gradePeriod?: 'month' | 'quarter';
}

export const DEFAULT_DEMO_RETAILERS = 2000;

/** Loads the demo county in one transaction (all or nothing). */
export async function seedDemo(dataSource: DataSource, options: DemoOptions): Promise<void> {
  const random = new SeededRandom(options.seed);
  // One hash for every demo user: they share the documented demo password.
  const passwordHash = await hashPassword(options.password);
  const today = options.today ?? businessDate(new Date(), 'Asia/Shanghai');
  await dataSource.transaction(async (manager) => {
    const org = await seedOrg(manager, demoShape(options.retailers));
    await insertUsers(manager, demoStaff(org, random), passwordHash);
    await seedCatalog(manager, random, org.departmentId, today);
    await seedRetailers(
      manager,
      org,
      random,
      {
        count: options.retailers,
        licenseNoLength: options.licenseNoLength ?? 12,
        gradePeriod: options.gradePeriod ?? 'quarter',
        today,
      },
      passwordHash,
    );
    if (options.weeks !== 0) {
      const history = { weeks: options.weeks ?? 12, today, seed: options.seed };
      await seedOrderingHistory(manager, history);
      // Leads and deliveries of that history (the deliveries follow its consolidated orders).
      await seedThreeRoles(manager, history);
    }
    // Field work last: it builds on whatever retailers and brands the steps above created.
    await seedFieldWork(manager, { seed: options.seed, today });
  });
}

/** Seeds only a database that has no org structure yet; returns whether it seeded. */
export async function seedDemoIfEmpty(dataSource: DataSource, options: DemoOptions): Promise<boolean> {
  const [{ empty }] = await dataSource.query('SELECT NOT EXISTS (SELECT 1 FROM org_units) AS empty');
  if (!empty) return false;
  await seedDemo(dataSource, options);
  return true;
}
