import { describe, expect, it } from '@jest/globals';
import { type LeadImportance } from './lead-classification.table.js';
import { isLeadOverdue, isResultOnTime, leadDeadline, shouldEscalateLead } from './lead-deadline.rule.js';
import { type LeadState } from './lead.lifecycle.js';

// Monday 2024-03-04 15:00 in Shanghai.
const reportedAt = new Date('2024-03-04T07:00:00Z');
const importantDeadline = new Date('2024-03-07T07:00:00Z'); // + 3 days
const normalDeadline = new Date('2024-03-11T07:00:00Z'); // + 7 days
const justAfter = (date: Date) => new Date(date.getTime() + 1);

describe('leadDeadline', () => {
  it.each<[LeadImportance, Date]>([
    ['important', importantDeadline],
    ['normal', normalDeadline],
  ])('%s lead → %s', (importance, deadline) => {
    expect(leadDeadline(reportedAt, importance)).toEqual(deadline);
  });

  it('follows the department policy', () => {
    const policy = { daysByImportance: { important: 1, normal: 5 } };
    expect(leadDeadline(reportedAt, 'important', policy)).toEqual(new Date('2024-03-05T07:00:00Z'));
    expect(leadDeadline(reportedAt, 'normal', policy)).toEqual(new Date('2024-03-09T07:00:00Z'));
  });

  it('refuses a deadline of no days, and an invalid instant', () => {
    expect(() =>
      leadDeadline(reportedAt, 'important', { daysByImportance: { important: 0, normal: 7 } }),
    ).toThrow(RangeError);
    expect(() => leadDeadline(new Date('nonsense'), 'normal')).toThrow(RangeError);
  });
});

describe('isLeadOverdue', () => {
  const open = (importance: LeadImportance) => ({ importance, reportedAt, verification: null });

  it.each<[string, LeadImportance, Date, boolean]>([
    ['at the deadline instant', 'important', importantDeadline, false],
    ['a millisecond later', 'important', justAfter(importantDeadline), true],
    ['a normal lead at the important deadline', 'normal', justAfter(importantDeadline), false],
    ['a normal lead after its own', 'normal', justAfter(normalDeadline), true],
  ])('%s (%s) → %p', (_case, importance, now, overdue) => {
    expect(isLeadOverdue(open(importance), now)).toBe(overdue);
  });

  it('is not overdue any more once a result is recorded, even late', () => {
    const verification = { result: 'confirmed' as const, recordedAt: new Date('2024-03-08T00:00:00Z') };
    expect(
      isLeadOverdue({ importance: 'important', reportedAt, verification }, new Date('2024-03-20T00:00:00Z')),
    ).toBe(false);
  });
});

describe('isResultOnTime', () => {
  it.each([
    [importantDeadline, true], // at the deadline counts
    [justAfter(importantDeadline), false],
    [reportedAt, true],
  ])('a result recorded at %s → %p', (recordedAt, onTime) => {
    const lead = {
      importance: 'important' as const,
      reportedAt,
      verification: { result: 'unfounded' as const, recordedAt },
    };
    expect(isResultOnTime(lead)).toBe(onTime);
  });
});

describe('shouldEscalateLead', () => {
  const late = justAfter(importantDeadline);
  const verification = { result: 'confirmed' as const, recordedAt: new Date('2024-03-05T00:00:00Z') };

  it.each<[string, LeadState, LeadImportance, boolean, Date, boolean]>([
    ['an important lead in verification, late', 'verifying', 'important', false, late, true],
    ['an important lead never assigned, late', 'new', 'important', false, late, true],
    ['an important lead assigned, late', 'assigned', 'important', false, late, true],
    ['an important lead already escalated', 'escalated', 'important', false, late, false],
    ['an important lead not yet late', 'verifying', 'important', false, importantDeadline, false],
    ['a normal lead, late', 'verifying', 'normal', false, justAfter(normalDeadline), false],
    ['an important lead with a result', 'verified', 'important', true, late, false],
    ['a closed lead', 'closed', 'important', true, late, false],
  ])('%s → %p', (_case, state, importance, hasResult, now, escalate) => {
    const lead = { state, importance, reportedAt, verification: hasResult ? verification : null };
    expect(shouldEscalateLead(lead, now)).toBe(escalate);
  });

  it('waits for the date the inspectors set when they sent the lead back', () => {
    // Sent back to verifying with a result expected by 2024-03-10 08:00Z; the original deadline was 03-07.
    const sentBack = {
      state: 'verifying' as const,
      importance: 'important' as const,
      reportedAt,
      verification: null,
      actionDueAt: new Date('2024-03-10T08:00:00Z'),
    };
    expect(shouldEscalateLead(sentBack, late)).toBe(false);
    expect(shouldEscalateLead(sentBack, new Date('2024-03-10T08:00:00Z'))).toBe(false);
    expect(shouldEscalateLead(sentBack, new Date('2024-03-10T08:00:00.001Z'))).toBe(true);
  });
});
