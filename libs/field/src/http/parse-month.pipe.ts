import { Injectable, type PipeTransform } from '@nestjs/common';
import { commonError } from '#libs/shared';
import { isMonth } from '../rules/business-calendar.js';

/** A month in the path: YYYY-MM, else VALIDATION_FAILED. */
@Injectable()
export class ParseMonthPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !isMonth(value)) {
      throw commonError('VALIDATION_FAILED', [{ field: 'month', errors: ['month must be a month YYYY-MM'] }]);
    }
    return value;
  }
}
