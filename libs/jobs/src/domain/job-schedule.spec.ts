import { describe, expect, it } from '@jest/globals';
import { JOB_SCHEDULE, type JobScheduleEntry, scheduleEntry, scheduleProblems } from './job-schedule.js';

const entry = (name: string, after: string[] = []): JobScheduleEntry => ({
  name,
  label: name,
  cron: '0 6 * * *',
  when: '每天 06:00',
  reads: [],
  after,
  scope: 'all',
});

describe('the schedule table', () => {
  it('names each job once and waits only for jobs it holds', () => {
    expect(scheduleProblems()).toEqual([]);
    expect(scheduleEntry('reports.month-close')).toMatchObject({ scope: 'department', forceable: true });
    expect(scheduleEntry('no.such-job')).toBeUndefined();
  });

  it('finds a job named twice, one waiting for an unknown job, one waiting for itself', () => {
    expect(scheduleProblems([entry('a'), entry('a'), entry('b', ['c']), entry('d', ['d'])])).toEqual([
      'a twice',
      'b after unknown c',
      'd after itself',
    ]);
  });

  it('gives every job a five-field schedule, a Chinese label and what it reads', () => {
    for (const job of JOB_SCHEDULE) {
      expect({ name: job.name, fields: job.cron.split(' ').length }).toEqual({ name: job.name, fields: 5 });
      expect({ name: job.name, chinese: /[\u4e00-\u9fff]/.test(job.label + job.when) }).toEqual({
        name: job.name,
        chinese: true,
      });
      expect(job.reads.length).toBeGreaterThan(0);
    }
  });
});
