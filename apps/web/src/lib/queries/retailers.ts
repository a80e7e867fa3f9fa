import { api, ask, type Schemas } from '@/lib/api';

export type Retailer = Schemas['RetailerResponse'];

export type QuotaExplained = Schemas['QuotaResponse'];

export const SCALE_LABELS = { large: '大', medium: '中', small: '小' } as const;
export const STATUS_LABELS = { active: '正常营业', suspended: '暂停', closed: '歇业' } as const;
export const MARKET_LABELS = { urban: '城镇', rural: '乡村' } as const;
export const BUSINESS_TYPE_LABELS: Record<string, string> = {
  C: '食杂',
  B: '便利',
  S: '超市',
  N: '商场',
  Y: '烟酒',
  F: '娱乐服务',
  Q: '其他',
};

/** Every retailer in scope (an account manager's territory holds 150–400: a few pages of 200). */
export async function allRetailers(): Promise<Retailer[]> {
  const items: Retailer[] = [];
  for (let page = 1; ; page++) {
    const answer = await ask(
      api.GET('/api/retailers', {
        params: { query: { page, pageSize: 200, sort: 'shopName', order: 'asc' } },
      }),
    );
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) return items;
  }
}

export function retailer(id: number): Promise<Retailer> {
  return ask(api.GET('/api/retailers/{id}', { params: { path: { id } } }));
}

export function quotaOf(id: number, month: string): Promise<QuotaExplained> {
  return ask(api.GET('/api/retailers/{id}/quota', { params: { path: { id }, query: { month } } }));
}
