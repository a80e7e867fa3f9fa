/**
 * The monthly KPIs of DESIGN.md as data: the KPI service, the snapshot job and the Excel workbook all read
 * labels, units and default targets from here, so a KPI is described once.
 *
 * Percent KPIs carry fractions (0.6 means 60 %); yuan KPIs carry integer fen (divide by 100 to display).
 */
export type KpiUnit = 'percent' | 'cartons' | 'yuan' | 'count';

export type KpiDirection = 'higherIsBetter' | 'lowerIsBetter';

/** Who a KPI row belongs to; rows are rolled up to service centers and departments by adding parts. */
export type KpiSubject = 'accountManager' | 'reporter' | 'squad' | 'deliveryStaff';

/**
 * The baseline of a "rising" target: most KPIs compare with last month, sales-type KPIs with last year's
 * same period (the same days of the month; for a year-to-date KPI, 1 January to the same day).
 */
export type KpiBaseline = 'previousMonth' | 'sameMonthLastYear';

/**
 * A KPI's target. `rising` with `sameMonthLastYear` is "not below last year's same period" (在保证去年同期销售量
 * 的前提下); `upByAmount` / `upByPercent` are "up by N (in the KPI's unit: fen for yuan) / by N (a fraction,
 * 0.05 = 5 %) over last year's same period" (单条价较去年增长 N 元/条、增长 N 个百分点).
 */
export type KpiTarget =
  | { readonly kind: 'atLeast'; readonly value: number }
  | { readonly kind: 'atMost'; readonly value: number }
  | { readonly kind: 'rising'; readonly baseline: KpiBaseline }
  | { readonly kind: 'upByAmount'; readonly value: number }
  | { readonly kind: 'upByPercent'; readonly value: number };

export interface KpiDefinition {
  readonly label: string;
  readonly unit: KpiUnit;
  readonly direction: KpiDirection;
  readonly subject: KpiSubject;
  /** `null` where the source document sets none; a department may still set one. */
  readonly defaultTarget: KpiTarget | null;
  /** For rates: what is counted above and below the line, so SQL and reports count the same things. */
  readonly numerator?: string;
  readonly denominator?: string;
}

const atLeast = (value: number): KpiTarget => ({ kind: 'atLeast', value });
const risingFrom = (baseline: KpiBaseline): KpiTarget => ({ kind: 'rising', baseline });

const definitions = {
  guidanceCoverage: {
    label: '经营指导面',
    unit: 'percent',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    // The seed's 60 % is for the year (guidanceCoverageYearToDate); a department may set a monthly one.
    defaultTarget: null,
    numerator: 'active retailers of the territory with at least one guidance visit in the month',
    denominator: 'active retailers of the territory',
  },
  guidanceCoverageYearToDate: {
    label: '经营指导面（年累计）',
    unit: 'percent',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    defaultTarget: atLeast(0.6),
    numerator: 'active retailers of the territory with at least one guidance visit since 1 January',
    denominator: 'active retailers of the territory',
  },
  effectiveGuidance: {
    label: '有效指导率',
    unit: 'percent',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    defaultTarget: atLeast(0.8),
    numerator:
      "guidance visits of the month's system-drawn check sample that a market manager checked and found effective",
    denominator:
      'sample visits checked; not assessable (no value) while fewer than the sample (details.sampled: the ' +
      "department's sample size per account manager, or all its guidance visits when fewer) were checked",
  },
  forecastAccuracy: {
    label: '预测准确率',
    unit: 'percent',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    defaultTarget: risingFrom('previousMonth'),
    numerator:
      'forecast error Σ|A − F| over the specs forecast or demanded (A: cartons asked for on the demand that ' +
      'reached the unified order, before rationing; F: the forecast, 0 when missing) (field ForecastTally.errorCartons)',
    denominator:
      'Σ A (ForecastTally.demandCartons); the value is max(0, 1 − error ÷ Σ A), none when Σ A = 0; ' +
      'details: forecastCartons Σ F, orderedCartons supplied after rationing',
  },
  keyBrandForecastAccuracy: {
    label: '重点品牌预测准确率',
    unit: 'percent',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    defaultTarget: risingFrom('previousMonth'),
    numerator: "forecast error Σ|A − F| over the year's key brands forecast or demanded",
    denominator: 'Σ A of the key brands; the value is max(0, 1 − error ÷ Σ A), none when Σ A = 0',
  },
  selfReportedDemandShare: {
    label: '自主提报率',
    unit: 'percent',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    defaultTarget: risingFrom('previousMonth'),
    numerator: 'demands submitted by retailers themselves',
    denominator: 'all demands, self-submitted and collected (no-demand records are not demands)',
  },
  policyAwareness: {
    label: '政策知晓率',
    unit: 'percent',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    defaultTarget: null,
    numerator:
      'surveyed retailers whose latest survey of the month says aware of both the floating-quota policy and ' +
      'self-reporting (details: aware of each on its own); the self-reported demand share is shown beside it',
    denominator: 'retailers surveyed in the month',
  },
  channelCoverage: {
    label: '信息覆盖面',
    unit: 'percent',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    defaultTarget: risingFrom('previousMonth'),
    numerator: 'retailers reachable on a message channel (SMS, WeChat, ordering portal)',
    denominator: 'retailers of the territory',
  },
  visitAttainment: {
    label: '拜访达成率',
    unit: 'percent',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    defaultTarget: atLeast(1),
    numerator: 'visits made',
    denominator: 'visit target: working days × visits per working day (field visitTarget)',
  },
  callAttainment: {
    label: '电话回访达成率',
    unit: 'percent',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    defaultTarget: atLeast(1),
    numerator: 'calls made',
    denominator: 'call target: working days × calls per working day (field callTarget)',
  },
  keyBrandShelfRate: {
    label: '重点品牌上柜率',
    unit: 'percent',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    // The source sets shelf targets per territory, so there is no department-wide default.
    defaultTarget: null,
    numerator:
      "(retailer, key brand) pairs found on the shelf at the retailer's latest shelf check of the month (field shelfPresence)",
    denominator:
      "active retailers of the territory × the year's key brands (national top 20 and the department's equivalents)",
  },
  guidePriceComplianceCarton: {
    label: '条价指导价落实率',
    unit: 'percent',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    defaultTarget: null,
    numerator:
      "specs checked on the month's visits whose carton price was at or below the guide price (within the " +
      "department's tolerance above it) (field PriceComplianceTally.cartonCompliant)",
    denominator: 'specs checked with a carton price observed (cartonChecked)',
  },
  guidePriceCompliancePack: {
    label: '盒价指导价落实率',
    unit: 'percent',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    defaultTarget: null,
    numerator: 'specs checked whose pack price was at or below the guide price (packCompliant)',
    denominator: 'specs checked with a pack price observed (packChecked)',
  },
  salesCartons: {
    label: '销量',
    unit: 'cartons',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    // "在保证去年同期销售量的前提下": at least the same days of the month last year.
    defaultTarget: risingFrom('sameMonthLastYear'),
  },
  salesAmount: {
    label: '销售额',
    unit: 'yuan',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    defaultTarget: null,
  },
  averagePricePerCarton: {
    label: '单条价',
    unit: 'yuan',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    defaultTarget: risingFrom('sameMonthLastYear'),
    numerator: 'sales amount (fen)',
    denominator: 'cartons sold',
  },
  salesCartonsYearToDate: {
    label: '销量（年累计）',
    unit: 'cartons',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    defaultTarget: risingFrom('sameMonthLastYear'),
  },
  salesAmountYearToDate: {
    label: '销售额（年累计）',
    unit: 'yuan',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    defaultTarget: null,
  },
  averagePricePerCartonYearToDate: {
    label: '单条价（年累计）',
    unit: 'yuan',
    direction: 'higherIsBetter',
    subject: 'accountManager',
    defaultTarget: risingFrom('sameMonthLastYear'),
    numerator: 'sales amount since 1 January (fen)',
    denominator: 'cartons sold since 1 January',
  },
  leadAuthenticity: {
    label: '线索真实性',
    unit: 'percent',
    direction: 'higherIsBetter',
    subject: 'reporter',
    defaultTarget: null,
    numerator: "reporter's leads due in the month found true 属实 (enforcement LeadTally.confirmed)",
    denominator:
      "reporter's leads due in the month verified, 属实 or 不实 (LeadTally.verified); 无法查实 is no verdict " +
      'on the reporter and only shown beside (details.unverifiable)',
  },
  leadVerificationRate: {
    label: '查实率',
    unit: 'percent',
    direction: 'higherIsBetter',
    subject: 'squad',
    // A "hard KPI" in the source, but without a figure: the department sets it.
    defaultTarget: null,
    numerator:
      'leads due in the month (deadline inside it) verified, 属实 or 不实, whenever recorded up to the count ' +
      '(enforcement LeadTally.verified); 无法查实 and unanswered leads counted apart (details)',
    denominator: 'leads due in the month (LeadTally.due)',
  },
  leadOnTimeRate: {
    label: '按时查实率',
    unit: 'percent',
    direction: 'higherIsBetter',
    subject: 'squad',
    defaultTarget: null,
    numerator: 'leads due in the month verified by their deadline (enforcement LeadTally.verifiedOnTime)',
    denominator: 'leads due in the month (LeadTally.due)',
  },
  deliveryPunctuality: {
    label: '送货及时率',
    unit: 'percent',
    direction: 'higherIsBetter',
    subject: 'deliveryStaff',
    defaultTarget: null,
    numerator:
      'stops whose recorded time (the server’s completion time, or the retailer’s door confirmation: its own ' +
      'phone’s confirmation or its door code; never the typed arrival) is within the planned window, neither ' +
      '补录 nor a proxy receipt (delivery DeliveryTally.onTime)',
    denominator:
      'stops delivered or failed, and stops still open when their delivery date ended, 未完成 (planned: not ' +
      'on time; confirmed by the retailer on its phone but not completed: judged by that confirmation), ' +
      'counted for the run’s delivery staff (DeliveryTally.deliveries; details.unfinished)',
  },
  proxyReceipts: {
    label: '代接货次数',
    unit: 'count',
    direction: 'lowerIsBetter',
    subject: 'deliveryStaff',
    // Receipt by anyone but the licence holder is forbidden, so the ceiling is zero (DeliveryTally.proxyReceipts).
    defaultTarget: { kind: 'atMost', value: 0 },
  },
} as const satisfies Record<string, KpiDefinition>;

export type KpiCode = keyof typeof definitions;

/** Widened to `KpiDefinition` so that every entry reads the same way; the codes stay exact. */
export const KPI_DEFINITIONS: Readonly<Record<KpiCode, KpiDefinition>> = definitions;

export const KPI_CODES = Object.keys(KPI_DEFINITIONS) as KpiCode[];
