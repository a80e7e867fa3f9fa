export * from './case.lifecycle.js';
export * from './case-deadline.rule.js';
export * from './problem.table.js';
