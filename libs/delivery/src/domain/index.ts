export * from './delivery-completion.rule.js';
export * from './delivery-punctuality.rule.js';
export * from './delivery.lifecycle.js';
