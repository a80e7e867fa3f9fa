import { accept, type Outcome, type Refusal, refuse } from '#libs/kernel';

/**
 * What a visit may carry, by kind. Kinds follow the source: routine visits, business guidance 经营指导,
 * big-account inspections 大户检查 and onboarding of a new retailer.
 */
export const VISIT_KINDS = ['routine', 'guidance', 'big_account_inspection', 'onboarding'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  routine: '日常拜访',
  guidance: '经营指导',
  big_account_inspection: '大户检查',
  onboarding: '新户建档',
};

/** What a guidance visit advises on (plus free text). */
export const GUIDANCE_TOPICS = [
  'brand_structure',
  'pricing',
  'display',
  'stock',
  'policy',
  'store_management',
  'other',
] as const;
export type GuidanceTopic = (typeof GUIDANCE_TOPICS)[number];

export const GUIDANCE_TOPIC_LABELS: Record<GuidanceTopic, string> = {
  brand_structure: '品牌结构',
  pricing: '价格',
  display: '陈列',
  stock: '库存',
  policy: '政策宣传',
  store_management: '店面管理',
  other: '其他',
};

export type VisitContentRefusal = Refusal<
  'VISIT_GUIDANCE_REQUIRED' | 'VISIT_GUIDANCE_NOT_ALLOWED' | 'VISIT_NOT_BIG_ACCOUNT',
  { readonly kind: VisitKind }
>;

export interface VisitContent {
  readonly kind: VisitKind;
  readonly hasGuidance: boolean;
  readonly retailerIsBigAccount: boolean;
}

/**
 * A guidance visit says what was advised, and only a guidance visit does (so guidance coverage counts
 * exactly the visits that carry advice); a big-account inspection is made at a big account.
 */
export function checkVisitContent(content: VisitContent): Outcome<VisitContent, VisitContentRefusal> {
  const details = { kind: content.kind };
  if (content.kind === 'guidance' && !content.hasGuidance) {
    return refuse('VISIT_GUIDANCE_REQUIRED', 'A guidance visit says what was advised', details);
  }
  if (content.kind !== 'guidance' && content.hasGuidance) {
    return refuse('VISIT_GUIDANCE_NOT_ALLOWED', 'Only a guidance visit carries advice', details);
  }
  if (content.kind === 'big_account_inspection' && !content.retailerIsBigAccount) {
    return refuse('VISIT_NOT_BIG_ACCOUNT', 'A big-account inspection is made at a big account', details);
  }
  return accept(content);
}
