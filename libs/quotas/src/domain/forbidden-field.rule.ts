import { refuse, type Refusal } from '#libs/kernel';

/**
 * Rule 1 at the door of every quota endpoint. The DTOs' whitelist already refuses unknown fields; these
 * checks run first so that a floor or a per-spec agreement gets its own error code naming the field, which
 * tells the caller the thing is forbidden, not merely misspelt. Only keys are inspected, never values.
 */
export interface ForbiddenField {
  key: string;
  /** Dotted path from the body's root, array indexes included: `caps.1.minCartons`. */
  path: string;
}

export type ForbiddenFieldRefusal = Refusal<
  'QUOTA_FLOOR_FORBIDDEN' | 'QUOTA_PER_BRAND_AGREEMENT_FORBIDDEN',
  ForbiddenField
>;

/** `minCartons`, `LOWER_LIMIT`, `XMLMin` → ['min', 'cartons'], ['lower', 'limit'], ['xml', 'min']. */
function wordsOf(key: string): string[] {
  return (
    key
      .replace(/([a-z\d])([A-Z])/g, '$1 $2')
      // One capital and a lookahead, not [A-Z]+: that backtracks quadratically on a long run of capitals.
      .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((word) => word.length > 0)
  );
}

/** A word glued from a head and a tail, as in all-lowercase keys: `mincartons`, `lowerlimit`, `perbrand`. */
function isGlued(word: string, heads: readonly string[], tails: ReadonlySet<string>): boolean {
  return heads.some((head) => word.startsWith(head) && tails.has(word.slice(head.length)));
}

function hasPair(
  words: readonly string[],
  firsts: ReadonlySet<string>,
  seconds: ReadonlySet<string>,
): boolean {
  return words.some((word, i) => firsts.has(word) && seconds.has(words[i + 1]));
}

// Whole words only, so `minute`, `admin`, `terminal`, `mint` and `reminder` stay clear of `min`.
const FLOOR_WORDS = new Set([
  'floor',
  'floors',
  'min',
  'minimum',
  'minimums',
  'minima',
  'minimal',
  'least',
  'atleast',
  'guarantee',
  'guaranteed',
  'guarantees',
]);
const LOWER_WORDS = new Set(['lower', 'bottom']);
const BOUND_WORDS = new Set(['limit', 'limits', 'bound', 'bounds', 'line']);
/** A shop's floor area 营业面积 is a size, not a floor on volume. */
const FLOOR_AREA_WORDS = new Set(['area', 'space', 'plan']);
const FLOOR_HEADS = ['minimum', 'minimal', 'min', 'floor', 'guaranteed', 'lower', 'bottom'];
const QUANTITY_TAILS = new Set([
  ...BOUND_WORDS,
  'cartons',
  'carton',
  'volume',
  'volumes',
  'qty',
  'quantity',
  'amount',
  'order',
  'orders',
  'supply',
  'purchase',
  'sales',
  'total',
]);
/** 下限 lower limit, 保底 guaranteed minimum, 最低/最少 lowest/least, 起订 minimum order, 底线 bottom line. */
const CHINESE_FLOOR_TERMS = ['下限', '保底', '最低', '最少', '起订', '底线'];

/** Whether a key names a floor, a minimum or a lower limit of any kind. */
export function isFloorKey(key: string): boolean {
  if (CHINESE_FLOOR_TERMS.some((term) => key.includes(term))) return true;
  const words = wordsOf(key);
  return (
    words.some(
      (word, i) =>
        (FLOOR_WORDS.has(word) && !(word === 'floor' && FLOOR_AREA_WORDS.has(words[i + 1]))) ||
        isGlued(word, FLOOR_HEADS, QUANTITY_TAILS),
    ) || hasPair(words, LOWER_WORDS, BOUND_WORDS)
  );
}

const BRAND_WORDS = new Set([
  'brand',
  'brands',
  'spec',
  'specs',
  'specification',
  'specifications',
  'sku',
  'skus',
]);
const PER_WORDS = new Set(['per', 'by', 'each']);
const COMMITMENT_WORDS = new Set([
  'agreed',
  'agreement',
  'agreements',
  'committed',
  'commitment',
  'commitments',
  'promised',
  'obligation',
  'obligations',
  'target',
  'targets',
  'quota',
  'quotas',
  'volume',
  'volumes',
]);
const QUANTITY_WORDS = new Set([
  ...COMMITMENT_WORDS,
  'cartons',
  'carton',
  'quantity',
  'qty',
  'amount',
  'total',
]);
/** A per-spec ceiling is allowed (scarce limits, rule 5): only an amount to deliver or buy is an agreement. */
const CAP_WORDS = new Set(['max', 'maximum', 'limit', 'limits', 'cap', 'caps', 'ceiling', 'upper']);
/** 按规格/按品牌 by spec/brand, 分规格 split by spec; 约定 agreed, 承诺 promised, 销量 sales, 协议, 任务 target. */
const CHINESE_PER_SPEC_TERMS = ['按规格', '按品牌', '分规格'];
const CHINESE_SPEC_TERMS = ['规格', '品牌'];
const CHINESE_COMMITMENT_TERMS = ['约定', '承诺', '销量', '协议', '任务', '定量'];

const PER_HEADS = [...PER_WORDS];
const BRAND_HEADS = [...BRAND_WORDS];

/** Whether a key names a spec: `brandId`, `spec`, `skuCode`, `规格`. */
function namesSpec(key: string): boolean {
  return (
    wordsOf(key).some((word) => BRAND_WORDS.has(word)) || CHINESE_SPEC_TERMS.some((t) => key.includes(t))
  );
}

/** Whether a key is an amount to deliver or buy (`cartons`, `agreed`, `committedQty`), not a ceiling. */
function namesCommittedQuantity(key: string): boolean {
  const words = wordsOf(key);
  return words.some((word) => QUANTITY_WORDS.has(word)) && !words.some((word) => CAP_WORDS.has(word));
}

/** Whether a key names a per-specification agreed volume by itself: `perBrand`, `brandVolumes`, `按规格`. */
export function isPerBrandAgreementKey(key: string): boolean {
  if (CHINESE_PER_SPEC_TERMS.some((term) => key.includes(term))) return true;
  if (
    CHINESE_SPEC_TERMS.some((term) => key.includes(term)) &&
    CHINESE_COMMITMENT_TERMS.some((term) => key.includes(term))
  ) {
    return true;
  }
  const words = wordsOf(key);
  return (
    (words.some((word) => BRAND_WORDS.has(word)) && words.some((word) => COMMITMENT_WORDS.has(word))) ||
    hasPair(words, PER_WORDS, BRAND_WORDS) ||
    words.some(
      (word) => isGlued(word, PER_HEADS, BRAND_WORDS) || isGlued(word, BRAND_HEADS, COMMITMENT_WORDS),
    )
  );
}

/**
 * The first key of a JSON body that `testerFor` flags: the keys of an object before anything nested in it,
 * objects in document order. `testerFor` sees an object's keys once and returns the test for each of them, so
 * facts about siblings cost one pass per object, not one per key. Iterative: deep nesting cannot overflow.
 */
function findKey(
  body: unknown,
  testerFor: (keys: readonly string[]) => (key: string) => boolean,
): ForbiddenField | undefined {
  const pending: Array<{ value: unknown; path: string }> = [{ value: body, path: '' }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    const entries = Object.entries(value);
    if (!Array.isArray(value)) {
      const keys = entries.map(([key]) => key);
      const flagged = keys.find(testerFor(keys));
      if (flagged !== undefined) return { key: flagged, path: path === '' ? flagged : `${path}.${flagged}` };
    }
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      pending.push({ value: child, path: path === '' ? key : `${path}.${key}` });
    }
  }
  return undefined;
}

export function findFloorField(body: unknown): ForbiddenField | undefined {
  return findKey(body, () => isFloorKey);
}

/**
 * A per-specification agreed volume in a quota request: a key naming one (`perBrand`, `specAgreements`), or a
 * quantity beside a spec (`{brandId, cartons}`). Only for quota requests: a demand line is `{brandId, cartons}`.
 */
export function findPerBrandAgreementField(body: unknown): ForbiddenField | undefined {
  return findKey(body, (keys) => {
    const besideSpec = keys.some(namesSpec);
    return (key) =>
      isPerBrandAgreementKey(key) || (besideSpec && !namesSpec(key) && namesCommittedQuantity(key));
  });
}

/** Screens a quota request body: a floor first (the graver breach), then a per-spec agreement. */
export function findForbiddenQuotaField(body: unknown): ForbiddenFieldRefusal | undefined {
  const floor = findFloorField(body);
  if (floor) {
    return refuse(
      'QUOTA_FLOOR_FORBIDDEN',
      `Quotas have a cap only, never a floor or minimum: field "${floor.path}" is not accepted`,
      floor,
    );
  }
  const perBrand = findPerBrandAgreementField(body);
  if (perBrand) {
    return refuse(
      'QUOTA_PER_BRAND_AGREEMENT_FORBIDDEN',
      `Volumes are never agreed per specification: field "${perBrand.path}" is not accepted`,
      perBrand,
    );
  }
  return undefined;
}
