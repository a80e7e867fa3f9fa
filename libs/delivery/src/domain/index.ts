export * from './delivery-completion.rule.js';
export * from './delivery-feedback.lifecycle.js';
export * from './delivery-plan.rule.js';
export * from './delivery-punctuality.rule.js';
export * from './delivery.lifecycle.js';
