import { describe, expect, it } from '@jest/globals';
import { jsonNestsDeeperThan } from './json-body.js';

describe('jsonNestsDeeperThan', () => {
  it.each([
    ['{}', 1, false],
    ['{}', 0, true],
    ['[[1]]', 2, false],
    ['[[1]]', 1, true],
    ['{"a":[{"b":[]}]}', 4, false],
    ['{"a":[{"b":[]}]}', 3, true],
    // Siblings do not add up: depth is how deep, not how many.
    ['[[],[],[],[]]', 2, false],
    // Brackets inside strings, escaped quotes included, are text.
    ['{"a":"[[[[{{{{"}', 1, false],
    ['{"a":"\\"[[[["}', 1, false],
    ['{"a":"\\\\","b":[[]]}', 2, true],
  ])('%s nests deeper than %i: %s', (text, max, expected) => {
    expect(jsonNestsDeeperThan(text, max)).toBe(expected);
    expect(jsonNestsDeeperThan(Buffer.from(text), max)).toBe(expected);
  });

  it('reads multi-byte UTF-8 in a buffer without mistaking its bytes for brackets', () => {
    expect(jsonNestsDeeperThan(Buffer.from('{"零售户":"🚬[[["}'), 1)).toBe(false);
  });

  it('stops at the first level over the cap (10k levels cost nothing)', () => {
    expect(jsonNestsDeeperThan(`${'['.repeat(10_000)}${']'.repeat(10_000)}`, 32)).toBe(true);
  });
});
