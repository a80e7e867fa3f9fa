export * from './backup-manifest.js';
export * from './backup-retention.rule.js';
export * from './table-load-order.rule.js';
