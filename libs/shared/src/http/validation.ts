import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';
import { commonError } from '../errors/index.js';

export interface FieldError {
  field: string;
  errors: string[];
}

/**
 * An optional field: it may be left out, but when sent (`null` included) its validators apply, so `null` is
 * refused unless the field says otherwise. class-validator's `@IsOptional()` also skips the validators for
 * `null`, which let `null` through to services for fields that are not nullable; keep `@IsOptional()` for
 * the fields that may be cleared with `null` (typed `| null`, documented `nullable: true`).
 */
export const IsOmittable = () => ValidateIf((_object, value) => value !== undefined);

/**
 * An integer sent as text (query strings): decimal digits only. `@Type(() => Number)` used `Number()`, which
 * also reads `0x1F`, `1e3`, ` 7 ` and the empty string (as 0); those now stay text and fail `@IsInt()`.
 */
export const IntegerText = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value,
  );

/** `?flag=true|false` as a boolean (anything else stays text and fails `@IsBoolean()`). */
export const BooleanText = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/** Flattens nested class-validator errors to `field.path: [messages]`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, errors: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * Path parameters are parsed by their own pipe (`ParseIdPipe`, `ParseMonthPipe`) from the text as sent.
 * The stock pipe would first convert `@Param('id') id: number` with `Number()`, so `0x1` or `1e3` reached
 * `ParseIdPipe` as the ids 1 and 1000. And a body must be an object: `null` is refused, not read as `{}`.
 */
class AppValidationPipe extends ValidationPipe {
  /** A JSON `null` body is not an object: the stock pipe would validate it as `{}`. */
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && value === null && this.toValidate(metadata)) {
      throw commonError('VALIDATION_FAILED', [{ field: '', errors: ['the body must be a JSON object'] }]);
    }
    return super.transform(value, metadata);
  }

  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'param') return value;
    return super.transformPrimitive(value, metadata);
  }
}

/** The one validation pipe: unknown fields are refused, payloads become typed DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => commonError('VALIDATION_FAILED', flattenValidationErrors(errors)),
  });
}
