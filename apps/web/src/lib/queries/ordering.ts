import { api, ask, idempotencyKey, type Schemas } from '@/lib/api';

export type OrderCycle = Schemas['OrderCycleResponse'];

export type DemandLine = Schemas['DemandLineResponse'];

export type DemandStatus = Demand['status'];

export type Demand = Schemas['DemandResponse'];

export const DEMAND_STATUS_LABELS: Record<string, string> = {
  submitted: '已提交',
  pending_confirmation: '待零售户确认',
  pending_approval: '待市场经理审批',
  approved: '已审批',
  rejected: '已驳回',
  cancelled: '已撤回',
  expired: '已过期',
  ordered: '已订购',
};

/** The territory's cycles around a date (the current one and the next ones). */
export async function cyclesAround(from: string, to: string): Promise<OrderCycle[]> {
  const page = await ask(api.GET('/api/order-cycles', { params: { query: { from, to, pageSize: 20 } } }));
  return [...page.items].sort((a, b) => a.orderDate.localeCompare(b.orderDate));
}

/** Where a cycle stands at `now`: its window decides (the stored status catches up when the jobs run). */
export function cycleState(cycle: OrderCycle, now: Date): 'open' | 'upcoming' | 'closed' {
  if (cycle.status !== 'scheduled' && cycle.status !== 'open') return 'closed';
  if (now < new Date(cycle.opensAt)) return 'upcoming';
  return now < new Date(cycle.cutoffAt) ? 'open' : 'closed';
}

/**
 * The cycle just cut off and not yet consolidated, when none is open: collected demand for a retailer who
 * missed its window may still join its unified order (rule 6).
 */
export function lateCycle(cycles: OrderCycle[], now: Date): OrderCycle | undefined {
  if (cycles.some((cycle) => cycleState(cycle, now) === 'open')) return undefined;
  return cycles
    .filter(
      (cycle) => (cycle.status === 'open' || cycle.status === 'cut_off') && new Date(cycle.cutoffAt) <= now,
    )
    .sort((a, b) => b.cutoffAt.localeCompare(a.cutoffAt))[0];
}

/** The cycle that matters now: the open one, else the next to open. */
export function currentCycle(cycles: OrderCycle[], now: Date): OrderCycle | undefined {
  return (
    cycles.find((cycle) => cycleState(cycle, now) === 'open') ??
    cycles.find((cycle) => cycleState(cycle, now) === 'upcoming')
  );
}

export async function demandsOf(query: {
  cycleId?: number;
  retailerId?: number;
  channel?: 'self' | 'collected';
  status?: DemandStatus;
}): Promise<Demand[]> {
  const items: Demand[] = [];
  for (let page = 1; ; page++) {
    const answer = await ask(
      api.GET('/api/demands', { params: { query: { ...query, page, pageSize: 200 } } }),
    );
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) return items;
  }
}

/** The retailers with a no-demand record 无需求 in a cycle (a territory holds a few hundred: pages of 200). */
export async function noDemandOf(cycleId: number): Promise<Set<number>> {
  const ids = new Set<number>();
  for (let page = 1; ; page++) {
    const answer = await ask(
      api.GET('/api/no-demand', { params: { query: { cycleId, page, pageSize: 200 } } }),
    );
    answer.items.forEach((item) => ids.add(item.retailerId));
    if (ids.size >= answer.total || answer.items.length === 0) return ids;
  }
}

/** 无需求: the retailer needs nothing in its open cycle (it may still order until the cutoff). */
export function recordNoDemand(retailerId: number) {
  return ask(api.POST('/api/no-demand', { body: { retailerId } }));
}

export function demand(id: number): Promise<Demand> {
  return ask(api.GET('/api/demands/{id}', { params: { path: { id } } }));
}

export interface NewDemand {
  retailerId: number;
  channel: 'self' | 'collected';
  lines: DemandLine[];
  confirmationCode?: string;
}

/** Submits a demand with its Idempotency-Key (a retry with the same key never makes a second one). */
export function submitDemand(body: NewDemand, key: string = idempotencyKey()): Promise<Demand> {
  return ask(api.POST('/api/demands', { body, params: { header: { 'Idempotency-Key': key } } }));
}

export function amendDemand(id: number, lines: DemandLine[]): Promise<Demand> {
  return ask(api.PATCH('/api/demands/{id}', { params: { path: { id } }, body: { lines } }));
}

export function cancelDemand(id: number): Promise<Demand> {
  return ask(api.POST('/api/demands/{id}/cancel', { params: { path: { id } } }));
}

export function confirmDemand(id: number): Promise<Demand> {
  return ask(api.POST('/api/demands/{id}/confirm', { params: { path: { id } } }));
}

export type OrderWeek = Schemas['RetailerOrderWeekResponse'];

/** A retailer's last 12 order weeks (its territory's consolidated cycles): asked, ordered and rationed per spec. */
export async function orderWeeksOf(retailerId: number): Promise<OrderWeek[]> {
  const history = await ask(
    api.GET('/api/retailers/{id}/order-weeks', { params: { path: { id: retailerId } } }),
  );
  return history.weeks;
}

export type ConfirmationCode = Schemas['ConfirmationCodeResponse'];

export function newConfirmationCode(): Promise<ConfirmationCode> {
  return ask(api.POST('/api/demands/confirmation-codes'));
}
