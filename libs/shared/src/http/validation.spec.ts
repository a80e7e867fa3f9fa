import { describe, expect, it } from '@jest/globals';
import type { ValidationError } from '@nestjs/common';
import { flattenValidationErrors } from './validation.js';

describe('flattenValidationErrors', () => {
  it('flattens nested and array children to dotted paths', () => {
    const errors = [
      { property: 'name', constraints: { isString: 'name must be a string' }, children: [] },
      {
        property: 'lines',
        children: [
          {
            property: '0',
            children: [{ property: 'cartons', constraints: { min: 'cartons must not be less than 1' } }],
          },
        ],
      },
    ] as unknown as ValidationError[];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'name', errors: ['name must be a string'] },
      { field: 'lines.0.cartons', errors: ['cartons must not be less than 1'] },
    ]);
  });
});
