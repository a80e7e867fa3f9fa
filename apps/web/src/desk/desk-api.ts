import { useQuery } from '@tanstack/react-query';
import { api, ask } from '@/lib/api';
import type { components } from '@/api/client';

export type InboxPage = components['schemas']['ApprovalInboxPage'];
export type InboxItem = components['schemas']['ApprovalInboxItem'];
export type DecisionResults = components['schemas']['DemandDecisionsResponse'];

/** The approval inbox, a page at a time (oldest first). */
export function useApprovalInbox(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['approval-inbox', page, pageSize],
    queryFn: () =>
      ask<InboxPage>(api.GET('/api/demands/approval-inbox', { params: { query: { page, pageSize } } })),
  });
}

/** How many collected demands await the market manager's approval (the header's count, refreshed each minute). */
export function usePendingApprovalCount(enabled: boolean) {
  return useQuery({
    queryKey: ['approval-inbox', 'count'],
    enabled,
    refetchInterval: 60_000,
    queryFn: async () =>
      (
        await ask<InboxPage>(
          api.GET('/api/demands/approval-inbox', { params: { query: { page: 1, pageSize: 1 } } }),
        )
      ).total,
  });
}

export function approveMany(demandIds: number[], comment?: string): Promise<DecisionResults> {
  return ask<DecisionResults>(api.POST('/api/demands/approvals', { body: { demandIds, comment } }));
}

export function rejectMany(demandIds: number[], reason: string): Promise<DecisionResults> {
  return ask<DecisionResults>(api.POST('/api/demands/rejections', { body: { demandIds, reason } }));
}

export function approveOne(id: number): Promise<unknown> {
  return ask(api.POST('/api/demands/{id}/approve', { params: { path: { id } }, body: {} }));
}

export function rejectOne(id: number, reason: string): Promise<unknown> {
  return ask(api.POST('/api/demands/{id}/reject', { params: { path: { id } }, body: { reason } }));
}
