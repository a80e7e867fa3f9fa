import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Clock } from '#libs/shared';
import { wallClock } from '#libs/kernel';

/**
 * The business day every e2e file runs on unless it tests time itself: a mid-month Wednesday in the
 * business zone (Asia/Shanghai), so no test depends on the day it runs.
 */
export const TEST_TODAY = '2026-11-18';
/** Its afternoon: that week's order windows are open, the morning's field work lies in the past. */
export const TEST_NOW = `${TEST_TODAY}T15:00:00+08:00`;

/** A business instant in the business zone, `minutes` before (negative: after) `instant`. */
export function minutesBefore(instant: string, minutes: number): string {
  const { date, time } = wallClock(new Date(new Date(instant).getTime() - minutes * 60_000), 'Asia/Shanghai');
  return `${date}T${time}+08:00`;
}

/** Stands the API's one clock at an instant (the database's own clock is not involved). */
export function pinClock(t: { app: INestApplication }, instant: string): void {
  jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(instant));
}
