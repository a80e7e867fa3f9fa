import { describe, expect, it } from '@jest/globals';
import { type DemandCycleWindow, demandWindowRefusal } from './demand-window.rule.js';

const opensAt = new Date('2026-12-13T04:00:00Z');
const cutoffAt = new Date('2026-12-14T08:00:00Z');
const cycle = (status: DemandCycleWindow['status']): DemandCycleWindow => ({ status, opensAt, cutoffAt });
const before = new Date('2026-12-13T03:59:59Z');
const inside = new Date('2026-12-14T07:59:59Z');
const atCutoff = cutoffAt;
const nextMorning = new Date('2026-12-15T01:00:00Z');

describe('demandWindowRefusal', () => {
  it('lets both channels in while the window is open', () => {
    for (const status of ['scheduled', 'open'] as const) {
      expect(demandWindowRefusal('self', cycle(status), inside)).toBeNull();
      expect(demandWindowRefusal('collected', cycle(status), inside)).toBeNull();
    }
  });

  it('keeps both out before the window opens and of a cancelled cycle', () => {
    expect(demandWindowRefusal('self', cycle('scheduled'), before)).toBe('CYCLE_CLOSED');
    expect(demandWindowRefusal('collected', cycle('scheduled'), before)).toBe('CYCLE_CLOSED');
    expect(demandWindowRefusal('collected', cycle('cancelled'), inside)).toBe('CYCLE_CLOSED');
  });

  it('takes collected demand after the cutoff until consolidation, never the retailer’s own', () => {
    // Cut off by the job, or past the cutoff time with the job still to run.
    for (const [status, now] of [
      ['cut_off', nextMorning],
      ['cut_off', inside],
      ['open', atCutoff],
      ['open', nextMorning],
    ] as const) {
      expect(demandWindowRefusal('collected', cycle(status), now)).toBeNull();
      expect(demandWindowRefusal('self', cycle(status), now)).toBe('CYCLE_CLOSED');
    }
  });

  it('refuses collected demand with its own code once the unified order is made', () => {
    expect(demandWindowRefusal('collected', cycle('consolidated'), nextMorning)).toBe('CYCLE_CONSOLIDATED');
    expect(demandWindowRefusal('self', cycle('consolidated'), nextMorning)).toBe('CYCLE_CLOSED');
  });
});
