import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ask, type Schemas } from '@/lib/api';
import { onOutboxChange, outboxEntries } from '@/lib/offline/outbox';

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

/**
 * One step at the door, as sent or queued: the hand-over (with the times the phone recorded: arrival, door
 * code) or a failed stop. The server keeps its own time of each beside the phone's.
 */
export type DoorStep =
  | { deliveryId: number; step: 'complete'; body: Completion }
  | { deliveryId: number; step: 'fail'; reason: string };

/** Sends a step with its Idempotency-Key: a retry of a step already recorded replays its answer. */
export function sendDoorStep(step: DoorStep, key: string): Promise<Schemas['DeliveryResponse']> {
  const params = { path: { id: step.deliveryId }, header: { 'Idempotency-Key': key } };
  return ask(
    step.step === 'complete'
      ? api.POST('/api/deliveries/{id}/complete', { params, body: step.body })
      : api.POST('/api/deliveries/{id}/fail', { params, body: { reason: step.reason } }),
  );
}

/**
 * The stops whose step waits in this phone's outbox (no signal yet); when one is sent, the run is asked
 * again, so its status comes from the server.
 */
export function useQueuedStops(): Set<number> {
  const queryClient = useQueryClient();
  const [queued, setQueued] = useState<Set<number>>(new Set());
  useEffect(() => {
    const load = () =>
      void outboxEntries().then((entries) => {
        const waiting = entries.filter(
          (entry) => entry.kind === 'door-step' && (entry.state === 'queued' || entry.state === 'sending'),
        );
        setQueued(new Set(waiting.map((entry) => (entry.body as DoorStep).deliveryId)));
        void queryClient.invalidateQueries({ queryKey: RUN_KEY });
      });
    load();
    return onOutboxChange(load);
  }, [queryClient]);
  return queued;
}
