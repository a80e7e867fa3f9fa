import { describe, expect, it } from '@jest/globals';
import { type CookieRequestFacts, crossSiteRefusal, isForeignOrigin } from './cross-site.rule.js';

const own = 'https://console.example';
const facts = (change: Partial<CookieRequestFacts>): CookieRequestFacts => ({
  method: 'POST',
  origin: own,
  ownOrigin: own,
  trustedOrigins: [],
  csrfHeader: 'abc123',
  csrfCookie: 'abc123',
  ...change,
});

describe('crossSiteRefusal', () => {
  it('lets a same-site change through with the matching double-submit token', () => {
    expect(crossSiteRefusal(facts({}))).toBeNull();
    expect(crossSiteRefusal(facts({ origin: undefined }))).toBeNull();
    expect(
      crossSiteRefusal(facts({ origin: 'http://localhost:5173', trustedOrigins: ['http://localhost:5173'] })),
    ).toBeNull();
  });

  it('refuses a change from a foreign origin, even with the token', () => {
    expect(crossSiteRefusal(facts({ origin: 'https://evil.example' }))).toBe('ORIGIN_FORBIDDEN');
    expect(crossSiteRefusal(facts({ origin: 'null', method: 'delete' }))).toBe('ORIGIN_FORBIDDEN');
  });

  it('refuses a change without the header, without the cookie or with another token', () => {
    expect(crossSiteRefusal(facts({ csrfHeader: undefined }))).toBe('CSRF_TOKEN_INVALID');
    expect(crossSiteRefusal(facts({ csrfCookie: undefined }))).toBe('CSRF_TOKEN_INVALID');
    expect(crossSiteRefusal(facts({ csrfHeader: '', csrfCookie: '' }))).toBe('CSRF_TOKEN_INVALID');
    expect(crossSiteRefusal(facts({ csrfHeader: 'abc124' }))).toBe('CSRF_TOKEN_INVALID');
    expect(crossSiteRefusal(facts({ csrfHeader: 'abc1234' }))).toBe('CSRF_TOKEN_INVALID');
    expect(crossSiteRefusal(facts({ method: 'PATCH', csrfHeader: 'abc' }))).toBe('CSRF_TOKEN_INVALID');
  });

  it('lets reads through from anywhere the cookie is sent', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) {
      expect(
        crossSiteRefusal(facts({ method, origin: 'https://evil.example', csrfHeader: undefined })),
      ).toBeNull();
    }
  });
});

describe('isForeignOrigin', () => {
  it('is foreign only when an Origin is sent that is neither ours nor trusted', () => {
    expect(isForeignOrigin(undefined, own, [])).toBe(false);
    expect(isForeignOrigin(own, own, [])).toBe(false);
    expect(isForeignOrigin('https://a.example', own, ['https://a.example'])).toBe(false);
    expect(isForeignOrigin('http://console.example', own, [])).toBe(true);
  });
});
