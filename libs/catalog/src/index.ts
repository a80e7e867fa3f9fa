export * from './catalog.module.js';
export * from './brand.entity.js';
export * from './brand-directory.js';
export * from './domain/guide-price.rule.js';
export * from './domain/focus-tier.rule.js';
