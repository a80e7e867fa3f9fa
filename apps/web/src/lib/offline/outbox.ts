import { createStore, del, entries, set } from 'idb-keyval';
import { ApiError } from '@/lib/errors';

/**
 * Submissions made without a connection wait here (IndexedDB, so a reload or a dead battery keeps them) and
 * are sent when the connection returns, each with the Idempotency-Key it was given when the user pressed
 * "send": however often a send is retried, the API makes one record.
 */
export type OutboxState = 'queued' | 'sending' | 'sent' | 'refused';

export interface OutboxEntry {
  /** The submission's Idempotency-Key. */
  key: string;
  kind: 'collected-demand' | 'door-step';
  /** What the user sees in the outbox ("代收需求 · 马记报刊亭 · 12 条"). */
  title: string;
  body: unknown;
  /**
   * A file sent after the body (the retailer's signature on a collected demand or a hand-over), with the Idempotency-Key
   * `<key>:file`; dropped from the phone once sent.
   */
  file?: Blob;
  createdAt: string;
  state: OutboxState;
  /** A refusal's Chinese sentence and what to do about it. */
  reason?: string;
}

type Sender = (entry: OutboxEntry) => Promise<void>;

const store = createStore('console-outbox', 'entries');
const senders = new Map<OutboxEntry['kind'], Sender>();
const listeners = new Set<() => void>();
let flushing: Promise<void> | null = null;

function changed(): void {
  for (const listener of listeners) listener();
}

export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Each kind of submission registers how it is sent. */
export function registerSender(kind: OutboxEntry['kind'], sender: Sender): void {
  senders.set(kind, sender);
}

export async function outboxEntries(): Promise<OutboxEntry[]> {
  const all = (await entries<string, OutboxEntry>(store)).map(([, entry]) => entry);
  return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function enqueue(entry: Omit<OutboxEntry, 'state' | 'createdAt'>): Promise<void> {
  await set(entry.key, { ...entry, state: 'queued', createdAt: new Date().toISOString() }, store);
  changed();
}

export async function removeEntry(key: string): Promise<void> {
  await del(key, store);
  changed();
}

/** What to do about a refusal, after the catalogue's sentence. */
function advice(error: ApiError): string {
  if (error.code === 'CYCLE_CLOSED') return '该订货周期已结束，请在下一个订货周期重新代收。';
  if (error.code === 'DEMAND_ALREADY_EXISTS') return '零售户本周期已有需求，无需重复提交。';
  if (error.code === 'CONFIRMATION_CODE_INVALID') return '请让零售户生成新的确认码后重新提交。';
  if (error.code === 'DELIVERY_TRANSITION_FORBIDDEN') return '该站点已有结果，请在送货页核对。';
  return '请核对后重新填写。';
}

async function sendAll(): Promise<void> {
  for (const entry of await outboxEntries()) {
    if (entry.state !== 'queued' && entry.state !== 'sending') continue;
    const sender = senders.get(entry.kind);
    if (!sender) continue;
    await set(entry.key, { ...entry, state: 'sending' }, store);
    changed();
    try {
      await sender(entry);
      await set(entry.key, { ...entry, file: undefined, state: 'sent' }, store);
    } catch (error) {
      if (error instanceof ApiError && !error.offline && error.code !== 'IDEMPOTENCY_KEY_IN_FLIGHT') {
        await set(
          entry.key,
          { ...entry, state: 'refused', reason: `${error.sentence()}${advice(error)}` },
          store,
        );
      } else {
        // Still no connection (or the first attempt is still being answered): try again later, same key.
        await set(entry.key, { ...entry, state: 'queued' }, store);
        changed();
        return;
      }
    }
    changed();
  }
}

/** Sends what is waiting; one run at a time in this page. */
export function flushOutbox(): Promise<void> {
  if (!flushing) flushing = sendAll().finally(() => (flushing = null));
  return flushing;
}

/** Sends the outbox when the connection returns, at start, and every minute while something waits. */
export function startOutbox(): void {
  window.addEventListener('online', () => void flushOutbox());
  window.setInterval(() => {
    if (navigator.onLine) void flushOutbox();
  }, 60_000);
  void flushOutbox();
}
