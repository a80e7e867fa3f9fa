import { useQuery } from '@tanstack/react-query';
import { api, ask, type Schemas } from '@/lib/api';

export type SampledVisit = Schemas['VisitSummaryResponse'];
export type VisitCheck = Schemas['CheckVisitDto'];

/** The guidance visits drawn for the market managers' check in a month, per account manager. */
export function useCheckSample(month: string) {
  return useQuery({
    queryKey: ['check-sample', month],
    queryFn: () => ask(api.GET('/api/visits/check-sample', { params: { query: { month } } })),
  });
}

/** Each account manager's visits and calls against its targets in a month. */
export function useAttainment(month: string) {
  return useQuery({
    queryKey: ['visit-attainment', month],
    queryFn: () => ask(api.GET('/api/visits/attainment', { params: { query: { month } } })),
  });
}

export function useVisit(id: number) {
  return useQuery({
    queryKey: ['visit', id],
    queryFn: () => ask(api.GET('/api/visits/{id}', { params: { path: { id } } })),
  });
}

export function checkVisit(id: number, body: VisitCheck) {
  return ask(api.POST('/api/visits/{id}/check', { params: { path: { id } }, body }));
}
