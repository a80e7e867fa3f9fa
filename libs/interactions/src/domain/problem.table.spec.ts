import { describe, expect, it } from '@jest/globals';
import {
  PROBLEM_KINDS,
  problemAbout,
  problemPolicy,
  type ProblemKind,
  type ThreeRole,
} from './problem.table.js';

describe('problemAbout', () => {
  it.each<[ThreeRole, ProblemKind, ThreeRole | undefined, ThreeRole]>([
    ['account_manager', 'delivery_late', undefined, 'delivery_staff'],
    ['account_manager', 'proxy_receipt', 'delivery_staff', 'delivery_staff'],
    ['account_manager', 'check_not_done', undefined, 'enforcement_officer'],
    ['delivery_staff', 'visit_not_done', undefined, 'account_manager'],
    ['enforcement_officer', 'other', 'account_manager', 'account_manager'],
    ['delivery_staff', 'other', 'enforcement_officer', 'enforcement_officer'],
  ])('%s raising %s (about %p) is about %s', (raiser, kind, named, about) => {
    expect(problemAbout(raiser, kind, named)).toEqual({ ok: true, value: about });
  });

  it('needs the role an "other" problem is about', () => {
    expect(problemAbout('account_manager', 'other')).toMatchObject({
      ok: false,
      code: 'PROBLEM_ABOUT_REQUIRED',
      details: { kind: 'other' },
    });
  });

  it('refuses a role that is not the kind’s', () => {
    expect(problemAbout('account_manager', 'delivery_late', 'enforcement_officer')).toMatchObject({
      ok: false,
      code: 'PROBLEM_ABOUT_MISMATCH',
      details: { kind: 'delivery_late', aboutRole: 'enforcement_officer' },
    });
  });

  it.each<[ThreeRole, ProblemKind, ThreeRole | undefined]>([
    ['account_manager', 'visit_not_done', undefined],
    ['delivery_staff', 'delivery_late', undefined],
    ['delivery_staff', 'proxy_receipt', undefined],
    ['enforcement_officer', 'check_not_done', undefined],
    ['enforcement_officer', 'other', 'enforcement_officer'],
  ])('refuses %s raising %s about its own role', (raiser, kind, named) => {
    expect(problemAbout(raiser, kind, named)).toMatchObject({ ok: false, code: 'PROBLEM_ABOUT_OWN_ROLE' });
  });
});

describe('problemPolicy', () => {
  it('routes every kind to the market manager, in the department’s hours', () => {
    const policy = problemPolicy(24);
    expect(Object.keys(policy)).toEqual([...PROBLEM_KINDS]);
    for (const kind of PROBLEM_KINDS) {
      expect(policy[kind]).toEqual({ responsibleRole: 'market_manager', answerHours: 24 });
    }
  });
});
