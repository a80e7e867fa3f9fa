import { daysBetween } from '#libs/kernel';

/**
 * When field work may be recorded: not in the future (a few minutes of clock skew between a phone and the
 * server are tolerated), and at most `backdateDays` business days back, so that last month's figures stop
 * moving soon after the month ends and visits cannot be invented in bulk to meet a target.
 */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export type RecordingWindowProblem = 'FIELD_TIME_IN_FUTURE' | 'FIELD_TIME_TOO_OLD';

export interface RecordingWindowInput {
  readonly at: Date;
  /** `at` as a business date. */
  readonly atDate: string;
  readonly now: Date;
  /** `now` as a business date. */
  readonly today: string;
  readonly backdateDays: number;
}

export function recordingWindowProblem(input: RecordingWindowInput): RecordingWindowProblem | null {
  if (input.at.getTime() > input.now.getTime() + CLOCK_SKEW_MS) return 'FIELD_TIME_IN_FUTURE';
  if (daysBetween(input.atDate, input.today) > input.backdateDays) return 'FIELD_TIME_TOO_OLD';
  return null;
}
