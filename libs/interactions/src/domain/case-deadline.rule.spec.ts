import { describe, expect, it } from '@jest/globals';
import { answeredOnTime, caseDeadline, checkAnswerHours, isCaseOverdue } from './case-deadline.rule.js';
import type { CaseState } from './case.lifecycle.js';

const route = (answerHours: number) => ({ responsibleRole: 'market_manager', answerHours });
const raisedAt = new Date('2026-12-07T02:00:00Z'); // Monday 10:00 in Asia/Shanghai
const deadlineAt = new Date('2026-12-09T02:00:00Z'); // + 48 hours

describe('caseDeadline', () => {
  it('adds the route’s whole hours to the instant raised', () => {
    expect(caseDeadline(raisedAt, route(48))).toEqual(deadlineAt);
    expect(caseDeadline(raisedAt, route(1))).toEqual(new Date('2026-12-07T03:00:00Z'));
    expect(caseDeadline(raisedAt, route(720))).toEqual(new Date('2027-01-06T02:00:00Z'));
  });

  it.each([0, -1, 1.5, 721, Number.NaN])('refuses %p hours', (hours) => {
    expect(() => caseDeadline(raisedAt, route(hours))).toThrow(RangeError);
  });

  it('refuses an invalid instant', () => {
    expect(() => caseDeadline(new Date('nope'), route(48))).toThrow(RangeError);
  });
});

describe('isCaseOverdue', () => {
  const justAfter = new Date('2026-12-09T02:00:00.001Z');

  it.each<[CaseState, Date, boolean]>([
    ['open', deadlineAt, false], // at the deadline instant: still on time
    ['open', justAfter, true],
    ['escalated', justAfter, true], // still waiting for its answer
    ['answered', justAfter, false],
    ['closed', justAfter, false],
    ['open', raisedAt, false],
  ])('%s at %s: overdue %p', (state, now, overdue) => {
    expect(isCaseOverdue({ state, deadlineAt }, now)).toBe(overdue);
  });

  it('counts an answer at the deadline instant as on time, one millisecond later as late', () => {
    expect(answeredOnTime(deadlineAt, deadlineAt)).toBe(true);
    expect(answeredOnTime(deadlineAt, justAfter)).toBe(false);
  });
});

describe('checkAnswerHours', () => {
  it.each([1, 48, 720])('accepts %p', (hours) => {
    expect(checkAnswerHours('X_POLICY_INVALID', hours)).toEqual({ ok: true, value: hours });
  });

  it.each([0, 721, 2.5, -3])('refuses %p with the context’s code', (hours) => {
    expect(checkAnswerHours('X_POLICY_INVALID', hours)).toMatchObject({
      ok: false,
      code: 'X_POLICY_INVALID',
      details: { answerHours: hours },
    });
  });
});
