import { useQuery } from '@tanstack/react-query';
import { api, ask, type Schemas } from '@/lib/api';

export type DriverRun = Schemas['DriverRunResponse'];
export type Stop = DriverRun['items'][number];

export const RUN_KEY = ['driver-run-today'];

/** The driver's run of today (the server's date): the route's stops in route order. */
export function useDriverRun() {
  return useQuery({
    queryKey: RUN_KEY,
    queryFn: () => ask(api.GET('/api/delivery-runs/today')),
  });
}

/** A stop still waiting for the driver (the retailer may have confirmed receipt on its phone already). */
export function isOpen(stop: Stop): boolean {
  return stop.status === 'planned' || stop.status === 'received';
}

/** The phone's own map app at the address (a `geo:` link: no map service is needed). */
export function mapLink(address: string): string {
  return `geo:0,0?q=${encodeURIComponent(address)}`;
}

export type Completion = Schemas['CompleteDeliveryDto'];

/** Hands the goods over: who received them, the arrival the phone recorded, the retailer's code if given. */
export function completeStop(id: number, body: Completion): Promise<Schemas['DeliveryResponse']> {
  return ask(api.POST('/api/deliveries/{id}/complete', { params: { path: { id } }, body }));
}

/** Nobody to hand the goods to: the stop fails and the goods go back. */
export function failStop(id: number, reason: string): Promise<Schemas['DeliveryResponse']> {
  return ask(api.POST('/api/deliveries/{id}/fail', { params: { path: { id } }, body: { reason } }));
}
