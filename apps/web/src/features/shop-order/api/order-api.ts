import { useQuery } from '@tanstack/react-query';
import { businessMonth } from '@/lib/format';
import { quotaOf, retailer } from '@/lib/queries/retailers';
import { currentCycle, cyclesAround, type Demand, demandsOf, type OrderCycle } from '@/lib/queries/ordering';
import { demandOutcome, scarceLimitsOf, tightClasses } from '@/lib/queries/supply';

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The retailer's demand in the last consolidated cycle and what the unified order made of it. */
async function lastOutcome(retailerId: number, cycles: OrderCycle[]) {
  const cycle = [...cycles].reverse().find((c) => c.status === 'consolidated');
  if (!cycle) return undefined;
  const demands: Demand[] = await demandsOf({ retailerId, cycleId: cycle.id });
  const demand = demands.find((d) => d.status !== 'cancelled');
  if (!demand) return undefined;
  return { cycle, demand, outcome: await demandOutcome(demand.id) };
}

/**
 * The retailer's ordering now: its cycle, quota, this week's supply information (scarce limits at its grade,
 * tightly balanced classes), its demand in this cycle (if any) and the outcome of the last unified order.
 */
export function useOrderContext(retailerId: number, now: Date) {
  return useQuery({
    queryKey: ['order-context', retailerId],
    queryFn: async () => {
      const [profile, quota, cycles, tight] = await Promise.all([
        retailer(retailerId),
        quotaOf(retailerId, businessMonth(now)),
        cyclesAround(day(now.getTime() - 7 * 86_400_000), day(now.getTime() + 8 * 86_400_000)),
        tightClasses(),
      ]);
      const cycle = currentCycle(cycles, now);
      const [demands, limits, last] = await Promise.all([
        cycle ? demandsOf({ retailerId, cycleId: cycle.id }) : [],
        cycle ? scarceLimitsOf(retailerId, cycle.orderWeek) : new Map<number, number>(),
        lastOutcome(retailerId, cycles),
      ]);
      const live = demands.find((d) => d.status !== 'cancelled');
      return { profile, quota, cycle, demand: live, limits, tight, last };
    },
  });
}
