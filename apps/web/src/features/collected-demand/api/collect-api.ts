import { useQuery } from '@tanstack/react-query';
import { api, ask, idempotencyKey } from '@/lib/api';
import { scarceLimitsOf } from '@/lib/queries/supply';
import { fileForm } from '@/lib/images';
import { businessMonth } from '@/lib/format';
import { quotaOf, retailer } from '@/lib/queries/retailers';
import {
  currentCycle,
  cyclesAround,
  type Demand,
  lateCycle,
  type NewDemand,
  type OrderCycle,
  submitDemand,
} from '@/lib/queries/ordering';

/** Everything the phone checks a collected demand against: the cycle, the quota and the scarce limits. */
export function useCollectContext(retailerId: number | undefined, now: Date) {
  return useQuery({
    queryKey: ['collect-context', retailerId],
    enabled: retailerId !== undefined,
    queryFn: async () => {
      const id = retailerId!;
      const [profile, quota, cycles] = await Promise.all([
        retailer(id),
        quotaOf(id, businessMonth(now)),
        cyclesAround(
          new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10),
          new Date(now.getTime() + 8 * 86_400_000).toISOString().slice(0, 10),
        ),
      ]);
      const own = cycles.filter((c) => c.territoryId === profile.territoryId);
      // After the cutoff, until the unified order, collected demand still joins the cycle just cut off.
      const late = lateCycle(own, now);
      const cycle: OrderCycle | undefined = late ?? currentCycle(own, now);
      // The limits at the retailer's grade for the cycle's order week, as the API checks them.
      const limits = cycle ? await scarceLimitsOf(id, cycle.orderWeek) : new Map<number, number>();
      return { profile, quota, cycle, late: late !== undefined, limits };
    },
  });
}

/**
 * The retailer's signature, drawn on this phone, confirms the demand just collected. Sent with an
 * Idempotency-Key, a retry whose first answer was lost is replayed rather than refused as signed twice.
 */
export function signDemand(demandId: number, png: Blob, key: string = idempotencyKey()): Promise<Demand> {
  return ask(
    api.POST('/api/demands/{id}/signature', {
      params: { path: { id: demandId }, header: { 'Idempotency-Key': key } },
      body: fileForm(png, 'signature.png') as never,
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
}

/** What a collected demand is, queued or sent at once: the demand, then the signature that confirms it. */
export async function sendCollected(
  body: NewDemand,
  key: string,
  signature: Blob | undefined,
): Promise<Demand> {
  const demand = await submitDemand(body, key);
  return signature ? signDemand(demand.id, signature, `${key}:file`) : demand;
}
