import { useQuery } from '@tanstack/react-query';
import { api, ask, type Schemas } from '@/lib/api';
import { fileForm } from '@/lib/images';

export type Lead = Schemas['LeadResponse'];
export type LeadDetail = Schemas['LeadDetailResponse'];
export type VerificationResult = Schemas['VerifyLeadDto']['result'];

export const VERIFICATION_RESULT_LABELS: Record<VerificationResult, string> = {
  confirmed: '属实',
  unfounded: '不实',
  unverifiable: '无法查实',
};

/** The inbox's tabs: which of the squad's open leads each shows. */
export const INBOX_TABS = {
  new: '待分派',
  mine: '分派给我',
  verifying: '核查中',
  escalated: '督办中',
} as const;
export type InboxTab = keyof typeof INBOX_TABS;

type LeadStatus = NonNullable<Schemas['LeadResponse']['status']>;

/** The statuses behind each tab ("mine" filters those assigned to the officer, taken or being checked). */
const TAB_STATUSES: Record<InboxTab, LeadStatus[]> = {
  new: ['new'],
  mine: ['assigned', 'verifying'],
  verifying: ['verifying'],
  escalated: ['escalated'],
};

async function leadsIn(status: LeadStatus): Promise<Lead[]> {
  const page = await ask(api.GET('/api/leads', { params: { query: { status, pageSize: 200 } } }));
  return page.items;
}

/** The due instant that counts: the inspectors' new one once they required action, else the deadline. */
export function dueAt(lead: Lead): string {
  return lead.actionDueAt ?? lead.deadlineAt;
}

/** One tab of the squad's inbox, soonest due first. */
export function useInbox(tab: InboxTab, officerId: number | undefined) {
  return useQuery({
    queryKey: ['leads', 'inbox', tab, officerId],
    // Leads move on elsewhere (colleagues take them, the escalation job runs): ask again on every visit.
    staleTime: 0,
    queryFn: async () => {
      const lists = await Promise.all(TAB_STATUSES[tab].map(leadsIn));
      return lists
        .flat()
        .filter((lead) => tab !== 'mine' || lead.assignedTo === officerId)
        .sort((a, b) => dueAt(a).localeCompare(dueAt(b)) || a.id - b.id);
    },
  });
}

export function useLead(id: number) {
  return useQuery({
    queryKey: ['lead', id],
    staleTime: 0,
    retry: false,
    queryFn: () => ask(api.GET('/api/leads/{id}', { params: { path: { id } } })),
  });
}

/** The retailer's earlier leads the officer may see (its squad's), newest first. */
export function useRetailerLeads(retailerId: number | null) {
  return useQuery({
    queryKey: ['leads', 'retailer', retailerId],
    enabled: retailerId !== null,
    queryFn: async () =>
      (await ask(api.GET('/api/leads', { params: { query: { retailerId: retailerId!, pageSize: 50 } } })))
        .items,
  });
}

export function takeLead(id: number): Promise<Lead> {
  return ask(api.POST('/api/leads/{id}/assign', { params: { path: { id } }, body: {} }));
}

export function startChecking(id: number): Promise<Lead> {
  return ask(api.POST('/api/leads/{id}/start', { params: { path: { id } } }));
}

export function recordResult(id: number, body: Schemas['VerifyLeadDto']): Promise<Lead> {
  return ask(api.POST('/api/leads/{id}/verify', { params: { path: { id } }, body }));
}

/** The result's photo evidence the API keeps (it refuses more). */
export const RESULT_PHOTOS_MAX = 3;

/** Adds one photo (already compressed on the phone) to the result just recorded. */
export function addResultPhoto(id: number, photo: Blob): Promise<unknown> {
  return ask(
    api.POST('/api/leads/{id}/photos', {
      params: { path: { id } },
      body: fileForm(photo, 'evidence.jpg') as never,
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
}
