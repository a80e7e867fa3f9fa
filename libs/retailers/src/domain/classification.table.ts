/**
 * The national retailer classification as code tables. Codes are what the API and database carry; labels
 * are what people read and type in Excel, so each table converts both ways. Parsing also accepts the code
 * itself and common longer spellings (食杂店, 农村, 大型) found in older spreadsheets.
 */
export interface CodeLabel<C extends string> {
  readonly code: C;
  readonly label: string;
  readonly aliases?: readonly string[];
}

export interface CodeTable<C extends string> {
  readonly entries: readonly CodeLabel<C>[];
  readonly codes: readonly C[];
  isCode(value: unknown): value is C;
  labelOf(code: C): string;
  /** The code for a label, an alias or the code itself (surrounding spaces ignored); undefined if none. */
  parse(text: string): C | undefined;
}

function codeTable<const C extends string>(entries: readonly CodeLabel<C>[]): CodeTable<C> {
  const codes = entries.map((entry) => entry.code);
  const labels = new Map(entries.map((entry) => [entry.code, entry.label]));
  const byText = new Map<string, C>();
  for (const { code, label, aliases = [] } of entries) {
    for (const text of [code, label, ...aliases]) byText.set(text, code);
  }
  return {
    entries,
    codes,
    isCode: (value: unknown): value is C => typeof value === 'string' && labels.has(value as C),
    labelOf: (code) => labels.get(code) as string,
    parse: (text) => byText.get(text.trim()),
  };
}

/** 业态 */
export const BUSINESS_TYPES = codeTable([
  { code: 'C', label: '食杂', aliases: ['食杂店'] },
  { code: 'B', label: '便利', aliases: ['便利店'] },
  { code: 'S', label: '超市' },
  { code: 'N', label: '商场' },
  { code: 'Y', label: '烟酒', aliases: ['烟酒店'] },
  { code: 'F', label: '娱乐服务', aliases: ['娱乐服务类'] },
  { code: 'Q', label: '其他' },
]);
export type BusinessType = (typeof BUSINESS_TYPES.codes)[number];

/** 市场类型 */
export const MARKET_TYPES = codeTable([
  { code: 'urban', label: '城镇' },
  { code: 'rural', label: '乡村', aliases: ['农村'] },
]);
export type MarketType = (typeof MARKET_TYPES.codes)[number];

/** 经营规模 */
export const BUSINESS_SCALES = codeTable([
  { code: 'large', label: '大', aliases: ['大型'] },
  { code: 'medium', label: '中', aliases: ['中型'] },
  { code: 'small', label: '小', aliases: ['小型'] },
]);
export type BusinessScale = (typeof BUSINESS_SCALES.codes)[number];
