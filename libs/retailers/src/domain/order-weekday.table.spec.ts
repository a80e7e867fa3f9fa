import { describe, expect, it } from '@jest/globals';
import { parseWeekday, weekdayLabel, WEEKDAY_LABELS } from './order-weekday.table.js';

describe('order weekdays', () => {
  it.each([
    ['周一', 1],
    [' 星期三 ', 3],
    ['5', 5],
    ['周日', 7],
    ['星期天', 7],
  ])('reads %p as %d', (text, weekday) => {
    expect(parseWeekday(text)).toBe(weekday);
  });

  it.each(['周八', '0', '8', 'Monday', ''])('names no weekday in %p', (text) => {
    expect(parseWeekday(text)).toBeUndefined();
  });

  it('labels every weekday and reads its own labels back', () => {
    expect(WEEKDAY_LABELS.map((_, i) => parseWeekday(weekdayLabel(i + 1)))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(() => weekdayLabel(0)).toThrow(RangeError);
  });
});
