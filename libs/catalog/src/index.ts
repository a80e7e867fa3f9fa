export * from './catalog.module.js';
export * from './brand.entity.js';
export * from './brand-directory.js';
