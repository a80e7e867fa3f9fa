import { EXACT_GUIDE_PRICE } from '#libs/catalog';
import {
  DEFAULT_FIELD_TARGET_POLICY,
  DEFAULT_VISIT_CADENCE_POLICY,
  type FieldTargetPolicy,
} from '../domain/index.js';

/** The settings of a department's field policy (see FieldPolicy). */
export interface FieldPolicyValues {
  bigAccountVisitDays: number;
  regularVisitDays: number;
  urbanVisitsPerDay: number;
  ruralVisitsPerDay: number;
  callsPerDay: number;
  priceToleranceBp: number;
  visitBackdateDays: number;
  guidanceCheckSampleSize: number;
}

/** What a department without a policy of its own works to: the source's practice. */
export const DEFAULT_FIELD_POLICY: Readonly<FieldPolicyValues> = {
  bigAccountVisitDays: DEFAULT_VISIT_CADENCE_POLICY.maxDaysBetweenVisits.bigAccount,
  regularVisitDays: DEFAULT_VISIT_CADENCE_POLICY.maxDaysBetweenVisits.regular,
  urbanVisitsPerDay: DEFAULT_FIELD_TARGET_POLICY.visitsPerWorkingDay.urban,
  ruralVisitsPerDay: DEFAULT_FIELD_TARGET_POLICY.visitsPerWorkingDay.rural,
  callsPerDay: DEFAULT_FIELD_TARGET_POLICY.callsPerWorkingDay,
  priceToleranceBp: EXACT_GUIDE_PRICE.basisPoints,
  visitBackdateDays: 7,
  guidanceCheckSampleSize: 5,
};

export const FIELD_POLICY_KEYS = Object.keys(DEFAULT_FIELD_POLICY) as Array<keyof FieldPolicyValues>;

/** The daily visit and call targets a department's policy sets, as the domain's target rule takes them. */
export function fieldTargetPolicy(policy: FieldPolicyValues): FieldTargetPolicy {
  return {
    visitsPerWorkingDay: { urban: policy.urbanVisitsPerDay, rural: policy.ruralVisitsPerDay },
    callsPerWorkingDay: policy.callsPerDay,
  };
}
