export * from './big-account.rule.js';
export * from './classification.table.js';
export * from './grade-period.rule.js';
export * from './license-no.rule.js';
export * from './order-weekday.table.js';
export * from './retailer-status.lifecycle.js';
