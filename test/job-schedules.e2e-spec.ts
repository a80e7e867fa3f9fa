import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ModulesContainer } from '@nestjs/core';
import { startTestApp, type TestApp } from './support/test-app.js';

/** @nestjs/schedule's metadata key for `@Cron(expression, options)` (not exported by the package). */
const CRON_OPTIONS = 'SCHEDULE_CRON_OPTIONS';

interface ScheduledMethod {
  job: string;
  options: { cronTime: unknown; timeZone?: string; utcOffset?: number };
}

/** Every `@Cron` method of every provider the application holds. */
function scheduledMethods(t: TestApp): ScheduledMethod[] {
  const found: ScheduledMethod[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const prototype = wrapper.metatype?.prototype as Record<string, unknown> | undefined;
      if (!prototype) continue;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const method = Object.getOwnPropertyDescriptor(prototype, name)?.value;
        const options = typeof method === 'function' ? Reflect.getMetadata(CRON_OPTIONS, method) : undefined;
        if (options) found.push({ job: `${wrapper.name as string}.${name}`, options });
      }
    }
  }
  return found;
}

describe('job schedules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('name no time zone of their own: they fire on the process zone, which main.ts sets to TZ', () => {
    const jobs = scheduledMethods(t);
    // The nightly and monthly jobs of ordering, quotas, leads, deliveries, KPIs, month close, retailers, idempotency.
    expect(jobs.length).toBeGreaterThanOrEqual(10);
    expect(jobs.filter((j) => j.options.timeZone !== undefined || j.options.utcOffset !== undefined)).toEqual(
      [],
    );
  });
});
