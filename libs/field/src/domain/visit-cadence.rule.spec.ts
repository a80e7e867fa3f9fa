import { describe, expect, it } from '@jest/globals';
import { type VisitCadenceStatus, visitCadenceStatus } from './visit-cadence.rule.js';

describe('visitCadenceStatus with the default cadence (big accounts 7 days, others 14)', () => {
  it.each<[string, string, boolean, VisitCadenceStatus]>([
    // A big account last visited on Monday 2024-03-04 is due by the next Monday.
    [
      '2024-03-04',
      '2024-03-04',
      true,
      { status: 'onSchedule', overdue: false, dueOn: '2024-03-11', daysLeft: 7 },
    ],
    [
      '2024-03-04',
      '2024-03-11',
      true,
      { status: 'onSchedule', overdue: false, dueOn: '2024-03-11', daysLeft: 0 },
    ],
    [
      '2024-03-04',
      '2024-03-12',
      true,
      { status: 'overdue', overdue: true, dueOn: '2024-03-11', daysOverdue: 1 },
    ],
    // The same retailer as a regular account has two weeks.
    [
      '2024-03-04',
      '2024-03-12',
      false,
      { status: 'onSchedule', overdue: false, dueOn: '2024-03-18', daysLeft: 6 },
    ],
    [
      '2024-03-04',
      '2024-03-18',
      false,
      { status: 'onSchedule', overdue: false, dueOn: '2024-03-18', daysLeft: 0 },
    ],
    [
      '2024-03-04',
      '2024-03-25',
      false,
      { status: 'overdue', overdue: true, dueOn: '2024-03-18', daysOverdue: 7 },
    ],
    // 2024-02-20 + 14 days crosses 29 February: due 2024-03-05.
    [
      '2024-02-20',
      '2024-03-10',
      false,
      { status: 'overdue', overdue: true, dueOn: '2024-03-05', daysOverdue: 5 },
    ],
    // Across the year end: 2023-12-28 + 7 = 2024-01-04.
    [
      '2023-12-28',
      '2024-01-10',
      true,
      { status: 'overdue', overdue: true, dueOn: '2024-01-04', daysOverdue: 6 },
    ],
  ])('last visit %s, today %s, big account %p', (lastVisitOn, today, isBigAccount, status) => {
    expect(visitCadenceStatus({ lastVisitOn, today, isBigAccount })).toEqual(status);
  });

  it('counts a retailer never visited as overdue', () => {
    expect(visitCadenceStatus({ lastVisitOn: null, today: '2024-03-04', isBigAccount: false })).toEqual({
      status: 'neverVisited',
      overdue: true,
    });
  });

  it('follows a department cadence', () => {
    const policy = { maxDaysBetweenVisits: { bigAccount: 3, regular: 10 } };
    expect(
      visitCadenceStatus({ lastVisitOn: '2024-03-01', today: '2024-03-05', isBigAccount: true }, policy),
    ).toEqual({
      status: 'overdue',
      overdue: true,
      dueOn: '2024-03-04',
      daysOverdue: 1,
    });
  });

  it.each([
    ['2024-03-05', '2024-03-04'], // a visit after today
    ['2024-02-30', '2024-03-04'],
    ['2024-03-01', '4 March'],
  ])('refuses last visit %p with today %p', (lastVisitOn, today) => {
    expect(() => visitCadenceStatus({ lastVisitOn, today, isBigAccount: false })).toThrow(RangeError);
  });
});
