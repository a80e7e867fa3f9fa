import { useQuery } from '@tanstack/react-query';
import { api, ask, idempotencyKey, type Schemas } from '@/lib/api';
import { fileForm } from '@/lib/images';

export const VISIT_KIND_LABELS = {
  routine: '例行拜访',
  guidance: '经营指导',
  big_account_inspection: '大户检查',
  onboarding: '新户建档',
} as const;
export type VisitKind = keyof typeof VISIT_KIND_LABELS;

export const GUIDANCE_TOPIC_LABELS = {
  brand_structure: '品类结构',
  pricing: '价格',
  display: '陈列',
  stock: '库存',
  policy: '政策宣传',
  store_management: '店面管理',
  other: '其他',
} as const;

export type VisitSummary = Schemas['VisitSummaryResponse'];

export type NewVisit = Schemas['RecordVisitDto'];

/** Where the phone was, as the browser gave it (only when its user allowed it). */
export type VisitPosition = NonNullable<NewVisit['position']>;

export function useVisits(from: string, to: string) {
  return useQuery({
    queryKey: ['visits', from, to],
    queryFn: () => ask(api.GET('/api/visits', { params: { query: { from, to, pageSize: 100 } } })),
  });
}

export function recordVisit(
  body: NewVisit,
  key: string = idempotencyKey(),
): Promise<Schemas['VisitResponse']> {
  return ask(api.POST('/api/visits', { body, params: { header: { 'Idempotency-Key': key } } }));
}

/** Adds the shelf photo (already compressed on the phone) to a visit just recorded. */
export function addVisitPhoto(visitId: number, photo: Blob): Promise<unknown> {
  return ask(
    api.POST('/api/visits/{id}/photo', {
      params: { path: { id: visitId } },
      body: fileForm(photo, 'shelf.jpg') as never,
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
}

/** An instant with the business offset, as the API wants it: 2026-11-23T10:30:00+08:00. */
export function businessInstant(now: Date): string {
  const shifted = new Date(now.getTime() + 8 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}
