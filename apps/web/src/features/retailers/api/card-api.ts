import { useQuery } from '@tanstack/react-query';
import { api, ask, type Schemas } from '@/lib/api';
import { businessMonth } from '@/lib/format';
import { quotaOf, retailer } from '@/lib/queries/retailers';
import { currentCycle, cyclesAround, orderWeeksOf } from '@/lib/queries/ordering';
import { scarceLimitsOf, tightClasses } from '@/lib/queries/supply';
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

/** The retailer's last 12 order weeks (its territory's consolidated cycles): asked and ordered per spec. */
export function useOrderWeeks(id: number) {
  return useQuery({
    queryKey: ['retailer-weeks', id],
    queryFn: async () => {
      const [weeks, brands] = await Promise.all([orderWeeksOf(id), allBrands()]);
      return { weeks, brands: new Map(brands.map((b) => [b.id, b])) };
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

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/** This week's supply information for the retailer: its territory's cycle, the limits at its grade. */
export function useSupplyWeek(id: number, territoryId: number | undefined, now: Date) {
  return useQuery({
    queryKey: ['supply-week', id],
    enabled: territoryId !== undefined,
    queryFn: async () => {
      const [cycles, tight] = await Promise.all([
        cyclesAround(day(now.getTime() - 86_400_000), day(now.getTime() + 8 * 86_400_000)),
        tightClasses(),
      ]);
      const cycle = currentCycle(
        cycles.filter((c) => c.territoryId === territoryId),
        now,
      );
      const limits = cycle ? await scarceLimitsOf(id, cycle.orderWeek) : new Map<number, number>();
      return { cycle, limits, tight };
    },
  });
}
