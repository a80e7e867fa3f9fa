import { useQuery } from '@tanstack/react-query';
import { api, ask } from '@/lib/api';
import { saveDownload } from '@/lib/download';
import type { components } from '@/api/client';

export type InboxPage = components['schemas']['ApprovalInboxPage'];
export type InboxItem = components['schemas']['ApprovalInboxItem'];
export type DecisionResults = components['schemas']['DemandDecisionsResponse'];

/** The approval inbox, a page at a time (oldest first). */
export function useApprovalInbox(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['approval-inbox', page, pageSize],
    queryFn: () => ask(api.GET('/api/demands/approval-inbox', { params: { query: { page, pageSize } } })),
  });
}

/** How many collected demands await the market manager's approval (the header's count, refreshed each minute). */
export function usePendingApprovalCount(enabled: boolean) {
  return useQuery({
    queryKey: ['approval-inbox', 'count'],
    enabled,
    refetchInterval: 60_000,
    queryFn: async () =>
      (await ask(api.GET('/api/demands/approval-inbox', { params: { query: { page: 1, pageSize: 1 } } })))
        .total,
  });
}

export function approveMany(demandIds: number[], comment?: string): Promise<DecisionResults> {
  return ask(api.POST('/api/demands/approvals', { body: { demandIds, comment } }));
}

export function rejectMany(demandIds: number[], reason: string): Promise<DecisionResults> {
  return ask(api.POST('/api/demands/rejections', { body: { demandIds, reason } }));
}

export function approveOne(id: number): Promise<unknown> {
  return ask(api.POST('/api/demands/{id}/approve', { params: { path: { id } }, body: {} }));
}

export function rejectOne(id: number, reason: string): Promise<unknown> {
  return ask(api.POST('/api/demands/{id}/reject', { params: { path: { id } }, body: { reason } }));
}

export type CycleBoard = components['schemas']['CycleBoard'];
export type BoardRow = components['schemas']['CycleBoardRow'];
export type WaitingRetailer = components['schemas']['WaitingRetailer'];

/** The week's cycles of the caller's territories (any day of the week), refreshed each minute. */
export function useCycleBoard(date: string) {
  return useQuery({
    queryKey: ['cycle-board', date],
    refetchInterval: 60_000,
    queryFn: () => ask(api.GET('/api/order-cycles/board', { params: { query: { date } } })),
  });
}

export function useWaitingRetailers(cycleId: number) {
  return useQuery({
    queryKey: ['cycle-waiting', cycleId],
    queryFn: () =>
      ask(api.GET('/api/order-cycles/{id}/waiting-retailers', { params: { path: { id: cycleId } } })),
  });
}

export type TerritoryQuotas = components['schemas']['TerritoryQuotas'];
export type QuotaRow = components['schemas']['TerritoryQuotaRow'];
export type Rebalance = components['schemas']['RebalanceDto'];

/** The territories in the caller's scope. */
export function useTerritories() {
  return useQuery({
    queryKey: ['territories'],
    staleTime: 10 * 60_000,
    queryFn: () => ask(api.GET('/api/org-units/territories')),
  });
}

export function useTerritoryQuotas(territoryId: number | undefined, month: string) {
  return useQuery({
    queryKey: ['territory-quotas', territoryId, month],
    enabled: territoryId !== undefined,
    queryFn: () => ask(api.GET('/api/quotas', { params: { query: { territoryId: territoryId!, month } } })),
  });
}

export function rebalance(body: Rebalance): Promise<unknown> {
  return ask(api.POST('/api/quotas/rebalance', { body }));
}

/**
 * Downloads a month's KPI workbook under the name the API gives it: a market manager's is its center's, a
 * closed month's is the stored one.
 */
export function downloadKpiWorkbook(month: string): Promise<void> {
  return saveDownload(
    (fetch) => api.GET('/api/reports/kpi', { params: { query: { month } }, parseAs: 'blob', fetch }),
    `kpi-${month}.xlsx`,
  );
}
