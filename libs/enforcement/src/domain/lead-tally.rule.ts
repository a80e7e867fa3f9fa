import { isResultOnTime, type LeadDeadlinePolicy, leadDueAt, type LeadTiming } from './lead-deadline.rule.js';

/**
 * The counts behind the lead KPIs of one group of leads (a squad's, or a reporter's) for a period. The KPI
 * context turns them into rates (see the README's KPI table); SQL computes the same counts with one GROUP BY.
 *
 * The group is the leads **due** in the period (their deadline, fixed when reported, falls inside it): what
 * the squad owed a result for. A result counts for the period the lead was due in, whenever it was recorded
 * up to `asOf`, so a lead reported on the 28th with a 7-day deadline belongs to next month and an answer on
 * day 6 is not lost to this one.
 *
 *   查实率 verification rate   = verified ÷ due: a finding either way, 属实 (confirmed) or 不实 (unfounded)
 *   按时查实率 on-time rate     = verifiedOnTime ÷ due
 *   线索真实性 authenticity     = confirmed ÷ verified (the reporter's leads that were found to be true)
 *
 * 无法查实 (unverifiable) is its own count: it is an answer, but not a finding, so it never raises the
 * verification rate (answering every lead "无法查实" scores 0 %, not 100 %) and is no verdict on the reporter.
 * `asOf` fixes the moment results are counted up to, so a recount of a closed month counts the same.
 */
export interface LeadTally {
  /** Leads whose deadline falls in the period. */
  readonly due: number;
  /** Of those, with a finding (属实 or 不实) recorded by `asOf`. */
  readonly verified: number;
  /** Of the verified, recorded by the deadline. */
  readonly verifiedOnTime: number;
  readonly confirmed: number;
  readonly unfounded: number;
  /** 无法查实 recorded by `asOf`: counted apart. */
  readonly unverifiable: number;
  /** Due leads without any result by `asOf`. */
  readonly unanswered: number;
}

/** A span of instants, start included, end excluded (a business month: its first instant to the next's). */
export interface LeadPeriod {
  readonly start: Date;
  readonly end: Date;
}

export function tallyLeads(
  leads: readonly LeadTiming[],
  period: LeadPeriod,
  asOf: Date,
  policy?: LeadDeadlinePolicy,
): LeadTally {
  if (Number.isNaN(asOf.getTime())) throw new RangeError('asOf is not a valid instant');
  if (!(period.start.getTime() < period.end.getTime())) throw new RangeError('the period is empty');
  const tally = {
    due: 0,
    verified: 0,
    verifiedOnTime: 0,
    confirmed: 0,
    unfounded: 0,
    unverifiable: 0,
    unanswered: 0,
  };
  for (const lead of leads) {
    const due = leadDueAt(lead, policy).getTime();
    if (due < period.start.getTime() || due >= period.end.getTime()) continue;
    tally.due++;
    const verification = lead.verification;
    if (verification === null || verification.recordedAt.getTime() > asOf.getTime()) {
      tally.unanswered++;
      continue;
    }
    tally[verification.result]++;
    if (verification.result === 'unverifiable') continue;
    tally.verified++;
    if (isResultOnTime({ ...lead, verification }, policy)) tally.verifiedOnTime++;
  }
  return tally;
}

/** A rate kept with its parts (the KPI context's `Rate` shape): `ratio` is null when nothing was measured. */
export interface LeadRate {
  readonly numerator: number;
  readonly denominator: number;
  readonly ratio: number | null;
}

export interface LeadRates {
  /** 查实率 = verified ÷ due (per squad). */
  readonly verificationRate: LeadRate;
  /** 按时查实率 = verifiedOnTime ÷ due (per squad). */
  readonly onTimeRate: LeadRate;
  /** 线索真实性 = confirmed ÷ verified (per reporter). */
  readonly authenticity: LeadRate;
}

export function leadRates(tally: LeadTally): LeadRates {
  return {
    verificationRate: ratioOf(tally.verified, tally.due),
    onTimeRate: ratioOf(tally.verifiedOnTime, tally.due),
    authenticity: ratioOf(tally.confirmed, tally.verified),
  };
}

function ratioOf(numerator: number, denominator: number): LeadRate {
  return { numerator, denominator, ratio: denominator === 0 ? null : numerator / denominator };
}
