/** Retailers are ranked into 30 grades 档位 (1 = smallest, 30 = largest), locked for the period. */
export const GRADE_COUNT = 30;

export const BUSINESS_SCALES = ['large', 'medium', 'small'] as const;
/** 经营规模 大/中/小: decides the float allowance above the agreed total. */
export type BusinessScale = (typeof BUSINESS_SCALES)[number];

export const MARKET_TYPES = ['urban', 'rural'] as const;
/** 城镇 / 乡村: policy bases and scarce limits may differ between the two. */
export type MarketType = (typeof MARKET_TYPES)[number];

export function isGrade(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= GRADE_COUNT;
}

/** What quota rules need to know about a retailer. */
export interface RetailerClass {
  grade: number;
  scale: BusinessScale;
  marketType: MarketType;
}
