export * from './check-sample.rule.js';
export * from './field-target.rule.js';
export * from './forecast-accuracy.rule.js';
export * from './visit-cadence.rule.js';
export * from './price-compliance.rule.js';
export * from './forecast-window.rule.js';
export * from './recording-window.rule.js';
export * from './visit-content.rule.js';
