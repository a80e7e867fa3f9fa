import { useQuery } from '@tanstack/react-query';
import { api, ask, type Schemas } from '@/lib/api';

export type Rationing = Schemas['RationingResponse'];
export type RationedRetailer = Rationing['retailers'][number];
export type OrderCycle = Schemas['OrderCycleResponse'];
export type Consolidation = Schemas['ConsolidationResponse'];

export function useSupplyOrders(date: string) {
  return useQuery({
    queryKey: ['supply-orders', date],
    queryFn: () => ask(api.GET('/api/supply-orders', { params: { query: { date } } })),
  });
}

export function useRationing(date: string) {
  return useQuery({
    queryKey: ['rationing', date],
    queryFn: () => ask(api.GET('/api/supply-orders/rationing', { params: { query: { date } } })),
  });
}

/** Spec names by id (the catalogue holds some eighty). */
export function useBrandNames() {
  return useQuery({
    queryKey: ['brand-names'],
    staleTime: 30 * 60_000,
    queryFn: async () => {
      const page = await ask(api.GET('/api/brands', { params: { query: { page: 1, pageSize: 200 } } }));
      return new Map(page.items.map((brand) => [brand.id, `${brand.name}（${brand.code}）`]));
    },
  });
}

/** Cycles past their cutoff whose unified order is not made yet. */
export function useCyclesAwaitingConsolidation() {
  return useQuery({
    queryKey: ['order-cycles', 'cut_off'],
    refetchInterval: 60_000,
    queryFn: async () =>
      (await ask(api.GET('/api/order-cycles', { params: { query: { status: 'cut_off', pageSize: 200 } } })))
        .items,
  });
}

export function consolidate(cycleId: number): Promise<Consolidation> {
  return ask(api.POST('/api/order-cycles/{id}/consolidate', { params: { path: { id: cycleId } } }));
}
