import { isResultOnTime, type LeadDeadlinePolicy, type LeadTiming } from './lead-deadline.rule.js';

/**
 * The counts behind the lead KPIs of one group of leads (a squad's, or a reporter's, for a month). The KPI
 * context turns them into rates (see its KPI table); SQL computes the same counts with one GROUP BY.
 *
 *   查实率 verification rate   = withResult ÷ received
 *   on-time rate               = withResultOnTime ÷ withResult: how fast results come, while leads still
 *                                without a result already lower the verification rate
 *   线索真实性 authenticity     = confirmed ÷ withResult (无法查实 counts against the reporter: the lead
 *                                did not give enough to act on)
 *
 * The group is the leads *reported* in the month. `asOf` fixes the moment results are counted up to, so a
 * month closed on the 1st and recomputed after a crash counts exactly the same results.
 */
export interface LeadTally {
  readonly received: number;
  readonly withResult: number;
  readonly withResultOnTime: number;
  readonly confirmed: number;
  readonly unfounded: number;
  readonly unverifiable: number;
}

export function tallyLeads(leads: readonly LeadTiming[], asOf: Date, policy?: LeadDeadlinePolicy): LeadTally {
  if (Number.isNaN(asOf.getTime())) throw new RangeError('asOf is not a valid instant');
  const tally = {
    received: 0,
    withResult: 0,
    withResultOnTime: 0,
    confirmed: 0,
    unfounded: 0,
    unverifiable: 0,
  };
  for (const lead of leads) {
    tally.received++;
    const verification = lead.verification;
    if (verification === null || verification.recordedAt.getTime() > asOf.getTime()) continue;
    tally.withResult++;
    tally[verification.result]++;
    if (isResultOnTime({ ...lead, verification }, policy)) tally.withResultOnTime++;
  }
  return tally;
}
