import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  KPI_DEFINITIONS,
  type KeyBrandCultivationReport,
  type KpiCell,
  type KpiCode,
  type KpiMonthReport,
  type KpiRow,
  type KpiTarget,
  type KpiUnit,
} from '#libs/kpi';
import {
  type ColumnFormat,
  type TableColumn,
  type TableOptions,
  writeTable as writeSheet,
} from './sheet-table.js';

/** The workbook's sheets, in order. */
export const KPI_WORKBOOK_SHEETS = [
  '封面',
  '客户经理考核',
  '客户服务部汇总',
  '品牌预测准确率',
  '经营指导明细',
  '零售指导价落实',
  '线索查实',
  '送货及时率',
  '品牌培育',
] as const;

export interface ForecastLineRow {
  serviceCenterName: string;
  territoryName: string;
  accountManager: string;
  brandCode: string;
  brandName: string;
  keyBrand: boolean;
  forecastCartons: number;
  /** Asked for by retailers, before rationing (A). */
  demandCartons: number;
  /** Supplied after rationing, shown beside A. */
  orderedCartons: number;
  errorCartons: number;
  /** Null when the spec was not demanded (its whole forecast is error, counted in the totals). */
  accuracy: number | null;
  forecastMissing: boolean;
}

export interface GuidanceRow {
  visitedOn: string;
  serviceCenterName: string;
  territoryName: string;
  accountManager: string;
  licenseNo: string;
  shopName: string;
  /** Its place in the account manager's check sample (1 = drawn first); null when not drawn. */
  sampleDraw: number | null;
  topics: string;
  advice: string;
  check: 'effective' | 'ineffective' | 'unchecked';
  checkNote: string;
  checker: string;
  checkedAt: string;
}

export interface KpiWorkbookData {
  report: KpiMonthReport;
  /** When the file was made (business-time text). */
  generatedAt: string;
  /** Null while the month is not over (forecast accuracy is measured on whole months). */
  forecastLines: ForecastLineRow[] | null;
  guidance: GuidanceRow[];
  cultivation: KeyBrandCultivationReport;
}

/** The KPI columns of the account-manager and center sheets, in the order of the assessment form. */
const RATE_CODES: readonly KpiCode[] = [
  'guidanceCoverage',
  'guidanceCoverageYearToDate',
  'effectiveGuidance',
  'forecastAccuracy',
  'keyBrandForecastAccuracy',
  'selfReportedDemandShare',
  'policyAwareness',
  'channelCoverage',
  'visitAttainment',
  'callAttainment',
  'keyBrandShelfRate',
  'guidePriceComplianceCarton',
  'guidePriceCompliancePack',
  'leadAuthenticity',
];

const SALES: ReadonlyArray<[KpiCode, string, string, string]> = [
  ['salesCartons', '销量（条）', '去年同期销量（条）', '销量同比'],
  ['salesAmount', '销售额（元）', '去年同期销售额（元）', '销售额同比'],
  ['averagePricePerCarton', '单条价（元）', '去年同期单条价（元）', '单条价同比'],
  ['salesCartonsYearToDate', '年累计销量（条）', '去年同期累计销量（条）', '累计销量同比'],
  ['salesAmountYearToDate', '年累计销售额（元）', '去年同期累计销售额（元）', '累计销售额同比'],
  ['averagePricePerCartonYearToDate', '年累计单条价（元）', '去年同期累计单条价（元）', '累计单条价同比'],
];

function formatOf(unit: KpiUnit): ColumnFormat {
  return unit === 'percent' ? 'percent' : unit === 'yuan' ? 'yuan' : 'integer';
}

/** A KPI value as the sheet holds it: fractions for percentages (formatted), yuan for fen. */
function shown(code: KpiCode, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return KPI_DEFINITIONS[code].unit === 'yuan' ? value / 100 : value;
}

function amountText(code: KpiCode, value: number): string {
  switch (KPI_DEFINITIONS[code].unit) {
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'yuan':
      return `${(value / 100).toFixed(2)} 元`;
    case 'cartons':
      return `${value} 条`;
    case 'count':
      return `${value} 次`;
  }
}

function baselineText(code: KpiCode, label: string, baseline: number | null | undefined): string {
  return baseline === undefined || baseline === null ? '' : `（${label} ${amountText(code, baseline)}）`;
}

/** The target in words, as the cover and the notes on highlighted cells say it. */
export function targetText(code: KpiCode, target: KpiTarget | null, baseline?: number | null): string {
  if (target === null) return '无';
  switch (target.kind) {
    case 'atLeast':
      return `≥ ${amountText(code, target.value)}`;
    case 'atMost':
      return `≤ ${amountText(code, target.value)}`;
    case 'rising': {
      const label = target.baseline === 'previousMonth' ? '上月' : '去年同期';
      return `不低于${label}${baselineText(code, label, baseline)}`;
    }
    case 'upByAmount':
      return `较去年同期增长不少于 ${amountText(code, target.value)}${baselineText(code, '去年同期', baseline)}`;
    case 'upByPercent':
      return `较去年同期增长不少于 ${(target.value * 100).toFixed(1)}%${baselineText(code, '去年同期', baseline)}`;
  }
}

/** The note on a highlighted cell: the target it misses, or why it could not be assessed. */
function missText(code: KpiCode, cell: KpiCell | undefined): string | false {
  if (cell?.status === 'notAssessable')
    return `不可考核：抽查样本 ${cell.details?.sampled ?? 0} 条，已检查 ${cell.denominator ?? 0} 条`;
  return cell?.status === 'below' ? `目标：${targetText(code, cell.target, cell.baseline)}` : false;
}

function kpiColumns(): Array<TableColumn<KpiRow>> {
  const cell = (row: KpiRow, code: KpiCode): KpiCell | undefined => row.kpis[code];
  const below = (code: KpiCode) => (row: KpiRow) => missText(code, cell(row, code));
  return [
    ...RATE_CODES.map((code): TableColumn<KpiRow> => ({
      header: KPI_DEFINITIONS[code].label,
      format: formatOf(KPI_DEFINITIONS[code].unit),
      value: (row) => shown(code, cell(row, code)?.value),
      below: below(code),
    })),
    ...SALES.flatMap(([code, header, lastYearHeader, changeHeader]): Array<TableColumn<KpiRow>> => [
      {
        header,
        format: formatOf(KPI_DEFINITIONS[code].unit),
        value: (row) => shown(code, cell(row, code)?.value),
        below: below(code),
      },
      {
        header: lastYearHeader,
        format: formatOf(KPI_DEFINITIONS[code].unit),
        value: (row) => shown(code, cell(row, code)?.lastYear?.value),
      },
      { header: changeHeader, format: 'percent', value: (row) => cell(row, code)?.lastYear?.change ?? null },
    ]),
  ];
}

const CHECK_TEXT: Record<GuidanceRow['check'], string> = {
  effective: '有效',
  ineffective: '无效',
  unchecked: '未检查',
};

/** Builds the month's KPI workbook 月度考核工作簿 (in memory: a department's month is a few thousand rows). */
export async function buildKpiWorkbook(data: KpiWorkbookData): Promise<Buffer> {
  const { report } = data;
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  // Streamed, styles on: a city's month has tens of thousands of detail rows; in memory they took 0.5 GB.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = (name: (typeof KPI_WORKBOOK_SHEETS)[number]) => name;
  const [year, month] = report.month.split('-');
  const monthText = `${year}年${Number(month)}月`;
  // Every printed page names the department and the month; a center's workbook (no department total) its center.
  const centers = report.department ? [] : report.serviceCenters.map((row) => row.subject.name);
  const pageHeader = [report.departmentName, ...centers, monthText].join(' ');
  const writeTable = <R>(
    name: string,
    columns: ReadonlyArray<TableColumn<R>>,
    rows: readonly R[],
    options?: TableOptions<R>,
  ) => writeSheet(workbook, name, columns, rows, { ...options, pageHeader });

  // 封面
  const state =
    report.source === 'snapshot'
      ? report.correction
        ? `已结账，第 ${report.version} 版（经审批更正后重算：${report.correction.reason}；${data.generatedAt} 生成，前一版本保留）`
        : `已结账（月末快照，${data.generatedAt} 生成，不再变动）`
      : `实时（外勤数据截至 ${report.asOf}，销量截至 ${report.salesThrough}；结账后以快照为准）`;
  const departmentTargets = report.department?.kpis ?? report.territories[0]?.kpis ?? {};
  await writeTable<[string, string]>(
    sheet('封面'),
    [
      { header: '项目', format: 'text', value: (row) => row[0] },
      { header: '内容', format: 'text', value: (row) => row[1] },
    ],
    [
      ['报表', '客户经理月度考核'],
      ['月份', monthText],
      ['营销部', report.departmentName],
      ['数据状态', state],
      ['生成时间', data.generatedAt],
      ['标记说明', '红底深红字：未达到目标（批注中写明目标）；空白：本月无可计量数据'],
      ...report.notes.map((note): [string, string] => ['备注', noteText(note)]),
      ...(Object.keys(KPI_DEFINITIONS) as KpiCode[]).map((code): [string, string] => [
        `目标：${KPI_DEFINITIONS[code].label}`,
        targetText(code, departmentTargets[code]?.target ?? KPI_DEFINITIONS[code].defaultTarget),
      ]),
    ],
  );

  // 客户经理考核
  await writeTable(
    sheet('客户经理考核'),
    [
      { header: '客户服务部', format: 'text', value: (row: KpiRow) => row.subject.serviceCenterName },
      { header: '片区编码', format: 'text', value: (row: KpiRow) => row.subject.code },
      { header: '片区', format: 'text', value: (row: KpiRow) => row.subject.name },
      {
        header: '客户经理',
        format: 'text',
        value: (row: KpiRow) => row.subject.accountManager?.displayName ?? '（空缺）',
      },
      ...kpiColumns(),
    ],
    report.territories,
  );

  // 客户服务部汇总 (the department's total last, bold)
  const centerRows = [...report.serviceCenters, ...(report.department ? [report.department] : [])];
  await writeTable(
    sheet('客户服务部汇总'),
    [
      {
        header: '客户服务部',
        format: 'text',
        value: (row: KpiRow) =>
          row.subject.level === 'department' ? `${row.subject.name}合计` : row.subject.name,
      },
      ...kpiColumns(),
    ],
    centerRows,
    { emphasised: (row) => row.subject.level === 'department' },
  );

  // 品牌预测准确率
  await writeTable<ForecastLineRow>(
    sheet('品牌预测准确率'),
    [
      { header: '客户服务部', format: 'text', value: (r) => r.serviceCenterName },
      { header: '片区', format: 'text', value: (r) => r.territoryName },
      { header: '客户经理', format: 'text', value: (r) => r.accountManager },
      { header: '规格编码', format: 'text', value: (r) => r.brandCode },
      { header: '规格名称', format: 'text', value: (r) => r.brandName },
      { header: '重点品牌', format: 'text', value: (r) => (r.keyBrand ? '是' : '否') },
      { header: '预测量（条）', format: 'integer', value: (r) => r.forecastCartons },
      { header: '需求量（条）', format: 'integer', value: (r) => r.demandCartons },
      { header: '供货量（条）', format: 'integer', value: (r) => r.orderedCartons },
      { header: '偏差（条）', format: 'integer', value: (r) => r.errorCartons },
      { header: '准确率', format: 'percent', value: (r) => r.accuracy },
      {
        header: '说明',
        format: 'text',
        value: (r) => (r.forecastMissing ? '未预测' : r.demandCartons === 0 ? '有预测无需求' : null),
        below: (r) =>
          r.forecastMissing
            ? '有需求但未做预测：按预测 0 条计算'
            : r.demandCartons === 0
              ? '有预测但无零售户需求：预测量全部计入偏差'
              : false,
      },
    ],
    data.forecastLines ?? [],
    { emptyText: data.forecastLines === null ? '预测准确率在月度结束后计算' : '本月无预测或需求' },
  );

  // 经营指导明细
  await writeTable<GuidanceRow>(
    sheet('经营指导明细'),
    [
      { header: '指导日期', format: 'text', value: (r) => r.visitedOn },
      { header: '客户服务部', format: 'text', value: (r) => r.serviceCenterName },
      { header: '片区', format: 'text', value: (r) => r.territoryName },
      { header: '客户经理', format: 'text', value: (r) => r.accountManager },
      { header: '许可证号', format: 'text', value: (r) => r.licenseNo },
      { header: '零售户', format: 'text', value: (r) => r.shopName },
      {
        header: '抽查样本',
        format: 'text',
        value: (r) => (r.sampleDraw === null ? null : `第${r.sampleDraw}个`),
        below: (r) => (r.sampleDraw !== null && r.check === 'unchecked' ? '抽查样本尚未检查' : false),
      },
      { header: '指导内容', format: 'text', value: (r) => r.topics },
      { header: '指导建议', format: 'text', value: (r) => r.advice },
      {
        header: '检查结果',
        format: 'text',
        value: (r) => CHECK_TEXT[r.check],
        below: (r) => (r.check === 'ineffective' ? '市场经理检查认定为无效指导' : false),
      },
      { header: '检查说明', format: 'text', value: (r) => r.checkNote },
      { header: '检查人', format: 'text', value: (r) => r.checker },
      { header: '检查时间', format: 'text', value: (r) => r.checkedAt },
    ],
    data.guidance,
    { emptyText: '本月无经营指导记录' },
  );

  // Rows of people and territories with the department's total last.
  const total = report.department ? [report.department] : [];
  const cellOf = (row: KpiRow, code: KpiCode) => row.kpis[code];
  const detail = (row: KpiRow, code: KpiCode, name: string) => cellOf(row, code)?.details?.[name] ?? 0;
  const belowOf = (code: KpiCode) => (row: KpiRow) => missText(code, cellOf(row, code));
  const totalLabel = (row: KpiRow) =>
    row.subject.level === 'department' ? `${row.subject.name}合计` : row.subject.name;

  // 零售指导价落实: per territory, the department's total last
  const priceColumns = (code: KpiCode, unit: '条' | '盒'): Array<TableColumn<KpiRow>> => [
    { header: `${unit}价检查（规格次）`, format: 'integer', value: (r) => cellOf(r, code)?.denominator ?? 0 },
    { header: `${unit}价不高于指导价`, format: 'integer', value: (r) => cellOf(r, code)?.numerator ?? 0 },
    {
      header: `${unit}价落实率`,
      format: 'percent',
      value: (r) => cellOf(r, code)?.value ?? null,
      below: belowOf(code),
    },
  ];
  await writeTable<KpiRow>(
    sheet('零售指导价落实'),
    [
      { header: '客户服务部', format: 'text', value: (r) => r.subject.serviceCenterName },
      { header: '片区', format: 'text', value: totalLabel },
      {
        header: '客户经理',
        format: 'text',
        value: (r) =>
          r.subject.level === 'territory' ? (r.subject.accountManager?.displayName ?? '（空缺）') : null,
      },
      ...priceColumns('guidePriceComplianceCarton', '条'),
      ...priceColumns('guidePriceCompliancePack', '盒'),
    ],
    [...report.territories, ...total],
    { emphasised: (row) => row.subject.level === 'department', emptyText: '本月无价格检查' },
  );

  // 线索查实: per squad, the department's total last
  await writeTable<KpiRow>(
    sheet('线索查实'),
    [
      { header: '专卖检查队', format: 'text', value: totalLabel },
      {
        header: '到期线索',
        format: 'integer',
        value: (r) => cellOf(r, 'leadVerificationRate')?.denominator ?? 0,
      },
      {
        header: '已查实（属实+不实）',
        format: 'integer',
        value: (r) => cellOf(r, 'leadVerificationRate')?.numerator ?? 0,
      },
      { header: '其中属实', format: 'integer', value: (r) => detail(r, 'leadVerificationRate', 'confirmed') },
      { header: '其中不实', format: 'integer', value: (r) => detail(r, 'leadVerificationRate', 'unfounded') },
      {
        header: '无法查实',
        format: 'integer',
        value: (r) => detail(r, 'leadVerificationRate', 'unverifiable'),
      },
      {
        header: '未出结果',
        format: 'integer',
        value: (r) => detail(r, 'leadVerificationRate', 'unanswered'),
      },
      {
        header: '查实率',
        format: 'percent',
        value: (r) => cellOf(r, 'leadVerificationRate')?.value ?? null,
        below: belowOf('leadVerificationRate'),
      },
      { header: '按时查实', format: 'integer', value: (r) => cellOf(r, 'leadOnTimeRate')?.numerator ?? 0 },
      {
        header: '按时查实率',
        format: 'percent',
        value: (r) => cellOf(r, 'leadOnTimeRate')?.value ?? null,
        below: belowOf('leadOnTimeRate'),
      },
    ],
    [...report.squads, ...total],
    { emphasised: (row) => row.subject.level === 'department', emptyText: '本月无到期线索' },
  );

  // 送货及时率: per delivery staff member, the department's total last
  await writeTable<KpiRow>(
    sheet('送货及时率'),
    [
      { header: '送货员', format: 'text', value: totalLabel },
      { header: '客户服务部', format: 'text', value: (r) => r.subject.serviceCenterName },
      { header: '送货线路', format: 'text', value: (r) => r.subject.route?.name ?? null },
      {
        header: '送货户次',
        format: 'integer',
        value: (r) => cellOf(r, 'deliveryPunctuality')?.denominator ?? 0,
      },
      {
        header: '按时送达',
        format: 'integer',
        value: (r) => cellOf(r, 'deliveryPunctuality')?.numerator ?? 0,
      },
      { header: '早到', format: 'integer', value: (r) => detail(r, 'deliveryPunctuality', 'early') },
      { header: '迟到', format: 'integer', value: (r) => detail(r, 'deliveryPunctuality', 'late') },
      { header: '未送达', format: 'integer', value: (r) => detail(r, 'deliveryPunctuality', 'failed') },
      { header: '未完成', format: 'integer', value: (r) => detail(r, 'deliveryPunctuality', 'unfinished') },
      {
        header: '补录（不计按时）',
        format: 'integer',
        value: (r) => detail(r, 'deliveryPunctuality', 'lateEntries'),
      },
      {
        header: '送货及时率',
        format: 'percent',
        value: (r) => cellOf(r, 'deliveryPunctuality')?.value ?? null,
        below: belowOf('deliveryPunctuality'),
      },
      {
        header: '代接货次数',
        format: 'integer',
        value: (r) => cellOf(r, 'proxyReceipts')?.value ?? 0,
        below: belowOf('proxyReceipts'),
      },
      {
        header: '线索真实性',
        format: 'percent',
        value: (r) => cellOf(r, 'leadAuthenticity')?.value ?? null,
        below: belowOf('leadAuthenticity'),
      },
    ],
    [...report.deliveryStaff, ...total],
    { emphasised: (row) => row.subject.level === 'department', emptyText: '本月无送货记录' },
  );

  // 品牌培育
  const brandOf = new Map(data.cultivation.keyBrands.map((b) => [b.brandId, b]));
  type CultivationRow = {
    center: string;
    territory: string;
    manager: string;
    focusShare: number | null;
    brand: KeyBrandCultivationReport['territories'][number]['brands'][number];
  };
  const cultivationRows: CultivationRow[] = data.cultivation.territories.flatMap((t) =>
    t.brands.map((brand) => ({
      center: t.serviceCenterName,
      territory: t.name,
      manager: t.accountManager?.displayName ?? '（空缺）',
      focusShare: t.focusTier.share,
      brand,
    })),
  );
  await writeTable<CultivationRow>(
    sheet('品牌培育'),
    [
      { header: '客户服务部', format: 'text', value: (r) => r.center },
      { header: '片区', format: 'text', value: (r) => r.territory },
      { header: '客户经理', format: 'text', value: (r) => r.manager },
      { header: '规格编码', format: 'text', value: (r) => brandOf.get(r.brand.brandId)?.code ?? '' },
      { header: '规格名称', format: 'text', value: (r) => brandOf.get(r.brand.brandId)?.name ?? '' },
      { header: '销量（条）', format: 'integer', value: (r) => r.brand.cartons },
      { header: '订购户数', format: 'integer', value: (r) => r.brand.orderingRetailers },
      { header: '上柜率', format: 'percent', value: (r) => r.brand.shelf.ratio },
      { header: '销量占比', format: 'percent', value: (r) => r.brand.share },
      { header: '上月同期（条）', format: 'integer', value: (r) => r.brand.previousMonth.cartons },
      { header: '环比', format: 'percent', value: (r) => r.brand.previousMonth.change },
      { header: '去年同期（条）', format: 'integer', value: (r) => r.brand.lastYear.cartons },
      {
        header: '同比',
        format: 'percent',
        value: (r) => r.brand.lastYear.change,
        below: (r) => ((r.brand.lastYear.change ?? 0) < 0 ? '低于去年同期' : false),
      },
      { header: '片区重点价位销量占比', format: 'percent', value: (r) => r.focusShare },
    ],
    cultivationRows,
    { emptyText: '本年度未设定重点品牌' },
  );

  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}

function noteText(note: KpiMonthReport['notes'][number]): string {
  switch (note.family) {
    case 'guidanceSample':
      return `有效指导抽查样本为临时样本，${note.until ?? ''} 记录期结束时固定`;
    case 'forecast':
      return '预测准确率在月度结束后计算';
    case 'channel':
      return '信息覆盖面：上月未结账，无法与上月比较';
    default:
      return `${note.family}：本月未能计量`;
  }
}
