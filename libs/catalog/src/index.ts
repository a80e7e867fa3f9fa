export * from './catalog.module.js';
export * from './brand.entity.js';
export * from './brand-directory.js';
export * from './brand-view.js';
export * from './focus-tiers.service.js';
export * from './catalog.errors.js';
export * from './domain/index.js';
