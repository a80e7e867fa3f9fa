import { useQuery } from '@tanstack/react-query';
import { businessMonth } from '@/lib/format';
import { quotaOf, retailer } from '@/lib/queries/retailers';
import { currentCycle, cyclesAround, demandsOf } from '@/lib/queries/ordering';

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The retailer's ordering now: its cycle, quota and its demand in this cycle (if any). */
export function useOrderContext(retailerId: number, now: Date) {
  return useQuery({
    queryKey: ['order-context', retailerId],
    queryFn: async () => {
      const [profile, quota, cycles] = await Promise.all([
        retailer(retailerId),
        quotaOf(retailerId, businessMonth(now)),
        cyclesAround(day(now.getTime() - 7 * 86_400_000), day(now.getTime() + 8 * 86_400_000)),
      ]);
      const cycle = currentCycle(cycles, now);
      const demands = cycle ? await demandsOf({ retailerId, cycleId: cycle.id }) : [];
      const live = demands.find((d) => d.status !== 'cancelled');
      const lastClosed = [...cycles]
        .reverse()
        .find((c) => c.status === 'consolidated' || c.status === 'cut_off');
      return { profile, quota, cycle, demand: live, lastClosed };
    },
  });
}
