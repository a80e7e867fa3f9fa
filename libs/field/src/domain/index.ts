export * from './check-sample.rule.js';
export * from './field-target.rule.js';
export * from './forecast-accuracy.rule.js';
export * from './visit-cadence.rule.js';
export * from './price-compliance.rule.js';
