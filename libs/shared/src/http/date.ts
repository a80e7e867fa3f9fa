import { ValidateBy } from 'class-validator';
import { isDate } from '#libs/kernel';

/** A DTO field holding a business date YYYY-MM-DD that exists on the calendar (no 2026-02-30). */
export const IsDateText = () =>
  ValidateBy({
    name: 'isDateText',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isDate(value),
      defaultMessage: (args) => `${args?.property ?? 'value'} must be a date YYYY-MM-DD`,
    },
  });
