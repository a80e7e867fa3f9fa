export * from './lead-classification.table.js';
export * from './lead-deadline.rule.js';
export * from './lead-tally.rule.js';
export * from './lead.lifecycle.js';
export * from './lead-result-photos.rule.js';
