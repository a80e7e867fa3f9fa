import { useQuery } from '@tanstack/react-query';
import { api, ask, type Schemas } from '@/lib/api';

export type Correction = Schemas['CorrectionView'];
export type Readiness = Schemas['MonthReadinessResponse'];

/** The month-close job as the job board shows it. */
export const MONTH_CLOSE_JOB = 'reports.month-close';

export function useMonthVersions(month: string) {
  return useQuery({
    queryKey: ['month-versions', month],
    queryFn: () => ask(api.GET('/api/kpi/months/{month}/versions', { params: { path: { month } } })),
  });
}

/** Whether the month may be closed, or what it waits for (the cycles whose sales are not final). */
export function useMonthReadiness(month: string) {
  return useQuery({
    queryKey: ['month-readiness', month],
    refetchInterval: 60_000,
    queryFn: () => ask(api.GET('/api/kpi/months/{month}/readiness', { params: { path: { month } } })),
  });
}

export function useCorrections(month: string) {
  return useQuery({
    queryKey: ['corrections', month],
    queryFn: async () => (await ask(api.GET('/api/kpi/corrections', { params: { query: { month } } }))).items,
  });
}

/** The month-close job's board entry: its schedule and last runs (heads and admins). */
export function useMonthCloseJob(enabled: boolean) {
  return useQuery({
    queryKey: ['jobs'],
    enabled,
    queryFn: async () =>
      (await ask(api.GET('/api/jobs'))).find((job) => job.name === MONTH_CLOSE_JOB) ?? null,
  });
}

export function openCorrection(month: string, reason: string): Promise<Correction> {
  return ask(
    api.POST('/api/kpi/months/{month}/corrections', { params: { path: { month } }, body: { reason } }),
  );
}

export function approveCorrection(month: string, note?: string): Promise<Correction> {
  return ask(
    api.POST('/api/kpi/months/{month}/corrections/approve', {
      params: { path: { month } },
      body: note ? { note } : {},
    }),
  );
}

export function rejectCorrection(month: string, note: string): Promise<Correction> {
  return ask(
    api.POST('/api/kpi/months/{month}/corrections/reject', { params: { path: { month } }, body: { note } }),
  );
}
