import { useQuery } from '@tanstack/react-query';
import { api, ask, type Schemas } from '@/lib/api';
import { type KpiCells, myKpis } from '@/lib/queries/kpis';
import { businessDate, businessMonth } from '@/lib/format';
import { allRetailers, type Retailer } from '@/lib/queries/retailers';
import { currentCycle, cyclesAround, demandsOf, noDemandOf, type OrderCycle } from '@/lib/queries/ordering';

export type OverdueVisit = Schemas['OverdueRetailerResponse'];
export type DueSoonVisit = Schemas['DueSoonRetailerResponse'];

/** How far ahead 即将到期 looks. */
export const DUE_SOON_DAYS = 7;

export interface TodaySummary {
  cycle: OrderCycle | undefined;
  notSubmitted: Retailer[];
  retailers: Map<number, Retailer>;
  overdue: OverdueVisit[];
  overdueTotal: number;
  /** On schedule, due within the next week (the due day is the last day on time). */
  dueSoon: DueSoonVisit[];
  dueSoonTotal: number;
  openTasks: number;
  /** The account manager's leads with a result it has not read and closed yet. */
  leadResults: number;
  kpis: KpiCells;
}

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * The account manager's day: this week's cycle, who has neither submitted nor said it needs nothing, visits
 * due, open tasks, KPIs.
 * Put together from the list endpoints the API has.
 */
async function todaySummary(now: Date): Promise<TodaySummary> {
  const today = businessDate(now);
  const [cycles, retailers, overdue, dueSoon, tasks, leadResults, kpis] = await Promise.all([
    cyclesAround(addDays(today, -1), addDays(today, 8)),
    allRetailers(),
    ask(api.GET('/api/visits/overdue', { params: { query: { pageSize: 50 } } })),
    ask(api.GET('/api/visits/due-soon', { params: { query: { withinDays: DUE_SOON_DAYS, pageSize: 50 } } })),
    ask(api.GET('/api/cultivation/tasks', { params: { query: { status: 'open', pageSize: 1 } } })).catch(
      () => ({ summary: { open: 0, overdue: 0 } }),
    ),
    // A lead the AM reported whose result the squad recorded waits for it to read and close.
    ask(api.GET('/api/leads', { params: { query: { status: 'verified', pageSize: 1 } } })).then(
      (page) => page.total,
    ),
    myKpis(businessMonth(now)),
  ]);
  const cycle = currentCycle(cycles, now);
  // Who has answered this cycle: a live demand, or a no-demand record.
  const [demands, noDemand] = cycle
    ? await Promise.all([demandsOf({ cycleId: cycle.id }), noDemandOf(cycle.id)])
    : [[], new Set<number>()];
  const answered = new Set([
    ...demands.filter((d) => d.status !== 'cancelled').map((d) => d.retailerId),
    ...noDemand,
  ]);
  const byId = new Map(retailers.map((r) => [r.id, r]));
  return {
    cycle,
    notSubmitted: retailers.filter(
      (r) => r.status === 'active' && r.territoryId === cycle?.territoryId && !answered.has(r.id),
    ),
    retailers: byId,
    overdue: overdue.items,
    overdueTotal: overdue.total,
    dueSoon: dueSoon.items,
    dueSoonTotal: dueSoon.total,
    openTasks: tasks.summary.open + tasks.summary.overdue,
    leadResults,
    kpis,
  };
}

export function useTodaySummary(now: Date) {
  return useQuery({ queryKey: ['today', businessDate(now)], queryFn: () => todaySummary(now) });
}
