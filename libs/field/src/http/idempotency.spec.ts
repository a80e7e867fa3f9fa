import { describe, expect, it } from '@jest/globals';
import { canonicalJson, requestHash } from './idempotency.js';

describe('canonicalJson / requestHash', () => {
  it('ignores key order and undefined fields, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined } })).toBe('{"a":{"d":[2,1]},"b":1}');
    expect(requestHash({ a: 1, b: [1, 2] })).toBe(requestHash({ b: [1, 2], a: 1 }));
    expect(requestHash({ a: 1, b: [1, 2] })).not.toBe(requestHash({ a: 1, b: [2, 1] }));
  });

  it('hashes class instances by their fields', () => {
    class Dto {
      constructor(
        readonly kind: string,
        readonly at: Date,
      ) {}
    }
    expect(requestHash(new Dto('routine', new Date('2026-11-28T02:00:00Z')))).toBe(
      requestHash({ at: '2026-11-28T02:00:00.000Z', kind: 'routine' }),
    );
  });
});
