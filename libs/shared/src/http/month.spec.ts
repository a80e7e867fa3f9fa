import { describe, expect, it } from '@jest/globals';
import { validateSync } from 'class-validator';
import { IsMonthText, ParseMonthPipe } from './month.js';

class Query {
  @IsMonthText()
  month: string;
}

const valid = (month: string) => validateSync(Object.assign(new Query(), { month })).length === 0;

describe('months in requests', () => {
  it.each(['2026-01', '2026-12', '1999-10'])('takes %s', (month) => {
    expect(valid(month)).toBe(true);
    expect(new ParseMonthPipe().transform(month)).toBe(month);
  });

  it.each(['2026-13', '2026-00', '2026-1', '2026-11-01', '202611', ' 2026-11', ''])('refuses %j', (month) => {
    expect(valid(month)).toBe(false);
    expect(() => new ParseMonthPipe().transform(month)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }) as unknown as Error,
    );
  });
});
