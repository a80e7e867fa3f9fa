import { CronTime } from 'cron';
import { JOB_SCHEDULE, type JobScheduleEntry, JobScheduler, type ScheduledRun } from '#libs/jobs';
import { wallClock } from '#libs/kernel';
import type { TestApp } from './test-app.js';
import { pinClock } from './test-clock.js';

const ZONE = 'Asia/Shanghai';
const HOUR = 3_600_000;

export interface Firing {
  entry: JobScheduleEntry;
  at: Date;
}

export interface ScheduleOptions {
  /**
   * Business hours (0–23) in which jobs firing more than once a day fire (the first firing of each such hour);
   * jobs firing at most once a day always fire. Every such job catches up on what is due when it runs, so
   * leaving out hours in which nothing falls due changes when its work is done, not what: a test spanning
   * months names the hours at which something falls due (windows opening and cutting off, a grace period's
   * end) instead of paying for every hour. Default: every hour.
   */
  busyHours?: readonly number[];
}

const perDayOf = new Map<string, number>();

/** How often a cron fires in a day (counted up to 25): on a day it fires at all, for the monthly ones. */
function firingsPerDay(cron: CronTime): number {
  const key = cron.source.toString();
  if (!perDayOf.has(key)) {
    const start = new Date('2026-01-25T00:00:00+08:00'); // a 25th, so a monthly job counts once
    let count = 0;
    for (
      let at = cron.getNextDateFrom(new Date(start.getTime() - 1), ZONE).toJSDate();
      at.getTime() < start.getTime() + 24 * HOUR && count <= 24;
      at = cron.getNextDateFrom(at, ZONE).toJSDate()
    )
      count++;
    perDayOf.set(key, count);
  }
  return perDayOf.get(key)!;
}

/**
 * The times `entry` fires in (from, to]: all of them for a job firing at most once a day; for one firing more
 * often, the first of each hour (of each busy hour, with `busyHours`), or all of them when it fires at most
 * hourly and no busy hours are given.
 */
function firingsOf(entry: JobScheduleEntry, from: Date, to: Date, options: ScheduleOptions): Date[] {
  const cron = new CronTime(entry.cron, ZONE);
  const next = (after: Date) => cron.getNextDateFrom(after, ZONE).toJSDate();
  const perDay = firingsPerDay(cron);
  const times: Date[] = [];
  if (perDay <= 1 || (perDay <= 24 && !options.busyHours)) {
    for (let at = next(from); at <= to; at = next(at)) times.push(at);
    return times;
  }
  // Each such job catches up on what is due when it runs: firing once an hour changes when, not what.
  for (let hour = Math.floor(from.getTime() / HOUR) * HOUR; hour <= to.getTime(); hour += HOUR) {
    const businessHour = Number(wallClock(new Date(hour), ZONE).time.slice(0, 2));
    if (options.busyHours && !options.busyHours.includes(businessHour)) continue;
    const at = next(new Date(Math.max(hour - 1, from.getTime())));
    if (at.getTime() < hour + HOUR && at <= to) times.push(at);
  }
  return times;
}

/**
 * The schedule table's firings in (from, to], in production's order: by time, and at the same minute in the
 * table's order. Jobs firing more than 24 times a day are taken once an hour, jobs firing more than once a day
 * only in `options.busyHours` when given (see `firingsOf`).
 */
export function firingsBetween(from: string, to: string, options: ScheduleOptions = {}): Firing[] {
  const start = new Date(from);
  const end = new Date(to);
  return JOB_SCHEDULE.flatMap((entry, order) =>
    firingsOf(entry, start, end, options).map((at) => ({ entry, at, order })),
  )
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order)
    .map(({ entry, at }) => ({ entry, at }));
}

export type FiredRuns = Array<{ job: string; at: Date; runs: ScheduledRun[] }>;

/**
 * Fires, through the scheduler (so every run is recorded as in production), the firings of `pending` due by
 * `to`, taking them off the list, with the app's one clock at each firing's time; the clock is left at `to`.
 * A test spanning months computes its firings once (`firingsBetween`) and fires them day by day.
 */
export async function fireDue(t: Pick<TestApp, 'app'>, pending: Firing[], to: string): Promise<FiredRuns> {
  const scheduler = t.app.get(JobScheduler);
  const end = new Date(to);
  const fired: FiredRuns = [];
  while (pending.length && pending[0].at <= end) {
    const { entry, at } = pending.shift()!;
    pinClock(t, at.toISOString());
    fired.push({ job: entry.name, at, runs: await scheduler.fire(entry, 'schedule') });
  }
  pinClock(t, to);
  return fired;
}

/**
 * Drives the app's one clock from `from` to `to` (business instants), firing every job of the schedule table
 * when production would (see `firingsBetween`). Returns the runs.
 */
export async function runSchedule(
  t: Pick<TestApp, 'app'>,
  from: string,
  to: string,
  options: ScheduleOptions = {},
): Promise<FiredRuns> {
  return fireDue(t, firingsBetween(from, to, options), to);
}
