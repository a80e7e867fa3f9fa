import { accept, type Outcome, type Refusal, refuse } from '#libs/kernel';

/**
 * Big accounts 大户 get stricter supervision. A retailer is one for a month when it bought at least
 * `minMonthlyCartons`, or more than `localAverageMultiple` times the local average.
 */
export interface BigAccountPolicy {
  readonly minMonthlyCartons: number;
  readonly localAverageMultiple: number;
}

export const DEFAULT_BIG_ACCOUNT_POLICY: BigAccountPolicy = {
  minMonthlyCartons: 1_000,
  localAverageMultiple: 5,
};

/**
 * "Local" is the retailer's service center 客户服务部: wider than one territory, so a territory full of
 * big shops does not hide them by raising its own average. The average is over every active retailer of
 * the center in that month, the retailer itself and retailers who bought nothing included (a plain AVG in
 * SQL); with hundreds of retailers per center, counting the retailer itself changes nothing in practice.
 */
export interface LocalVolume {
  readonly totalCartons: number;
  readonly retailerCount: number;
}

export type BigAccountGround = 'monthlyVolume' | 'aboveLocalAverage';

export interface BigAccountAssessment {
  readonly isBigAccount: boolean;
  /** Which rules made it one (both may apply); empty when it is not one. */
  readonly grounds: readonly BigAccountGround[];
}

export function assessBigAccount(
  monthlyCartons: number,
  local: LocalVolume,
  policy: BigAccountPolicy = DEFAULT_BIG_ACCOUNT_POLICY,
): BigAccountAssessment {
  assertCartons('monthlyCartons', monthlyCartons);
  assertCartons('local totalCartons', local.totalCartons);
  if (!Number.isSafeInteger(local.retailerCount) || local.retailerCount < 1) {
    throw new RangeError('the local area must count at least the retailer itself');
  }
  if (local.totalCartons < monthlyCartons) {
    throw new RangeError("the local total must include the retailer's own volume");
  }
  const grounds: BigAccountGround[] = [];
  if (monthlyCartons >= policy.minMonthlyCartons) grounds.push('monthlyVolume');
  // v > k × (total ÷ n), multiplied out so that no average is ever rounded.
  if (monthlyCartons * local.retailerCount > policy.localAverageMultiple * local.totalCartons) {
    grounds.push('aboveLocalAverage');
  }
  return { isBigAccount: grounds.length > 0, grounds };
}

/** A market manager's decision that overrules the computed flag; the reason is what makes it auditable. */
export interface BigAccountOverride {
  readonly isBigAccount: boolean;
  readonly reason: string;
}

export type BigAccountOverrideCheck = Outcome<
  BigAccountOverride,
  Refusal<'BIG_ACCOUNT_OVERRIDE_REASON_REQUIRED', { readonly isBigAccount: boolean }>
>;

export function checkBigAccountOverride(override: BigAccountOverride): BigAccountOverrideCheck {
  const reason = override.reason.trim();
  if (reason === '') {
    return refuse(
      'BIG_ACCOUNT_OVERRIDE_REASON_REQUIRED',
      'Setting the big-account flag by hand needs a reason',
      {
        isBigAccount: override.isBigAccount,
      },
    );
  }
  return accept({ isBigAccount: override.isBigAccount, reason });
}

export interface BigAccountStatus {
  readonly isBigAccount: boolean;
  readonly source: 'computed' | 'override';
  readonly grounds: readonly BigAccountGround[];
  readonly overrideReason: string | null;
}

/** The flag that applies: an override wins, but the computed grounds stay visible next to it. */
export function bigAccountStatus(
  assessment: BigAccountAssessment,
  override: BigAccountOverride | null,
): BigAccountStatus {
  if (override === null) {
    return {
      isBigAccount: assessment.isBigAccount,
      source: 'computed',
      grounds: assessment.grounds,
      overrideReason: null,
    };
  }
  const checked = checkBigAccountOverride(override);
  if (!checked.ok) throw new RangeError('an override without a reason must be refused before it is stored');
  return {
    isBigAccount: checked.value.isBigAccount,
    source: 'override',
    grounds: assessment.grounds,
    overrideReason: checked.value.reason,
  };
}

function assertCartons(name: string, cartons: number): void {
  if (!Number.isSafeInteger(cartons) || cartons < 0) {
    throw new RangeError(`${name} must be a non-negative whole number of cartons (got ${cartons})`);
  }
}

/** The cycles of a month whose order day falls in it and that are neither consolidated nor cancelled yet. */
export interface UnfinishedCycles {
  readonly cycles: number;
  readonly lastOrderDate: string | null;
}

/** What the monthly assessment waits for, in words for the job board (a `JobWait`). */
export interface BigAccountWait {
  reason: 'cycles-not-finished';
  text: string;
  details: { month: string; cycles: number; lastOrderDate: string | null };
}

/**
 * A month's volumes are final once every cycle ordering in it is consolidated or cancelled: the month's last
 * order day is consolidated the next morning, after the month is over. Assessed earlier, a Thursday
 * territory's retailers would lose their 31 December. Null: the month may be assessed.
 */
export function bigAccountWait(month: string, unfinished: UnfinishedCycles): BigAccountWait | null {
  if (unfinished.cycles === 0) return null;
  return {
    reason: 'cycles-not-finished',
    text: `${month} 还有 ${unfinished.cycles} 个订货周期未汇总（最后订货日 ${unfinished.lastOrderDate}），大户评定待汇总后进行`,
    details: { month, cycles: unfinished.cycles, lastOrderDate: unfinished.lastOrderDate },
  };
}
