import {
  accept,
  addDays,
  daysBetween,
  lastDayOfMonth,
  type Outcome,
  type Refusal,
  refuse,
} from '#libs/kernel';

/**
 * When field work may be recorded: not in the future (a few minutes of clock skew between a phone and the
 * server are tolerated), and at most `backdateDays` business days back, so that last month's figures stop
 * moving soon after the month ends and visits cannot be invented in bulk to meet a target.
 */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export type RecordingWindowRefusal = Refusal<
  'FIELD_TIME_IN_FUTURE' | 'FIELD_TIME_TOO_OLD',
  { readonly backdateDays: number }
>;

export interface RecordingWindowInput {
  readonly at: Date;
  /** `at` as a business date. */
  readonly atDate: string;
  readonly now: Date;
  /** `now` as a business date. */
  readonly today: string;
  readonly backdateDays: number;
}

/** The instant, accepted, or why it cannot be recorded. */
export function checkRecordingWindow(input: RecordingWindowInput): Outcome<Date, RecordingWindowRefusal> {
  const details = { backdateDays: input.backdateDays };
  if (input.at.getTime() > input.now.getTime() + CLOCK_SKEW_MS) {
    return refuse('FIELD_TIME_IN_FUTURE', 'Field work cannot be recorded in the future', details);
  }
  if (daysBetween(input.atDate, input.today) > input.backdateDays) {
    return refuse(
      'FIELD_TIME_TOO_OLD',
      `Field work is recorded at most ${input.backdateDays} days back`,
      details,
    );
  }
  return accept(input.at);
}

/**
 * The first business date on which nothing of `month` can be recorded any more (its last day plus the
 * days field work may be recorded back, plus one): from then the month's field work is final, and its
 * guidance check sample is frozen.
 */
export function recordingWindowClosesOn(month: string, backdateDays: number): string {
  return addDays(lastDayOfMonth(month), backdateDays + 1);
}
