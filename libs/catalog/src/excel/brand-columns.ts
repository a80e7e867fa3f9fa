import {
  type CellValue,
  dateCell,
  fail,
  type ImportColumn,
  ok,
  type Parsed,
  type SheetColumn,
  textCell,
  yesNoCell,
  yesNoText,
} from '#libs/shared';
import { fenToYuanText, PRICE_CLASS_LABELS, yuanToFen } from '../domain/index.js';
import type { BrandView } from '../brand-view.js';

export type BrandImportKey =
  | 'code'
  | 'name'
  | 'manufacturer'
  | 'wholesalePriceFen'
  | 'retailPriceCartonFen'
  | 'retailPricePackFen'
  | 'launchDate'
  | 'scarce'
  | 'active';

export interface BrandImportValues {
  code: string;
  name: string;
  manufacturer: string;
  wholesalePriceFen: number;
  retailPriceCartonFen: number;
  retailPricePackFen: number;
  launchDate: string | null;
  scarce: boolean | null;
  active: boolean | null;
}

function codeCell(value: Exclude<CellValue, null>): Parsed<string> {
  const text =
    typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : String(value).trim();
  return /^[A-Za-z0-9_-]{1,32}$/.test(text) ? ok(text) : fail('只能包含字母、数字、- 和 _，最多32位');
}

/** Yuan as typed (16.5, "16.50"), kept as integer fen; at most two decimals, more than zero. */
function yuanCell(value: Exclude<CellValue, null>): Parsed<number> {
  if (typeof value !== 'number' && typeof value !== 'string') return fail('应为金额（元）');
  const result = yuanToFen(value);
  if (!result.ok) return fail('应为金额（元），最多两位小数');
  return result.value > 0 ? ok(result.value) : fail('应大于0');
}

export const BRAND_IMPORT_COLUMNS: ImportColumn<BrandImportKey>[] = [
  {
    key: 'code',
    header: '规格编码',
    aliases: ['卷烟编码', '条码'],
    required: true,
    parse: codeCell,
    note: '字母、数字、- 和 _（如条包条码），设为文本格式；按此编码新增或更新',
    example: '6901028075862',
    width: 16,
  },
  {
    key: 'name',
    header: '规格名称',
    aliases: ['卷烟名称'],
    required: true,
    parse: textCell(64),
    note: '最多64字',
    example: '红塔山(硬经典)',
    width: 22,
  },
  {
    key: 'manufacturer',
    header: '生产厂家',
    aliases: ['生产企业', '厂家'],
    required: true,
    parse: textCell(64),
    note: '最多64字',
    example: '红塔烟草(集团)有限责任公司',
    width: 26,
  },
  {
    key: 'wholesalePriceFen',
    header: '批发价（元/条）',
    aliases: ['批发价(元/条)', '批发价', '调拨价（元/条）', '调拨价(元/条)'],
    required: true,
    parse: yuanCell,
    note: '不含税批发价，元/条，最多两位小数；价类由此计算（一类≥100，二类50–100，三类30–50，四类16.5–30，五类<16.5）',
    example: 84.8,
    width: 14,
  },
  {
    key: 'retailPriceCartonFen',
    header: '零售指导价（元/条）',
    aliases: ['零售指导价(元/条)', '条零售指导价'],
    required: true,
    parse: yuanCell,
    note: '元/条，不低于批发价',
    example: 100,
    width: 16,
  },
  {
    key: 'retailPricePackFen',
    header: '零售指导价（元/盒）',
    aliases: ['零售指导价(元/盒)', '零售指导价（元/包）', '零售指导价(元/包)', '盒零售指导价'],
    required: true,
    parse: yuanCell,
    note: '元/盒，不高于条价',
    example: 10,
    width: 16,
  },
  {
    key: 'launchDate',
    header: '上市日期',
    required: false,
    parse: dateCell,
    note: '日期，可空',
    example: '2015-06-01',
    width: 12,
  },
  {
    key: 'scarce',
    header: '紧俏',
    required: false,
    parse: yesNoCell,
    note: '是 / 否，空白为否',
    example: '否',
    width: 6,
  },
  {
    key: 'active',
    header: '在售',
    required: false,
    parse: yesNoCell,
    note: '是 / 否，空白为是',
    example: '是',
    width: 6,
  },
];

export const BRAND_EXPORT_ONLY_HEADERS = [
  '价类',
  '城镇重点价位',
  '乡村重点价位',
  '重点品牌',
  '系统编号',
] as const;

export const BRAND_EXPORT_COLUMNS: SheetColumn[] = [
  ...BRAND_IMPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width })),
  { header: '价类', width: 8 },
  { header: '城镇重点价位', width: 12 },
  { header: '乡村重点价位', width: 12 },
  { header: '重点品牌', width: 14 },
  { header: '系统编号', width: 10 },
];

const KEY_BRAND_LABELS = { national_top20: '全国前20名', equivalent: '视同前20名' } as const;

/** Money as yuan text with two decimals ("84.80"): exact, and read back exactly by the import. */
export function brandExportRow(b: BrandView): unknown[] {
  return [
    b.code,
    b.name,
    b.manufacturer,
    fenToYuanText(b.wholesalePriceFen),
    fenToYuanText(b.retailPriceCartonFen),
    fenToYuanText(b.retailPricePackFen),
    b.launchDate ?? '',
    yesNoText(b.scarce),
    yesNoText(b.active),
    PRICE_CLASS_LABELS[b.priceClass],
    yesNoText(b.focusMarkets.includes('urban')),
    yesNoText(b.focusMarkets.includes('rural')),
    b.keyBrand ? KEY_BRAND_LABELS[b.keyBrand] : '',
    b.id,
  ];
}
