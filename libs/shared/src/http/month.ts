import { Injectable, type PipeTransform } from '@nestjs/common';
import { Matches } from 'class-validator';
import { commonError } from '../errors/index.js';

/** A calendar month as the API writes it: YYYY-MM. */
export const MONTH_TEXT = /^\d{4}-(0[1-9]|1[0-2])$/;

const MESSAGE = 'must be a month YYYY-MM';

/** A DTO field holding a month, YYYY-MM. */
export const IsMonthText = () => Matches(MONTH_TEXT, { message: `$property ${MESSAGE}` });

/** A month in the path: YYYY-MM, else VALIDATION_FAILED. */
@Injectable()
export class ParseMonthPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !MONTH_TEXT.test(value)) {
      throw commonError('VALIDATION_FAILED', [{ field: 'month', errors: [`month ${MESSAGE}`] }]);
    }
    return value;
  }
}
