import { useQuery } from '@tanstack/react-query';
import { api, ask, type Schemas } from '@/lib/api';

export type Anomaly = Schemas['OrderAnomalyResponse'];
export type AuditEntry = Schemas['AuditEntryResponse'];
export type Retailer = Schemas['RetailerResponse'];
export type Lead = Schemas['LeadResponse'];

/** Anomaly warnings of every cycle in scope ordered between two dates (at most 92 days). */
export function useAnomalies(fromDate: string, toDate: string) {
  return useQuery({
    queryKey: ['anomalies', fromDate, toDate],
    queryFn: () => ask(api.GET('/api/anomalies', { params: { query: { fromDate, toDate } } })),
  });
}

export function useRetailer(id: number | undefined) {
  return useQuery({
    queryKey: ['retailer', id],
    enabled: id !== undefined,
    queryFn: () => ask(api.GET('/api/retailers/{id}', { params: { path: { id: id! } } })),
  });
}

export function useRetailerLeads(retailerId: number | undefined) {
  return useQuery({
    queryKey: ['leads', 'retailer', retailerId],
    enabled: retailerId !== undefined,
    queryFn: () =>
      ask(api.GET('/api/leads', { params: { query: { retailerId: retailerId!, pageSize: 50 } } })),
  });
}

export interface AuditFilter {
  actorId?: number;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Instants, ISO 8601 (from inclusive, to exclusive). */
  from?: string;
  to?: string;
  page: number;
}

export function useAuditTrail(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: () => {
      const { page, ...rest } = filter;
      const query = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
      return ask(api.GET('/api/audit', { params: { query: { ...query, page, pageSize: 20 } } }));
    },
  });
}

/** The people of the caller's department, to name who did something (and to filter by them). */
export function usePeople() {
  return useQuery({
    queryKey: ['people'],
    staleTime: 10 * 60_000,
    queryFn: async () =>
      (await ask(api.GET('/api/users', { params: { query: { page: 1, pageSize: 200 } } }))).items,
  });
}

export type Prohibitions = Schemas['ProhibitionsResponse'];

/** The month's 六不准 patterns: collected-demand shares, identical demand groups, self-confirmed demands. */
export function useProhibitions(month: string) {
  return useQuery({
    queryKey: ['prohibitions', month],
    queryFn: () => ask(api.GET('/api/inspections/prohibitions', { params: { query: { month } } })),
  });
}

/** Escalated leads 督办: important leads left without a result past their due time. */
export function useEscalatedLeads(page: number) {
  return useQuery({
    queryKey: ['leads', 'escalated', page],
    queryFn: () =>
      ask(api.GET('/api/leads', { params: { query: { status: 'escalated', page, pageSize: 20 } } })),
  });
}

export function inspectLead(id: number, body: Schemas['LeadInspectionDto']): Promise<Lead> {
  return ask(api.POST('/api/leads/{id}/inspection', { params: { path: { id } }, body }));
}
