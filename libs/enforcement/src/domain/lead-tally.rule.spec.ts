import { describe, expect, it } from '@jest/globals';
import { type LeadImportance, type VerificationResult } from './lead-classification.table.js';
import { type LeadTiming } from './lead-deadline.rule.js';
import { tallyLeads } from './lead-tally.rule.js';

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

// One squad's leads reported in March 2024 (deadlines: important 3 days, normal 7).
const march = [
  lead('important', '2024-03-01T02:00:00Z', 'confirmed', '2024-03-02T02:00:00Z'), // 1 day: on time
  lead('important', '2024-03-05T02:00:00Z', 'unfounded', '2024-03-09T02:00:00Z'), // 4 days: late
  lead('normal', '2024-03-10T02:00:00Z', 'unverifiable', '2024-03-17T02:00:00Z'), // exactly 7 days: on time
  lead('normal', '2024-03-12T00:00:00Z', 'confirmed', '2024-03-12T08:00:00Z'), // same day: on time
  lead('normal', '2024-03-20T02:00:00Z'), // no result yet
  lead('important', '2024-03-30T02:00:00Z', 'confirmed', '2024-04-01T02:00:00Z'), // 2 days, but in April
];

describe('tallyLeads', () => {
  it('counts a month as of its close (2024-04-01 00:00 in Shanghai)', () => {
    // Received 6; results by the close: leads 1–4; on time: 1, 3, 4; confirmed: 1, 4.
    // So 查实率 4/6, on-time rate 3/4, authenticity 2/4.
    expect(tallyLeads(march, new Date('2024-03-31T16:00:00Z'))).toEqual({
      received: 6,
      withResult: 4,
      withResultOnTime: 3,
      confirmed: 2,
      unfounded: 1,
      unverifiable: 1,
    });
  });

  it('counts results recorded after the month when asked later', () => {
    // Lead 6 now has its result, 2 days after report: on time and confirmed.
    expect(tallyLeads(march, new Date('2024-04-02T00:00:00Z'))).toEqual({
      received: 6,
      withResult: 5,
      withResultOnTime: 4,
      confirmed: 3,
      unfounded: 1,
      unverifiable: 1,
    });
  });

  it('uses the department deadlines', () => {
    // With 5 days for important leads, lead 2 (4 days) is on time too.
    const policy = { daysByImportance: { important: 5, normal: 7 } };
    expect(tallyLeads(march, new Date('2024-03-31T16:00:00Z'), policy).withResultOnTime).toBe(4);
  });

  it('counts nothing for no leads, and refuses an invalid asOf', () => {
    expect(tallyLeads([], new Date('2024-04-01T00:00:00Z'))).toEqual({
      received: 0,
      withResult: 0,
      withResultOnTime: 0,
      confirmed: 0,
      unfounded: 0,
      unverifiable: 0,
    });
    expect(() => tallyLeads(march, new Date('not a date'))).toThrow(RangeError);
  });
});
