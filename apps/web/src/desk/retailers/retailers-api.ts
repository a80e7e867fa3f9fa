import { useQuery } from '@tanstack/react-query';
import { api, ask, type Schemas } from '@/lib/api';
import { saveDownload } from '@/lib/download';
import type { paths } from '@/api/client';

export type Retailer = Schemas['RetailerResponse'];
export type NewRetailer = Schemas['CreateRetailerDto'];
export type RetailerChange = Schemas['UpdateRetailerDto'];
export type Classifications = Schemas['RetailerClassificationsResponse'];
export type GradeHistory = Schemas['GradeHistoryResponse'];
export type BigAccount = Schemas['BigAccountResponse'];
export type Activation = Schemas['RetailerActivationResponse'];
export type RetailerStatus = Retailer['status'];

/** The list's filters and sort, as the API takes them (the export takes the same without paging). */
export type RetailerFilter = NonNullable<paths['/api/retailers/export']['get']['parameters']['query']>;

export function useRetailers(filter: RetailerFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['desk-retailers', filter, page, pageSize],
    queryFn: () => ask(api.GET('/api/retailers', { params: { query: { ...filter, page, pageSize } } })),
  });
}

/** The code tables (business types, markets, scales, statuses, order days, grade rules). */
export function useClassifications() {
  return useQuery({
    queryKey: ['retailer-classifications'],
    staleTime: 10 * 60_000,
    queryFn: () => ask(api.GET('/api/retailers/classifications')),
  });
}

/** Every business-district type, retired ones too (old retailers keep them, so the filter offers them). */
export function useDistrictTypes() {
  return useQuery({
    queryKey: ['district-types', 'all'],
    staleTime: 10 * 60_000,
    queryFn: () => ask(api.GET('/api/district-types', { params: { query: { all: true } } })),
  });
}

export function useGradeHistory(id: number) {
  return useQuery({
    queryKey: ['retailer-grades', id],
    queryFn: () => ask(api.GET('/api/retailers/{id}/grades', { params: { path: { id } } })),
  });
}

export function useBigAccount(id: number) {
  return useQuery({
    queryKey: ['retailer-big-account', id],
    queryFn: () => ask(api.GET('/api/retailers/{id}/big-account', { params: { path: { id } } })),
  });
}

export function createRetailer(body: NewRetailer): Promise<Retailer> {
  return ask(api.POST('/api/retailers', { body }));
}

export function updateRetailer(id: number, body: RetailerChange): Promise<Retailer> {
  return ask(api.PATCH('/api/retailers/{id}', { params: { path: { id } }, body }));
}

export function changeStatus(id: number, status: RetailerStatus, reason: string): Promise<Retailer> {
  return ask(api.POST('/api/retailers/{id}/status', { params: { path: { id } }, body: { status, reason } }));
}

export function changeGrade(id: number, grade: number, reason: string): Promise<GradeHistory> {
  return ask(
    api.POST('/api/retailers/{id}/grade-changes', { params: { path: { id } }, body: { grade, reason } }),
  );
}

export function overrideBigAccount(
  id: number,
  bigAccount: boolean | null,
  reason: string,
): Promise<BigAccount> {
  return ask(
    api.PUT('/api/retailers/{id}/big-account-override', {
      params: { path: { id } },
      body: { bigAccount, reason },
    }),
  );
}

export function issueActivation(id: number): Promise<Activation> {
  return ask(api.POST('/api/retailers/{id}/account/activation', { params: { path: { id } } }));
}

export function setAgreedTotal(id: number, month: string, cartons: number): Promise<unknown> {
  return ask(
    api.PUT('/api/retailers/{id}/agreed-total', { params: { path: { id } }, body: { month, cartons } }),
  );
}

/** The filtered list as a workbook (the API streams it, scoped like the list). */
export function exportRetailers(filter: RetailerFilter): Promise<void> {
  return saveDownload(
    (fetch) => api.GET('/api/retailers/export', { params: { query: filter }, parseAs: 'blob', fetch }),
    '零售户.xlsx',
  );
}
