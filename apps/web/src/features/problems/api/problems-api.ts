import { useQuery } from '@tanstack/react-query';
import { api, ask, idempotencyKey, type Schemas } from '@/lib/api';

export type Problem = Schemas['ProblemResponse'];
export type ProblemKind = Schemas['RaiseProblemDto']['kind'];
export type ThreeRole = NonNullable<Schemas['RaiseProblemDto']['aboutRole']>;

export const PROBLEM_KIND_LABELS: Record<ProblemKind, string> = {
  check_not_done: '专卖检查不到位',
  visit_not_done: '客户经理走访不到位',
  delivery_late: '送货不及时',
  proxy_receipt: '他人代接货',
  other: '其他',
};

/** The role each kind is about (`other` names its own): nobody raises one about its own role. */
export const PROBLEM_KIND_ROLES: Record<Exclude<ProblemKind, 'other'>, ThreeRole> = {
  check_not_done: 'enforcement_officer',
  visit_not_done: 'account_manager',
  delivery_late: 'delivery_staff',
  proxy_receipt: 'delivery_staff',
};

export const THREE_ROLE_LABELS: Record<ThreeRole, string> = {
  account_manager: '客户经理',
  enforcement_officer: '专卖管理员',
  delivery_staff: '送货员',
};

export interface ProblemFilter {
  awaitingAnswer?: boolean;
  retailerId?: number;
}

/** The problems the caller may see (its own; a center's; a department's), newest first. */
export function useProblems(filter: ProblemFilter = {}) {
  return useQuery({
    queryKey: ['problems', filter],
    // Answers and escalations happen elsewhere: ask again on every visit.
    staleTime: 0,
    queryFn: () => ask(api.GET('/api/problems', { params: { query: { pageSize: 200, ...filter } } })),
  });
}

/** How many problems in scope wait for their answer (the desk's header), refreshed every minute. */
export function useAwaitingProblemCount(enabled: boolean) {
  return useQuery({
    // Under ['problems'], so an answer given on the problems page refreshes it too.
    queryKey: ['problems', 'awaiting-count'],
    enabled,
    refetchInterval: 60_000,
    queryFn: async () =>
      (await ask(api.GET('/api/problems', { params: { query: { awaitingAnswer: true, pageSize: 1 } } })))
        .total,
  });
}

export function raiseProblem(body: Schemas['RaiseProblemDto']): Promise<Problem> {
  return ask(
    api.POST('/api/problems', { body, params: { header: { 'Idempotency-Key': idempotencyKey() } } }),
  );
}

export function answerProblem(id: number, answer: string): Promise<Problem> {
  return ask(api.POST('/api/problems/{id}/answer', { params: { path: { id } }, body: { answer } }));
}

export function closeProblem(id: number): Promise<Problem> {
  return ask(api.POST('/api/problems/{id}/close', { params: { path: { id } } }));
}
