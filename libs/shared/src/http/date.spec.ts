import { describe, expect, it } from '@jest/globals';
import { validateSync } from 'class-validator';
import { IsDateText } from './date.js';

class Query {
  @IsDateText()
  on: unknown;
}

const problems = (on: unknown) => validateSync(Object.assign(new Query(), { on }));

describe('dates in requests', () => {
  it.each(['2026-01-31', '2024-02-29', '1999-10-01'])('takes %s', (on) => {
    expect(problems(on)).toEqual([]);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-1-01', '2026-11-01T00:00:00Z', ' 2026-11-01', '', 20261101])(
    'refuses %j',
    (on) => {
      expect(problems(on)[0].constraints).toEqual({ isDateText: 'on must be a date YYYY-MM-DD' });
    },
  );
});
