/** The codes a lead carries, with the Simplified Chinese labels shown to people and in Excel. */
export const LEAD_KINDS = [
  'counterfeit',
  'smuggled',
  'unlicensed',
  'priceViolation',
  'abnormalPurchase',
  'other',
] as const;
export type LeadKind = (typeof LEAD_KINDS)[number];
export const LEAD_KIND_LABELS: Readonly<Record<LeadKind, string>> = {
  counterfeit: '假冒卷烟',
  smuggled: '走私及非正常渠道卷烟',
  unlicensed: '无证经营',
  priceViolation: '价格违规',
  abnormalPurchase: '异常订购',
  other: '其他',
};

export const LEAD_IMPORTANCES = ['important', 'normal'] as const;
export type LeadImportance = (typeof LEAD_IMPORTANCES)[number];
export const LEAD_IMPORTANCE_LABELS: Readonly<Record<LeadImportance, string>> = {
  important: '重要',
  normal: '一般',
};

/**
 * The outcome of a verification. 属实 and 不实 are findings (查实: the verification rate counts them); 无法查实
 * is an answer without a finding, counted apart.
 */
export const VERIFICATION_RESULTS = ['confirmed', 'unfounded', 'unverifiable'] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];
export const VERIFICATION_RESULT_LABELS: Readonly<Record<VerificationResult, string>> = {
  confirmed: '属实',
  unfounded: '不实',
  unverifiable: '无法查实',
};
