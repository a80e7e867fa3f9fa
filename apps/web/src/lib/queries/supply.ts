import { api, ask, type Schemas } from '@/lib/api';
import { cartons } from '@/lib/format';
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

/** What the unified order made of one spec: asked, ordered, and the 稍紧平衡 ratio it was supplied at. */
export interface LineOutcome {
  asked: number;
  ordered: number;
  supplyRatioBp: number | null;
}

/** One spec's outcome in words: ordered in full, or rationed — by how much and why. */
export function outcomeSentence(line: LineOutcome, name: string): string {
  if (line.ordered === line.asked) {
    const rationed =
      line.supplyRatioBp === null ? '' : `（稍紧平衡按 ${ratioText(line.supplyRatioBp)} 供应，足额）`;
    return `${name}：订购 ${cartons(line.ordered)}${rationed}`;
  }
  const why = line.supplyRatioBp === null ? '' : `稍紧平衡按 ${ratioText(line.supplyRatioBp)} 比例供应，`;
  return `${name}：提报 ${cartons(line.asked)}，${why}订购 ${cartons(line.ordered)}（少 ${cartons(line.asked - line.ordered)}）`;
}

/** A whole order's outcome in words: all ordered, or how many cartons it was short. */
export function outcomeTotalSentence(asked: number, ordered: number): string {
  return ordered === asked
    ? `已按提报全部订购，共 ${cartons(ordered)}。`
    : `提报 ${cartons(asked)}，订购 ${cartons(ordered)}，少 ${cartons(asked - ordered)}。`;
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
