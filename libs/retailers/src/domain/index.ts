export * from './big-account.rule.js';
export * from './classification.table.js';
export * from './grade-period.rule.js';
export * from './license-no.rule.js';
