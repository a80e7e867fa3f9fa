import { accept, type Outcome, type Refusal, refuse } from '#libs/kernel';
import type { CasePolicy } from './case-deadline.rule.js';

/**
 * Problems between the three roles 三员互动问题 (account manager, enforcement officer, delivery staff): one of
 * them raises a problem about another role's work at a retailer. The seed's list names the kinds; each kind but
 * `other` is about one role, and nobody raises a problem about its own role.
 */
export const THREE_ROLES = ['account_manager', 'enforcement_officer', 'delivery_staff'] as const;
export type ThreeRole = (typeof THREE_ROLES)[number];

export const THREE_ROLE_LABELS: Readonly<Record<ThreeRole, string>> = {
  account_manager: '客户经理',
  enforcement_officer: '专卖管理员',
  delivery_staff: '送货员',
};

export const PROBLEM_KINDS = [
  'check_not_done',
  'visit_not_done',
  'delivery_late',
  'proxy_receipt',
  'other',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export const PROBLEM_KIND_LABELS: Readonly<Record<ProblemKind, string>> = {
  check_not_done: '专卖检查不到位',
  visit_not_done: '客户经理走访不到位',
  delivery_late: '送货不及时',
  proxy_receipt: '他人代接货',
  other: '其他',
};

/** The role each kind is about; `other` names its role. */
export const PROBLEM_KIND_ROLES: Readonly<Record<Exclude<ProblemKind, 'other'>, ThreeRole>> = {
  check_not_done: 'enforcement_officer',
  visit_not_done: 'account_manager',
  delivery_late: 'delivery_staff',
  proxy_receipt: 'delivery_staff',
};

export type ProblemAboutRefusal =
  | Refusal<'PROBLEM_ABOUT_REQUIRED', { readonly kind: ProblemKind }>
  | Refusal<'PROBLEM_ABOUT_MISMATCH', { readonly kind: ProblemKind; readonly aboutRole: ThreeRole }>
  | Refusal<'PROBLEM_ABOUT_OWN_ROLE', { readonly aboutRole: ThreeRole }>;

/** The role a problem is about: the kind's, or the one named for `other`; never the raiser's own. */
export function problemAbout(
  raiserRole: ThreeRole,
  kind: ProblemKind,
  aboutRole?: ThreeRole,
): Outcome<ThreeRole, ProblemAboutRefusal> {
  const about = kind === 'other' ? aboutRole : PROBLEM_KIND_ROLES[kind];
  if (about === undefined) {
    return refuse('PROBLEM_ABOUT_REQUIRED', 'Name the role an "other" problem is about', { kind });
  }
  if (aboutRole !== undefined && aboutRole !== about) {
    return refuse('PROBLEM_ABOUT_MISMATCH', `A ${kind} problem is about ${about}`, { kind, aboutRole });
  }
  if (about === raiserRole) {
    return refuse('PROBLEM_ABOUT_OWN_ROLE', 'A problem is about another role', { aboutRole: about });
  }
  return accept(about);
}

/** Hours a market manager has to answer, while the department has not set its own. */
export const DEFAULT_PROBLEM_ANSWER_HOURS = 48;

/** The case policy of problems: every kind to the market manager of the retailer's center, in the same hours. */
export function problemPolicy(answerHours: number): CasePolicy<ProblemKind, 'market_manager'> {
  const route = { responsibleRole: 'market_manager', answerHours } as const;
  return Object.fromEntries(PROBLEM_KINDS.map((kind) => [kind, route])) as CasePolicy<
    ProblemKind,
    'market_manager'
  >;
}
