export * from './retailers.module.js';
export * from './retailer.entity.js';
export * from './retailer-directory.js';
