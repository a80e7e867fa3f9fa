import { describe, expect, it } from '@jest/globals';
import type { ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { IsInt, IsOptional, validateSync } from 'class-validator';
import { flattenValidationErrors, IntegerText, IsOmittable } from './validation.js';

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

class Query {
  @IntegerText()
  @IsInt()
  id: number;
}

describe('IntegerText', () => {
  const read = (id: unknown) => {
    const query = plainToInstance(Query, { id });
    return { id: query.id, valid: validateSync(query).length === 0 };
  };

  it('reads decimal digits as an integer', () => {
    expect(read('42')).toEqual({ id: 42, valid: true });
    expect(read('-3')).toEqual({ id: -3, valid: true });
    expect(read('007')).toEqual({ id: 7, valid: true });
  });

  it.each(['0x1F', '1e3', ' 7 ', '', '1.5', '+4', '9'.repeat(16)])(
    'leaves %j as text, which fails @IsInt',
    (text) => {
      expect(read(text)).toEqual({ id: text, valid: false });
    },
  );

  it('leaves a number as it came', () => {
    expect(read(5)).toEqual({ id: 5, valid: true });
  });
});
