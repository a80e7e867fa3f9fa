import { useQuery } from '@tanstack/react-query';
import { api, ask, type Schemas } from '@/lib/api';

/** YYYY-MM shifted by whole months. */
export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The territory's demand per spec in a finished month (before rationing), from the accuracy report. */
async function actuals(month: string): Promise<Map<number, number>> {
  const answer = await ask(api.GET('/api/forecasts/{month}/accuracy', { params: { path: { month } } })).catch(
    () => undefined,
  );
  return new Map((answer?.territories[0]?.specs ?? []).map((spec) => [spec.brandId, spec.demandCartons]));
}

/** The month's forecast in force, with the demand of the last three months and of the same month last year. */
export function useForecast(month: string) {
  return useQuery({
    queryKey: ['forecast', month],
    queryFn: async () => {
      const [forecast, m1, m2, m3, lastYear] = await Promise.all([
        ask(api.GET('/api/forecasts/{month}', { params: { path: { month } } })),
        actuals(shiftMonth(month, -1)),
        actuals(shiftMonth(month, -2)),
        actuals(shiftMonth(month, -3)),
        actuals(shiftMonth(month, -12)),
      ]);
      const saved = new Map((forecast.items[0]?.lines ?? []).map((line) => [line.brandId, line.cartons]));
      return { locked: forecast.locked, saved, history: [m3, m2, m1], lastYear };
    },
  });
}

export function submitForecast(
  month: string,
  lines: { brandId: number; cartons: number }[],
): Promise<Schemas['ForecastResponse']> {
  return ask(api.PUT('/api/forecasts/{month}', { params: { path: { month } }, body: { lines } }));
}
