import type { DataSource } from 'typeorm';
import { hashPassword } from '#libs/auth';
import { dateIn } from '#libs/shared';
import { SeededRandom } from './random.js';
import { demoShape, demoStaff, insertUsers, seedOrg } from './demo/org-and-staff.js';
import { seedOrderingHistory } from './demo/ordering.js';
import { seedThreeRoles } from './demo/three-roles.js';

export interface DemoOptions {
  /** Password of every demo user. */
  password: string;
  /** How many retailers the county has (drives the org shape). */
  retailers: number;
  /** PRNG seed: the same seed builds the same data. */
  seed: number;
  /** The business date the demo is loaded on (history ends the day before); default today in Asia/Shanghai. */
  today?: string;
  /** Weeks of order history. */
  weeks?: number;
}

export const DEFAULT_DEMO_RETAILERS = 2000;

/** Loads the demo county in one transaction (all or nothing). */
export async function seedDemo(dataSource: DataSource, options: DemoOptions): Promise<void> {
  const random = new SeededRandom(options.seed);
  // One hash for every demo user: they share the documented demo password.
  const passwordHash = await hashPassword(options.password);
  await dataSource.transaction(async (manager) => {
    const org = await seedOrg(manager, demoShape(options.retailers));
    await insertUsers(manager, demoStaff(org, random), passwordHash);
    await seedOrderingHistory(manager, {
      weeks: options.weeks ?? 12,
      today: options.today ?? dateIn('Asia/Shanghai', new Date()),
      seed: options.seed,
    });
    await seedThreeRoles(manager, {
      weeks: 13,
      today: options.today ?? dateIn('Asia/Shanghai', new Date()),
      seed: options.seed,
    });
  });
}

/** Seeds only a database that has no org structure yet; returns whether it seeded. */
export async function seedDemoIfEmpty(dataSource: DataSource, options: DemoOptions): Promise<boolean> {
  const [{ empty }] = await dataSource.query('SELECT NOT EXISTS (SELECT 1 FROM org_units) AS empty');
  if (!empty) return false;
  await seedDemo(dataSource, options);
  return true;
}
