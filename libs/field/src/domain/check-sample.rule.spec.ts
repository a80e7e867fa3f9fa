import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkSampleSeed, fnv1a32, seededSample } from './check-sample.rule.js';

const visits = Array.from({ length: 100 }, (_, i) => `visit-${String(i).padStart(3, '0')}`);

describe('fnv1a32', () => {
  it.each([
    ['', 0x811c9dc5], // the offset basis
    ['a', 0xe40c292c], // published FNV-1a test vectors
    ['foobar', 0xbf9cf968],
  ])('hashes %p to the published value', (text, hash) => {
    expect(fnv1a32(text)).toBe(hash);
  });
});

describe('seededSample', () => {
  const seed = checkSampleSeed('2024-05', 'am-7');

  it('builds the seed from month and account manager', () => {
    expect(seed).toBe('2024-05/am-7');
  });

  it('gives the same sample for the same seed and ids, whatever order the ids come in', () => {
    const sample = seededSample(seed, visits, 5);
    expect(seededSample(seed, visits, 5)).toEqual(sample);
    expect(seededSample(seed, [...visits].reverse(), 5)).toEqual(sample);
  });

  it('is pinned: changing the algorithm would silently change every past month’s sample', () => {
    // Cross-checked against a separate Python implementation of FNV-1a + mulberry32 + Fisher–Yates.
    expect(seededSample(seed, visits, 5)).toEqual(PINNED_SAMPLE);
  });

  it('usually gives another sample for another seed', () => {
    const samples = new Set(
      Array.from({ length: 50 }, (_, m) => seededSample(checkSampleSeed(`m${m}`, 'am-7'), visits, 5).join()),
    );
    // C(100, 5) ≈ 75 million possible samples: 50 seeds colliding would mean a broken generator.
    expect(samples.size).toBe(50);
  });

  it('picks every id about equally often', () => {
    // 4,000 seeds each picking 1 of 4 ids: about 1,000 each (±150 is over 5 standard deviations).
    const counts = new Map<string, number>();
    for (let i = 0; i < 4_000; i++) {
      const [id] = seededSample(`seed-${i}`, ['a', 'b', 'c', 'd'], 1);
      counts.set(id as string, (counts.get(id as string) ?? 0) + 1);
    }
    for (const id of ['a', 'b', 'c', 'd']) {
      expect(counts.get(id)).toBeGreaterThan(850);
      expect(counts.get(id)).toBeLessThan(1_150);
    }
  });

  it.each([
    [0, 0],
    [3, 3],
    [100, 100],
    [250, 100], // asking for more than there are gives all of them
  ])('asked for %d of 100 gives %d', (size, length) => {
    expect(seededSample(seed, visits, size)).toHaveLength(length);
  });

  it('samples numeric ids independently of their order too', () => {
    const ids = Array.from({ length: 30 }, (_, i) => (i * 37) % 101);
    const sample = seededSample(seed, ids, 4);
    expect(seededSample(seed, [...ids].reverse(), 4)).toEqual(sample);
    for (const id of sample) expect(ids).toContain(id);
  });

  it('handles no ids and duplicate ids', () => {
    expect(seededSample(seed, [], 5)).toEqual([]);
    expect(seededSample(seed, ['x', 'x', 'y'], 5).sort()).toEqual(['x', 'y']);
  });

  it.each([-1, 1.5, Number.NaN])('refuses size %p', (size) => {
    expect(() => seededSample(seed, visits, size)).toThrow(RangeError);
  });

  it('draws distinct ids from the list', () => {
    fc.assert(
      fc.property(fc.string(), fc.uniqueArray(fc.string()), fc.nat(50), (anySeed, ids, size) => {
        const sample = seededSample(anySeed, ids, size);
        expect(sample).toHaveLength(Math.min(size, ids.length));
        expect(new Set(sample).size).toBe(sample.length);
        for (const id of sample) expect(ids).toContain(id);
      }),
    );
  });
});

const PINNED_SAMPLE = ['visit-046', 'visit-075', 'visit-020', 'visit-033', 'visit-030'];
