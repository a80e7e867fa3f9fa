import { useQuery } from '@tanstack/react-query';
import { api, ask, type PageOf } from '@/lib/api';
import { businessDate, businessMonth } from '@/lib/format';
import { allRetailers, type Retailer } from '@/lib/queries/retailers';
import { currentCycle, cyclesAround, demandsOf, type OrderCycle } from '@/lib/queries/ordering';

export interface OverdueVisit {
  retailerId: number;
  bigAccount: boolean;
  lastVisitOn: string | null;
  dueOn: string;
  daysOverdue: number;
}

export interface KpiValue {
  value: number | null;
  target: { kind: string; value?: number } | null;
  status: 'meets' | 'below' | 'noTarget' | 'noValue';
}

export interface TodaySummary {
  cycle: OrderCycle | undefined;
  notSubmitted: Retailer[];
  retailers: Map<number, Retailer>;
  overdue: OverdueVisit[];
  overdueTotal: number;
  openTasks: number;
  kpis: Record<string, KpiValue>;
}

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * The account manager's day: this week's cycle, who has not submitted, visits due, open tasks, KPIs.
 * Put together from the list endpoints the API has.
 */
async function todaySummary(now: Date): Promise<TodaySummary> {
  const today = businessDate(now);
  const [cycles, retailers, overdue, tasks, kpis] = await Promise.all([
    cyclesAround(addDays(today, -1), addDays(today, 8)),
    allRetailers(),
    ask<PageOf<OverdueVisit>>(
      api.GET('/api/visits/overdue', { params: { query: { pageSize: 50 } as never } }),
    ),
    ask<{ summary: { open: number; overdue: number } }>(
      api.GET('/api/cultivation/tasks', { params: { query: { status: 'open', pageSize: 1 } as never } }),
    ).catch(() => ({ summary: { open: 0, overdue: 0 } })),
    ask<{ items: { kpis: Record<string, KpiValue> }[] }>(
      api.GET('/api/kpi/account-managers', { params: { query: { month: businessMonth(now) } as never } }),
    ).catch(() => ({ items: [] })),
  ]);
  const cycle = currentCycle(cycles, now);
  const demanded = new Set(
    cycle
      ? (await demandsOf({ cycleId: cycle.id }))
          .filter((d) => d.status !== 'cancelled')
          .map((d) => d.retailerId)
      : [],
  );
  const byId = new Map(retailers.map((r) => [r.id, r]));
  return {
    cycle,
    notSubmitted: retailers.filter(
      (r) => r.status === 'active' && r.territoryId === cycle?.territoryId && !demanded.has(r.id),
    ),
    retailers: byId,
    overdue: overdue.items,
    overdueTotal: overdue.total,
    openTasks: tasks.summary.open + tasks.summary.overdue,
    kpis: kpis.items[0]?.kpis ?? {},
  };
}

export function useTodaySummary(now: Date) {
  return useQuery({ queryKey: ['today', businessDate(now)], queryFn: () => todaySummary(now) });
}
