import { accept, type Outcome, type Refusal, refuse } from '#libs/kernel';

/** 专卖许可证号: digits only, of a configured length (12 in most provinces). */
export interface LicenseNoPolicy {
  readonly length: number;
}

export const DEFAULT_LICENSE_NO_POLICY: LicenseNoPolicy = { length: 12 };

export type LicenseNoError = 'LICENSE_NO_EMPTY' | 'LICENSE_NO_NOT_DIGITS' | 'LICENSE_NO_WRONG_LENGTH';

export type LicenseNoCheck = Outcome<
  string,
  Refusal<LicenseNoError, { readonly value: string; readonly length: number }>
>;

/**
 * Surrounding spaces (common in pasted or imported cells) are trimmed and the trimmed number is returned
 * for storage; anything else that is not an ASCII digit is refused rather than repaired. Import cells must be
 * read as text: a number cell would already have lost leading zeros.
 */
export function checkLicenseNo(
  value: string,
  policy: LicenseNoPolicy = DEFAULT_LICENSE_NO_POLICY,
): LicenseNoCheck {
  const { length } = policy;
  if (!Number.isSafeInteger(length) || length < 1) {
    throw new RangeError(`licence number length must be a positive integer (got ${length})`);
  }
  const licenseNo = value.trim();
  const invalid = (code: LicenseNoError, message: string) => refuse(code, message, { value, length });
  if (licenseNo === '') return invalid('LICENSE_NO_EMPTY', 'The licence number is missing');
  if (!/^[0-9]+$/.test(licenseNo))
    return invalid('LICENSE_NO_NOT_DIGITS', 'A licence number has digits only');
  if (licenseNo.length !== length)
    return invalid('LICENSE_NO_WRONG_LENGTH', `A licence number has ${length} digits`);
  return accept(licenseNo);
}
