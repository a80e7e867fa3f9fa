/**
 * Reproducible random samples: which guidance visits a market manager checks 有效指导抽查. The same seed
 * and ids always give the same sample, so a sample proposed on Monday is still the one shown on Friday and
 * an inspector can recompute it; a different seed (another month or manager) gives another sample.
 */
export function checkSampleSeed(month: string, accountManagerId: string): string {
  return `${month}/${accountManagerId}`;
}

/**
 * Picks `size` distinct ids (all of them when there are fewer). The ids are de-duplicated and sorted first
 * (numerically when they are all numbers), so the sample depends on the set of ids and not on the order a
 * query returned them in. The result is in draw order.
 */
export function seededSample<T extends string | number>(seed: string, ids: readonly T[], size: number): T[] {
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new RangeError(`sample size must be a non-negative whole number (got ${size})`);
  }
  const pool = sortedIds([...new Set(ids)]);
  const draws = Math.min(size, pool.length);
  const random = mulberry32(fnv1a32(seed));
  // The first `draws` steps of a Fisher–Yates shuffle: each remaining id is equally likely at each step.
  for (let i = 0; i < draws; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, draws);
}

function sortedIds<T extends string | number>(ids: T[]): T[] {
  if (ids.every((id) => typeof id === 'number')) return ids.sort((a, b) => (a as number) - (b as number));
  const text = (id: T) => String(id);
  return ids.sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
}

/** 32-bit FNV-1a over the UTF-8 bytes of the seed: a well-known, portable string hash. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash = Math.imul(hash ^ byte, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a tiny 32-bit PRNG, good enough to pick samples and identical on every platform. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
