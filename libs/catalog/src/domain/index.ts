export * from './focus-tier.rule.js';
export * from './guide-price.rule.js';
export * from './money.rule.js';
export * from './price-class.rule.js';
