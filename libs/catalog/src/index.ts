export * from './catalog.module.js';
export * from './brand.entity.js';
