import { api, ask, type Schemas } from '@/lib/api';
import type { Brand } from './brands';

export type SupplyRatio = Schemas['SupplyRatioResponse'];

export type DemandOutcome = Schemas['DemandOutcomeResponse'];

/** What a retailer may order of each scarce spec in a cycle of the week, at its grade: spec id → cartons. */
export async function scarceLimitsOf(retailerId: number, weekStart: string): Promise<Map<number, number>> {
  const answer = await ask(
    api.GET('/api/retailers/{id}/scarce-limits', {
      params: { path: { id: retailerId }, query: { weekStart } },
    }),
  );
  return new Map(answer.limits.map((row) => [row.brandId, row.limit]));
}

/** The department's 稍紧平衡 classes: those supplied below 100 % of demand. */
export async function tightClasses(): Promise<SupplyRatio[]> {
  const ratios = await ask(api.GET('/api/supply-ratios'));
  return ratios.filter((ratio) => ratio.ratioBp < 10_000);
}

export function demandOutcome(demandId: number): Promise<DemandOutcome> {
  return ask(api.GET('/api/demands/{id}/outcome', { params: { path: { id: demandId } } }));
}

/** Basis points as a percentage: 8000 → "80%", 8250 → "82.5%". */
export function ratioText(ratioBp: number): string {
  return `${ratioBp / 100}%`;
}

const CLASS_NAMES = ['', '一类烟', '二类烟', '三类烟', '四类烟', '五类烟'];

/** "四类烟按需求的 80% 供应（3 个规格：…）", one per tightly balanced class. */
export function tightSentences(tight: SupplyRatio[], brands: Brand[]): string[] {
  return tight.map((ratio) => {
    const specs = brands.filter((brand) => brand.priceClass === ratio.priceClass).map((brand) => brand.name);
    const which = specs.length ? `（${specs.length} 个规格：${specs.join('、')}）` : '';
    return `${CLASS_NAMES[ratio.priceClass]}稍紧平衡，按需求的 ${ratioText(ratio.ratioBp)} 供应${which}。`;
  });
}
