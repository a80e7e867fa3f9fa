import { describe, expect, it } from '@jest/globals';
import type { ValidationError } from '@nestjs/common';
import { IsInt, IsOptional, validateSync } from 'class-validator';
import { flattenValidationErrors, IsOmittable } from './validation.js';

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

class Sample {
  @IsOmittable()
  @IsInt()
  omittable?: number;

  @IsOptional()
  @IsInt()
  nullable?: number | null;
}

const errorsOf = (values: Partial<Record<keyof Sample, unknown>>) =>
  validateSync(Object.assign(new Sample(), values)).map((error) => error.property);

describe('IsOmittable', () => {
  it('lets the field be left out, validates it when given, and refuses null (unlike IsOptional)', () => {
    expect(errorsOf({})).toEqual([]);
    expect(errorsOf({ omittable: 3 })).toEqual([]);
    expect(errorsOf({ omittable: 'x' })).toEqual(['omittable']);
    expect(errorsOf({ omittable: null })).toEqual(['omittable']);
    expect(errorsOf({ nullable: null })).toEqual([]);
  });
});
