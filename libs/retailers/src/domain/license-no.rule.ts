/** 专卖许可证号: digits only, of a configured length (12 in most provinces). */
export interface LicenseNoPolicy {
  readonly length: number;
}

export const DEFAULT_LICENSE_NO_POLICY: LicenseNoPolicy = { length: 12 };

export type LicenseNoError = 'LICENSE_NO_EMPTY' | 'LICENSE_NO_NOT_DIGITS' | 'LICENSE_NO_WRONG_LENGTH';

export type LicenseNoCheck =
  { readonly ok: true; readonly licenseNo: string } | { readonly ok: false; readonly code: LicenseNoError };

/**
 * Surrounding spaces (common in pasted or imported cells) are trimmed and the trimmed number is returned
 * for storage; anything else that is not an ASCII digit is refused rather than repaired. Import cells must be
 * read as text: a number cell would already have lost leading zeros.
 */
export function checkLicenseNo(
  value: string,
  policy: LicenseNoPolicy = DEFAULT_LICENSE_NO_POLICY,
): LicenseNoCheck {
  if (!Number.isSafeInteger(policy.length) || policy.length < 1) {
    throw new RangeError(`licence number length must be a positive integer (got ${policy.length})`);
  }
  const licenseNo = value.trim();
  if (licenseNo === '') return { ok: false, code: 'LICENSE_NO_EMPTY' };
  if (!/^[0-9]+$/.test(licenseNo)) return { ok: false, code: 'LICENSE_NO_NOT_DIGITS' };
  if (licenseNo.length !== policy.length) return { ok: false, code: 'LICENSE_NO_WRONG_LENGTH' };
  return { ok: true, licenseNo };
}
