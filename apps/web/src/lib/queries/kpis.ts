import { api, ask, type Schemas } from '@/lib/api';

/** One subject's KPI cells by code, as the API answers them. */
export type KpiCells = Schemas['KpiCellsResponse'];
export type KpiCode = keyof KpiCells;

/** The caller's own KPI row of a month (an account manager reads its territory's); none when unavailable. */
export async function myKpis(month: string): Promise<KpiCells> {
  const answer = await ask(api.GET('/api/kpi/account-managers', { params: { query: { month } } })).catch(
    () => undefined,
  );
  return answer?.items[0]?.kpis ?? {};
}
