import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ask, type Schemas } from '@/lib/api';
import { ApiError } from '@/lib/errors';
import { fileForm } from '@/lib/images';
import { enqueue, onOutboxChange, outboxEntries } from '@/lib/offline/outbox';

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
 * code), a failed stop, or a problem with the goods. The server keeps its own time of each beside the phone's.
 */
export type DoorStep =
  | { deliveryId: number; step: 'complete'; body: Completion }
  | { deliveryId: number; step: 'fail'; reason: string }
  | { deliveryId: number; step: 'feedback'; body: Schemas['RaiseFeedbackDto'] };

/**
 * Sends a step with its Idempotency-Key: a retry of a step already recorded replays its answer. A hand-over
 * the retailer signed for on this phone sends the signature after it, with the key `<key>:file`.
 */
export async function sendDoorStep(step: DoorStep, key: string, signature?: Blob): Promise<void> {
  const params = { path: { id: step.deliveryId }, header: { 'Idempotency-Key': key } };
  if (step.step === 'complete') {
    await ask(api.POST('/api/deliveries/{id}/complete', { params, body: step.body }));
    if (signature)
      await ask(
        api.POST('/api/deliveries/{id}/signature', {
          params: { ...params, header: { 'Idempotency-Key': `${key}:file` } },
          body: fileForm(signature, 'signature.png') as never,
          bodySerializer: (body) => body as unknown as FormData,
        }),
      );
  } else if (step.step === 'fail')
    await ask(api.POST('/api/deliveries/{id}/fail', { params, body: { reason: step.reason } }));
  else await ask(api.POST('/api/deliveries/{id}/feedback', { params, body: step.body }));
}

/**
 * Sends a step now, or, without a signal, keeps it in the outbox with its key and signature (`title`: what the
 * outbox shows).
 */
export async function sendOrQueue(
  step: DoorStep,
  key: string,
  title: string,
  signature?: Blob,
): Promise<'sent' | 'queued'> {
  try {
    await sendDoorStep(step, key, signature);
    return 'sent';
  } catch (failure) {
    if (!(failure instanceof ApiError && failure.offline)) throw failure;
    await enqueue({ key, kind: 'door-step', title, body: step, file: signature });
    return 'queued';
  }
}

/**
 * The stops whose hand-over or failure waits in this phone's outbox (no signal yet); when one is sent, the run is asked
 * again, so its status comes from the server.
 */
export function useQueuedStops(): Set<number> {
  const queryClient = useQueryClient();
  const [queued, setQueued] = useState<Set<number>>(new Set());
  useEffect(() => {
    const load = () =>
      void outboxEntries().then((entries) => {
        const waiting = entries.filter(
          (entry) =>
            entry.kind === 'door-step' &&
            (entry.body as DoorStep).step !== 'feedback' &&
            (entry.state === 'queued' || entry.state === 'sending'),
        );
        setQueued(new Set(waiting.map((entry) => (entry.body as DoorStep).deliveryId)));
        void queryClient.invalidateQueries({ queryKey: RUN_KEY });
      });
    load();
    return onOutboxChange(load);
  }, [queryClient]);
  return queued;
}
