import { accept, type Outcome, type Refusal, refuse } from '#libs/kernel';
import { caseStatesAllowing, type CaseState } from './case.lifecycle.js';

/**
 * Where a case of one kind goes and by when it is answered: the responsible role (within the case's place: a
 * problem's market manager is the one of the retailer's center) and the hours it has to answer. A context's
 * policy gives one route per kind (problems: every kind to the market manager, in the department's hours;
 * complaints: per category). A case keeps the deadline it was raised with: a policy change applies to new ones.
 */
export interface CaseRoute<R extends string> {
  readonly responsibleRole: R;
  readonly answerHours: number;
}

export type CasePolicy<K extends string, R extends string> = Readonly<Record<K, CaseRoute<R>>>;

/** Bounds of an answer time: whole hours, at most 30 days. */
export const CASE_ANSWER_HOURS_MAX = 720;

const MS_PER_HOUR = 3_600_000;

/** The instant the answer is due: `answerHours` 1-hour periods after the case was raised. */
export function caseDeadline(raisedAt: Date, route: CaseRoute<string>): Date {
  if (!wholeHours(route.answerHours)) {
    throw new RangeError(`answer hours must be whole hours from 1 to ${CASE_ANSWER_HOURS_MAX}`);
  }
  return new Date(instant('raisedAt', raisedAt) + route.answerHours * MS_PER_HOUR);
}

export interface CaseTiming {
  readonly state: CaseState;
  readonly deadlineAt: Date;
}

/**
 * Waiting for its answer past the deadline, at `now` (an answer at the deadline instant is on time). The
 * escalation job takes the overdue cases of the states `caseStatesAllowing('escalate')` names, in one statement.
 */
export function isCaseOverdue(timing: CaseTiming, now: Date): boolean {
  return (
    caseStatesAllowing('answer').includes(timing.state) &&
    instant('now', now) > instant('deadlineAt', timing.deadlineAt)
  );
}

/** Whether an answer came by the deadline. */
export function answeredOnTime(deadlineAt: Date, answeredAt: Date): boolean {
  return instant('answeredAt', answeredAt) <= instant('deadlineAt', deadlineAt);
}

/** A department's answer time, checked: whole hours from 1 to 720; the refusal carries the context's code. */
export function checkAnswerHours<C extends string>(
  code: C,
  answerHours: number,
): Outcome<number, Refusal<C, { readonly answerHours: number }>> {
  return wholeHours(answerHours)
    ? accept(answerHours)
    : refuse(code, `Answer times are whole hours from 1 to ${CASE_ANSWER_HOURS_MAX}`, { answerHours });
}

function wholeHours(hours: number): boolean {
  return Number.isSafeInteger(hours) && hours >= 1 && hours <= CASE_ANSWER_HOURS_MAX;
}

function instant(name: string, date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not a valid instant`);
  return ms;
}
