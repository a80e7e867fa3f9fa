import { accept, refuse, type Outcome, type Refusal } from '#libs/kernel';

/** A retailer's quota for the month as it stands: `used` = ordered + reserved. */
export interface CurrentQuota {
  retailerId: string;
  cap: number;
  used: number;
}

export interface ProposedCap {
  retailerId: string;
  cap: number;
}

export interface RebalancedCap {
  retailerId: string;
  previousCap: number;
  cap: number;
  used: number;
}

export type RebalanceRefusal =
  | Refusal<'QUOTA_CAP_INVALID', { retailerId: string; cap: number }>
  | Refusal<'QUOTA_REBALANCE_DUPLICATE_RETAILER', { retailerId: string }>
  | Refusal<'QUOTA_REBALANCE_UNKNOWN_RETAILER', { retailerId: string }>
  | Refusal<'QUOTA_REBALANCE_TOTAL_CHANGED', { totalBefore: number; totalAfter: number }>
  | Refusal<'QUOTA_BELOW_USED', { retailerId: string; cap: number; used: number }>;

/**
 * Moves cap between retailers of one territory or service center for a month (rule 4). `current` holds the
 * quotas of the retailers named in `proposed` (more is harmless: unnamed retailers keep their cap and are not
 * counted). The rebalance is all or nothing: the first problem refuses it, checked in this order — malformed
 * entries (in proposal order), then the total of the named retailers, then each new cap against what is used.
 */
export function rebalanceCaps(
  current: readonly CurrentQuota[],
  proposed: readonly ProposedCap[],
): Outcome<RebalancedCap[], RebalanceRefusal> {
  const currentById = new Map(current.map((quota) => [quota.retailerId, quota]));
  const named = new Set<string>();
  for (const { retailerId, cap } of proposed) {
    if (!Number.isSafeInteger(cap) || cap < 0) {
      return refuse('QUOTA_CAP_INVALID', `A cap must be a whole number of cartons ≥ 0`, { retailerId, cap });
    }
    if (named.has(retailerId)) {
      return refuse('QUOTA_REBALANCE_DUPLICATE_RETAILER', `Retailer ${retailerId} is listed twice`, {
        retailerId,
      });
    }
    if (!currentById.has(retailerId)) {
      return refuse('QUOTA_REBALANCE_UNKNOWN_RETAILER', `Retailer ${retailerId} has no quota in this set`, {
        retailerId,
      });
    }
    named.add(retailerId);
  }

  const rebalanced = proposed.map(({ retailerId, cap }) => {
    const { cap: previousCap, used } = currentById.get(retailerId)!;
    return { retailerId, previousCap, cap, used };
  });
  // BigInt: many safe caps can add up past 2^53, where a Number sum would compare wrongly.
  const totalBefore = rebalanced.reduce((sum, entry) => sum + BigInt(entry.previousCap), 0n);
  const totalAfter = rebalanced.reduce((sum, entry) => sum + BigInt(entry.cap), 0n);
  if (totalBefore !== totalAfter) {
    return refuse(
      'QUOTA_REBALANCE_TOTAL_CHANGED',
      `A rebalance must keep the total: ${totalBefore} cartons before, ${totalAfter} after`,
      { totalBefore: Number(totalBefore), totalAfter: Number(totalAfter) },
    );
  }
  const belowUsed = rebalanced.find((entry) => entry.cap < entry.used);
  if (belowUsed) {
    const { retailerId, cap, used } = belowUsed;
    return refuse(
      'QUOTA_BELOW_USED',
      `Retailer ${retailerId} has already ordered or reserved ${used} cartons; its cap cannot be ${cap}`,
      { retailerId, cap, used },
    );
  }
  return accept(rebalanced);
}
