import {
  type CellValue,
  digitsText,
  type ImportColumn,
  type Parsed,
  fail,
  ok,
  integerCell,
  textCell,
  yesNoCell,
  dateCell,
  yesNoText,
  type SheetColumn,
} from '#libs/shared';
import {
  BUSINESS_SCALES,
  BUSINESS_TYPES,
  type BusinessScale,
  type BusinessType,
  checkLicenseNo,
  GRADE_MAX,
  GRADE_MIN,
  MARKET_TYPES,
  type MarketType,
  type CodeTable,
} from '../domain/index.js';
import { parseWeekday, weekdayLabel } from '../domain/index.js';
import { RETAILER_STATUS_LABELS } from '../domain/index.js';
import type { RetailerView } from '../retailer-view.js';

export type RetailerImportKey =
  | 'licenseNo'
  | 'shopName'
  | 'ownerName'
  | 'phone'
  | 'address'
  | 'territoryCode'
  | 'businessType'
  | 'marketType'
  | 'scale'
  | 'grade'
  | 'districtType'
  | 'orderWeekday'
  | 'reachableSms'
  | 'reachableWechat'
  | 'reachablePortal'
  | 'ownerBirthday'
  | 'licenseValidFrom'
  | 'licenseValidTo';

/** One row of a retailer import once every cell has been read. */
export interface RetailerImportValues {
  licenseNo: string;
  shopName: string;
  ownerName: string;
  phone: string | null;
  address: string;
  territoryCode: string;
  businessType: BusinessType;
  marketType: MarketType;
  scale: BusinessScale;
  grade: number;
  /** As typed: a type's name (居民社区) or code; resolved against the configured list. */
  districtType: string | null;
  orderWeekday: number;
  reachableSms: boolean | null;
  reachableWechat: boolean | null;
  reachablePortal: boolean | null;
  ownerBirthday: string | null;
  licenseValidFrom: string | null;
  licenseValidTo: string | null;
}

const LICENSE_REASONS = {
  LICENSE_NO_EMPTY: () => '必填',
  LICENSE_NO_NOT_DIGITS: () => '只能包含数字',
  LICENSE_NO_WRONG_LENGTH: (length: number) => `应为${length}位数字`,
} as const;

function licenseNoCell(length: number) {
  return (value: Exclude<CellValue, null>): Parsed<string> => {
    const text = digitsText(value);
    if (!text.ok) return text;
    const check = checkLicenseNo(text.value, { length });
    return check.ok ? ok(check.value) : fail(LICENSE_REASONS[check.code](length));
  };
}

function codeCell<C extends string>(table: CodeTable<C>) {
  const labels = table.entries.map((e) => e.label).join('、');
  return (value: Exclude<CellValue, null>): Parsed<C> => {
    const code = table.parse(String(value));
    return code === undefined ? fail(`应为：${labels}`) : ok(code);
  };
}

function weekdayCell(value: Exclude<CellValue, null>): Parsed<number> {
  const weekday = parseWeekday(String(value));
  return weekday === undefined ? fail('应为周一至周日') : ok(weekday);
}

function phoneCell(value: Exclude<CellValue, null>): Parsed<string> {
  const text = typeof value === 'number' ? String(value) : String(value).trim();
  return /^[0-9+\- ]{5,20}$/.test(text) ? ok(text) : fail('应为5–20位数字（可含+、-）');
}

const YES_NO = '是 / 否，空白为否';

/** The import template's columns, in order (the licence length is configured). */
export function retailerImportColumns(licenseNoLength: number): ImportColumn<RetailerImportKey>[] {
  return [
    {
      key: 'licenseNo',
      header: '专卖许可证号',
      aliases: ['许可证号'],
      required: true,
      parse: licenseNoCell(licenseNoLength),
      note: `${licenseNoLength}位数字，设为文本格式以免丢失开头的0；按此号新增或更新`,
      example: '362501000123'.padEnd(licenseNoLength, '0').slice(0, licenseNoLength),
      width: 16,
    },
    {
      key: 'shopName',
      header: '店铺名称',
      required: true,
      parse: textCell(64),
      note: '最多64字',
      example: '张记便利店',
      width: 20,
    },
    {
      key: 'ownerName',
      header: '负责人',
      aliases: ['经营者', '负责人姓名'],
      required: true,
      parse: textCell(32),
      note: '最多32字',
      example: '张建国',
    },
    {
      key: 'phone',
      header: '联系电话',
      required: false,
      parse: phoneCell,
      note: '手机或座机',
      example: '13807910001',
      width: 14,
    },
    {
      key: 'address',
      header: '经营地址',
      required: true,
      parse: textCell(200),
      note: '最多200字',
      example: '示范县城关镇人民路128号',
      width: 28,
    },
    {
      key: 'territoryCode',
      header: '片区编码',
      required: true,
      parse: textCell(32),
      note: '您管辖范围内的片区编码，如 T001',
      example: 'T001',
      width: 10,
    },
    {
      key: 'businessType',
      header: '业态',
      required: true,
      parse: codeCell(BUSINESS_TYPES),
      note: BUSINESS_TYPES.entries.map((e) => `${e.label}(${e.code})`).join('、'),
      example: '便利',
      width: 10,
    },
    {
      key: 'marketType',
      header: '市场类型',
      aliases: ['城乡类型'],
      required: true,
      parse: codeCell(MARKET_TYPES),
      note: '城镇 / 乡村',
      example: '城镇',
      width: 10,
    },
    {
      key: 'scale',
      header: '经营规模',
      required: true,
      parse: codeCell(BUSINESS_SCALES),
      note: '大 / 中 / 小',
      example: '中',
      width: 10,
    },
    {
      key: 'grade',
      header: '档位',
      required: true,
      parse: integerCell(GRADE_MIN, GRADE_MAX),
      note: `${GRADE_MIN}–${GRADE_MAX}。新零售户立即生效；已有零售户的变化从下一个档位周期起生效`,
      example: 12,
      width: 8,
    },
    {
      key: 'districtType',
      header: '商圈类型',
      aliases: ['商圈'],
      required: false,
      parse: textCell(32),
      note: '商圈类型名称（见“说明”页），可空',
      example: '居民社区',
      width: 12,
    },
    {
      key: 'orderWeekday',
      header: '订货日',
      required: true,
      parse: weekdayCell,
      note: '周一至周日',
      example: '周二',
      width: 8,
    },
    {
      key: 'reachableSms',
      header: '短信可达',
      required: false,
      parse: yesNoCell,
      note: YES_NO,
      example: '是',
      width: 8,
    },
    {
      key: 'reachableWechat',
      header: '微信可达',
      required: false,
      parse: yesNoCell,
      note: YES_NO,
      example: '是',
      width: 8,
    },
    {
      key: 'reachablePortal',
      header: '订货平台可达',
      required: false,
      parse: yesNoCell,
      note: YES_NO,
      example: '否',
      width: 10,
    },
    {
      key: 'ownerBirthday',
      header: '负责人生日',
      required: false,
      parse: dateCell,
      note: '日期，如 1975-06-18',
      example: '1975-06-18',
      width: 12,
    },
    {
      key: 'licenseValidFrom',
      header: '许可证有效期起',
      required: false,
      parse: dateCell,
      note: '日期',
      example: '2024-01-01',
      width: 14,
    },
    {
      key: 'licenseValidTo',
      header: '许可证有效期止',
      required: false,
      parse: dateCell,
      note: '日期，不早于有效期起',
      example: '2028-12-31',
      width: 14,
    },
  ];
}

/** Columns only the export has (ignored when an export is imported back). */
export const RETAILER_EXPORT_ONLY_HEADERS = [
  '片区',
  '客户服务部',
  '档位生效日',
  '待生效档位',
  '待生效日期',
  '大户',
  '大户依据',
  '经营状态',
  '状态原因',
  '系统编号',
] as const;

export function retailerExportColumns(licenseNoLength: number): SheetColumn[] {
  const importColumns = retailerImportColumns(licenseNoLength).map((c) => ({
    header: c.header,
    width: c.width,
  }));
  return [
    ...importColumns.slice(0, 6),
    { header: '片区', width: 12 },
    { header: '客户服务部', width: 14 },
    ...importColumns.slice(6),
    { header: '档位生效日', width: 12 },
    { header: '待生效档位', width: 10 },
    { header: '待生效日期', width: 12 },
    { header: '大户', width: 6 },
    { header: '大户依据', width: 10 },
    { header: '经营状态', width: 10 },
    { header: '状态原因', width: 20 },
    { header: '系统编号', width: 10 },
  ];
}

const BIG_ACCOUNT_SOURCE_LABELS: Record<RetailerView['bigAccountSource'], string> = {
  computed: '按月计算',
  override: '人工认定',
  none: '',
};

/** One export row, in `retailerExportColumns` order; text as people read it, the licence as text. */
export function retailerExportRow(r: RetailerView, districtNames: Map<string, string>): unknown[] {
  return [
    r.licenseNo,
    r.shopName,
    r.ownerName,
    r.phone ?? '',
    r.address,
    r.territoryCode ?? '',
    r.territoryName ?? '',
    r.serviceCenterName ?? '',
    BUSINESS_TYPES.labelOf(r.businessType),
    MARKET_TYPES.labelOf(r.marketType),
    BUSINESS_SCALES.labelOf(r.scale),
    r.grade,
    r.districtType ? (districtNames.get(r.districtType) ?? r.districtType) : '',
    weekdayLabel(r.orderWeekday),
    yesNoText(r.reachableSms),
    yesNoText(r.reachableWechat),
    yesNoText(r.reachablePortal),
    r.ownerBirthday ?? '',
    r.licenseValidFrom ?? '',
    r.licenseValidTo ?? '',
    r.gradeSince,
    r.pendingGrade?.grade ?? '',
    r.pendingGrade?.effectiveFrom ?? '',
    yesNoText(r.bigAccount),
    BIG_ACCOUNT_SOURCE_LABELS[r.bigAccountSource],
    RETAILER_STATUS_LABELS[r.status],
    r.statusReason ?? '',
    r.id,
  ];
}
