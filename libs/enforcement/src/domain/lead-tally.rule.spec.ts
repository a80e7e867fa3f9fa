import { describe, expect, it } from '@jest/globals';
import { type LeadImportance, type VerificationResult } from './lead-classification.table.js';
import { type LeadTiming } from './lead-deadline.rule.js';
import { leadRates, tallyLeads } from './lead-tally.rule.js';

const lead = (
  importance: LeadImportance,
  reportedAt: string,
  result?: VerificationResult,
  recordedAt?: string,
): LeadTiming => ({
  importance,
  reportedAt: new Date(reportedAt),
  verification: result === undefined ? null : { result, recordedAt: new Date(recordedAt as string) },
});

// Business months in Asia/Shanghai (UTC+8): November 2024 runs from 10-31 16:00Z to 11-30 16:00Z.
const november = { start: new Date('2024-10-31T16:00:00Z'), end: new Date('2024-11-30T16:00:00Z') };
const december = { start: new Date('2024-11-30T16:00:00Z'), end: new Date('2024-12-31T16:00:00Z') };
const endOfNovember = november.end;

// One squad's leads (deadlines: important 3 days, normal 7), with the day each is due:
const leads = [
  lead('important', '2024-11-01T02:00:00Z', 'confirmed', '2024-11-02T02:00:00Z'), // due 11-04: 属实 on time
  lead('important', '2024-11-05T02:00:00Z', 'unfounded', '2024-11-09T02:00:00Z'), // due 11-08: 不实, a day late
  lead('normal', '2024-11-10T02:00:00Z', 'unverifiable', '2024-11-17T02:00:00Z'), // due 11-17: 无法查实
  lead('normal', '2024-11-12T00:00:00Z', 'confirmed', '2024-11-12T08:00:00Z'), // due 11-19: same day
  lead('normal', '2024-11-20T02:00:00Z'), // due 11-27: no answer
  lead('normal', '2024-11-23T02:00:00Z', 'confirmed', '2024-12-02T02:00:00Z'), // due 11-30: answered late, in December
  lead('normal', '2024-11-28T02:00:00Z', 'confirmed', '2024-12-04T02:00:00Z'), // due 12-05: December's, on time
  lead('important', '2024-10-29T02:00:00Z', 'unfounded', '2024-10-31T02:00:00Z'), // reported in October, due 11-01
];

describe('tallyLeads: leads due in the period', () => {
  it('counts November as of its close', () => {
    // Due in November: leads 1–6 and 8 (7 leads). Findings by the close: 1 属实, 2 不实, 4 属实, 8 不实 = 4;
    // on time: 1, 4, 8. Lead 3 is 无法查实, apart; leads 5 and 6 have no answer yet.
    expect(tallyLeads(leads, november, endOfNovember)).toEqual({
      due: 7,
      verified: 4,
      verifiedOnTime: 3,
      confirmed: 2,
      unfounded: 2,
      unverifiable: 1,
      unanswered: 2,
    });
  });

  it('attributes a result recorded after the month end to the month the lead was due in', () => {
    // Recounted on 12-03 (a correction of November): lead 6's late answer now counts for November, not on time.
    expect(tallyLeads(leads, november, new Date('2024-12-03T00:00:00Z'))).toMatchObject({
      due: 7,
      verified: 5,
      verifiedOnTime: 3,
      unanswered: 1,
    });
    // Lead 7 (reported 11-28, due 12-05, answered on day 6) belongs to December and counts there, on time.
    expect(tallyLeads(leads, december, new Date('2024-12-31T16:00:00Z'))).toEqual({
      due: 1,
      verified: 1,
      verifiedOnTime: 1,
      confirmed: 1,
      unfounded: 0,
      unverifiable: 0,
      unanswered: 0,
    });
  });

  it('does not let 无法查实 raise the rate: a squad answering every lead with it scores 0 %', () => {
    const evasive = [
      lead('normal', '2024-11-02T02:00:00Z', 'unverifiable', '2024-11-03T02:00:00Z'),
      lead('normal', '2024-11-05T02:00:00Z', 'unverifiable', '2024-11-06T02:00:00Z'),
      lead('important', '2024-11-10T02:00:00Z', 'unverifiable', '2024-11-10T05:00:00Z'),
    ];
    const tally = tallyLeads(evasive, november, endOfNovember);
    expect(tally).toEqual({
      due: 3,
      verified: 0,
      verifiedOnTime: 0,
      confirmed: 0,
      unfounded: 0,
      unverifiable: 3,
      unanswered: 0,
    });
    // …and none of it is held against the reporter: authenticity has nothing to measure.
    expect(leadRates(tally)).toEqual({
      verificationRate: { numerator: 0, denominator: 3, ratio: 0 },
      onTimeRate: { numerator: 0, denominator: 3, ratio: 0 },
      authenticity: { numerator: 0, denominator: 0, ratio: null },
    });
  });

  it('uses the deadline fixed at report time, and the department policy otherwise', () => {
    // Lead 2 was reported when important leads had 5 days: due 11-10, its 11-09 finding is on time.
    const stored = leads.map((l, i) =>
      i === 1 ? { ...l, deadlineAt: new Date('2024-11-10T02:00:00Z') } : l,
    );
    expect(tallyLeads(stored, november, endOfNovember).verifiedOnTime).toBe(4);
    const policy = { daysByImportance: { important: 5, normal: 7 } };
    expect(tallyLeads(leads, november, endOfNovember, policy).verifiedOnTime).toBe(4);
  });

  it('counts nothing for no leads, and refuses an invalid asOf or an empty period', () => {
    expect(tallyLeads([], november, endOfNovember)).toEqual({
      due: 0,
      verified: 0,
      verifiedOnTime: 0,
      confirmed: 0,
      unfounded: 0,
      unverifiable: 0,
      unanswered: 0,
    });
    expect(() => tallyLeads(leads, november, new Date('not a date'))).toThrow(RangeError);
    expect(() => tallyLeads(leads, { start: november.end, end: november.start }, endOfNovember)).toThrow(
      RangeError,
    );
  });
});

describe('leadRates', () => {
  it('makes 查实率, 按时查实率 and authenticity from the November tally', () => {
    // due 7, verified 4, on time 3, confirmed 2 (see above).
    expect(leadRates(tallyLeads(leads, november, endOfNovember))).toEqual({
      verificationRate: { numerator: 4, denominator: 7, ratio: 4 / 7 },
      onTimeRate: { numerator: 3, denominator: 7, ratio: 3 / 7 },
      authenticity: { numerator: 2, denominator: 4, ratio: 0.5 },
    });
  });

  it('has no ratio where nothing was measured', () => {
    const none = leadRates(tallyLeads([lead('normal', '2024-11-20T02:00:00Z')], november, endOfNovember));
    expect(none.verificationRate).toEqual({ numerator: 0, denominator: 1, ratio: 0 });
    expect(none.authenticity.ratio).toBeNull();
  });
});
