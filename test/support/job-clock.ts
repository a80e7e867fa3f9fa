import { CronTime } from 'cron';
import { JOB_SCHEDULE, type JobScheduleEntry, JobScheduler, type ScheduledRun } from '#libs/jobs';
import type { TestApp } from './test-app.js';
import { pinClock } from './test-clock.js';

const ZONE = 'Asia/Shanghai';
const HOUR = 3_600_000;

export interface Firing {
  entry: JobScheduleEntry;
  at: Date;
}

/** The times `entry` fires in (from, to]: all of them, or the first of each hour for a job firing more often. */
function firingsOf(entry: JobScheduleEntry, from: Date, to: Date): Date[] {
  const cron = new CronTime(entry.cron, ZONE);
  const next = (after: Date) => cron.getNextDateFrom(after, ZONE).toJSDate();
  const dayStart = new Date(Math.floor(from.getTime() / HOUR) * HOUR);
  let perDay = 0;
  for (
    let at = next(new Date(dayStart.getTime() - 1));
    at.getTime() < dayStart.getTime() + 24 * HOUR;
    at = next(at)
  )
    if (++perDay > 24) break;
  const times: Date[] = [];
  if (perDay > 24) {
    // Each such job catches up on what is due when it runs: firing once an hour changes when, not what.
    for (let hour = Math.floor(from.getTime() / HOUR) * HOUR; hour <= to.getTime(); hour += HOUR) {
      const at = next(new Date(Math.max(hour - 1, from.getTime())));
      if (at.getTime() < hour + HOUR && at <= to) times.push(at);
    }
  } else {
    for (let at = next(from); at <= to; at = next(at)) times.push(at);
  }
  return times;
}

/**
 * The schedule table's firings in (from, to], in production's order: by time, and at the same minute in the
 * table's order. Jobs firing more than 24 times a day are taken once an hour (see `firingsOf`).
 */
export function firingsBetween(from: string, to: string): Firing[] {
  const start = new Date(from);
  const end = new Date(to);
  return JOB_SCHEDULE.flatMap((entry, order) =>
    firingsOf(entry, start, end).map((at) => ({ entry, at, order })),
  )
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order)
    .map(({ entry, at }) => ({ entry, at }));
}

/**
 * Drives the app's one clock from `from` to `to` (business instants), firing every job of the schedule table
 * when production would, each through the scheduler (so every run is recorded as in production). The clock is
 * left at `to`. Returns the runs.
 */
export async function runSchedule(
  t: Pick<TestApp, 'app'>,
  from: string,
  to: string,
): Promise<Array<{ job: string; at: Date; runs: ScheduledRun[] }>> {
  const scheduler = t.app.get(JobScheduler);
  const fired: Array<{ job: string; at: Date; runs: ScheduledRun[] }> = [];
  for (const { entry, at } of firingsBetween(from, to)) {
    pinClock(t, at.toISOString());
    fired.push({ job: entry.name, at, runs: await scheduler.fire(entry, 'schedule') });
  }
  pinClock(t, to);
  return fired;
}
