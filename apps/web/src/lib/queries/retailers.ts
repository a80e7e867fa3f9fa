import { api, ask, type PageOf } from '@/lib/api';

export interface Retailer {
  id: number;
  licenseNo: string;
  shopName: string;
  ownerName: string;
  phone: string | null;
  address: string;
  grade: number;
  scale: 'large' | 'medium' | 'small';
  status: 'active' | 'suspended' | 'closed';
  marketType: 'urban' | 'rural';
  businessType: string;
  bigAccount: boolean;
  territoryId: number;
  territoryName: string;
  orderWeekday: number;
}

export interface QuotaExplained {
  retailerId: number;
  month: string;
  agreedTotal: number;
  floatBp: number;
  floatPercent: number;
  cap: number;
  used: number;
  reserved: number;
  remaining: number;
  cycleAllowance: number;
  remainingCycles: number;
  provisional: boolean;
  explanation: Record<string, unknown>;
}

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
    const answer = await ask<PageOf<Retailer>>(
      api.GET('/api/retailers', {
        params: { query: { page, pageSize: 200, sort: 'shopName', order: 'asc' } as never },
      }),
    );
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) return items;
  }
}

export function retailer(id: number): Promise<Retailer> {
  return ask<Retailer>(api.GET('/api/retailers/{id}', { params: { path: { id } } }));
}

export function quotaOf(id: number, month: string): Promise<QuotaExplained> {
  return ask<QuotaExplained>(
    api.GET('/api/retailers/{id}/quota', { params: { path: { id }, query: { month } } }),
  );
}
