import { Injectable, type PipeTransform } from '@nestjs/common';
import { commonError } from '../errors/index.js';

const MAX_INT = 2_147_483_647;

/** A path id: a positive 32-bit integer, else VALIDATION_FAILED (never a database error). */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^\d{1,10}$/.test(value) || Number(value) < 1 || Number(value) > MAX_INT) {
      throw commonError('VALIDATION_FAILED', [{ field: 'id', errors: ['id must be a positive integer'] }]);
    }
    return Number(value);
  }
}
