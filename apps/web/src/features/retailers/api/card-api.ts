import { useQuery } from '@tanstack/react-query';
import { api, ask, type Schemas } from '@/lib/api';
import { businessMonth } from '@/lib/format';
import { quotaOf, retailer } from '@/lib/queries/retailers';
import { demandsOf } from '@/lib/queries/ordering';
import { allBrands } from '@/lib/queries/brands';

export type Visit = Schemas['VisitSummaryResponse'];

export function useRetailerCard(id: number, now: Date) {
  return useQuery({
    queryKey: ['retailer-card', id],
    queryFn: async () => {
      const [profile, quota] = await Promise.all([retailer(id), quotaOf(id, businessMonth(now))]);
      return { profile, quota };
    },
    retry: false,
  });
}

/** The retailer's last 12 order weeks (its demands that reached the unified order), by week and spec. */
export function useOrderWeeks(id: number) {
  return useQuery({
    queryKey: ['retailer-weeks', id],
    queryFn: async () => {
      const [demands, brands] = await Promise.all([demandsOf({ retailerId: id }), allBrands()]);
      const ordered = demands
        .filter((d) => d.status === 'ordered' || d.status === 'approved' || d.status === 'submitted')
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .slice(-12);
      return { ordered, brands: new Map(brands.map((b) => [b.id, b])) };
    },
  });
}

export function useRetailerVisits(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['retailer-visits', id],
    enabled,
    queryFn: () => ask(api.GET('/api/visits', { params: { query: { retailerId: id, pageSize: 10 } } })),
  });
}
