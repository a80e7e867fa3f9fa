import type { DataSource } from 'typeorm';
import { hashPassword } from '#libs/auth';
import { businessDate } from '#libs/shared';
import { SeededRandom } from './random.js';
import { demoShape, demoStaff, insertUsers, seedOrg } from './demo/org-and-staff.js';
import { seedCatalog, seedRetailers } from './demo/retailers-catalog.js';

export interface DemoOptions {
  /** Password of every demo user (retailers' self-service accounts included). */
  password: string;
  /** How many retailers the county has (drives the org shape). */
  retailers: number;
  /** PRNG seed: the same seed builds the same data (for the same business day). */
  seed: number;
  /** Digits of a licence number (LICENSE_NO_LENGTH); default 12. */
  licenseNoLength?: number;
  /** GRADE_PERIOD; default quarter. */
  gradePeriod?: 'month' | 'quarter';
  /** The business day the demo is built for; default today in Asia/Shanghai. */
  today?: string;
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
  });
}

/** Seeds only a database that has no org structure yet; returns whether it seeded. */
export async function seedDemoIfEmpty(dataSource: DataSource, options: DemoOptions): Promise<boolean> {
  const [{ empty }] = await dataSource.query('SELECT NOT EXISTS (SELECT 1 FROM org_units) AS empty');
  if (!empty) return false;
  await seedDemo(dataSource, options);
  return true;
}
