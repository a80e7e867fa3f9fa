import { describe, expect, it } from '@jest/globals';
import { checkLicenseNo, type LicenseNoError } from './license-no.rule.js';

describe('checkLicenseNo with the default length 12', () => {
  it.each([
    ['620102100123', '620102100123'],
    [' 620102100123\t', '620102100123'], // pasted cells carry spaces
  ])('accepts %p as %s', (value, licenseNo) => {
    expect(checkLicenseNo(value)).toEqual({ ok: true, value: licenseNo });
  });

  it.each<[string, LicenseNoError]>([
    ['', 'LICENSE_NO_EMPTY'],
    ['   ', 'LICENSE_NO_EMPTY'],
    ['62010210012', 'LICENSE_NO_WRONG_LENGTH'], // 11 digits
    ['6201021001234', 'LICENSE_NO_WRONG_LENGTH'], // 13 digits
    ['62010210012A', 'LICENSE_NO_NOT_DIGITS'],
    ['620102-10012', 'LICENSE_NO_NOT_DIGITS'],
    ['6201 0210012', 'LICENSE_NO_NOT_DIGITS'],
    ['６２０１０２１００１２３', 'LICENSE_NO_NOT_DIGITS'], // full-width digits from a Chinese IME
    ['-62010210012', 'LICENSE_NO_NOT_DIGITS'],
  ])('refuses %p with %s', (value, code) => {
    expect(checkLicenseNo(value)).toMatchObject({ ok: false, code, details: { value, length: 12 } });
  });
});

describe('checkLicenseNo with a configured length', () => {
  it('checks against the configured length', () => {
    expect(checkLicenseNo('62010210012345', { length: 14 })).toEqual({ ok: true, value: '62010210012345' });
    expect(checkLicenseNo('620102100123', { length: 14 })).toEqual({
      ok: false,
      code: 'LICENSE_NO_WRONG_LENGTH',
      message: 'A licence number has 14 digits',
      details: { value: '620102100123', length: 14 },
    });
  });

  it.each([0, -1, 1.5])('refuses a configured length of %p', (length) => {
    expect(() => checkLicenseNo('1', { length })).toThrow(RangeError);
  });
});
