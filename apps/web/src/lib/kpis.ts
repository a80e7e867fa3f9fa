import type { KpiCode } from './queries/kpis';

/** The KPIs the console shows, in order, with their Chinese names. */
export const KPI_SHOWN: [KpiCode, string][] = [
  ['guidanceCoverage', '经营指导面'],
  ['effectiveGuidance', '有效指导率'],
  ['visitAttainment', '拜访达成率'],
  ['callAttainment', '电话回访达成率'],
  ['policyAwareness', '政策知晓率'],
  ['channelCoverage', '信息覆盖面'],
  ['keyBrandShelfRate', '重点品牌上柜率'],
  ['selfReportedDemandShare', '自主提报率'],
];
