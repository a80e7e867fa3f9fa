export * from './average-price.rule.js';
export * from './kpi-definitions.table.js';
export * from './kpi-evaluation.rule.js';
export * from './period-change.rule.js';
export * from './rate.rule.js';
