/**
 * The kernel: what every `domain/` may import (and nothing else from other libs). Pure TypeScript that imports
 * nothing: refusals as values (`Outcome`, `orThrow`), lifecycles as transition tables, and the business
 * calendar — dates, months and periods, the business zone, working days.
 */
export * from './calendar/dates.js';
export * from './calendar/zoned.js';
export * from './calendar/working-days.js';
export * from './calendar/comparison-windows.js';
export * from './outcome.js';
export * from './lifecycle.js';
