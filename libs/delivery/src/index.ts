export * from './delivery.module.js';
export * from './delivery.entity.js';
export * from './delivery-planning.service.js';
export * from './punctuality.service.js';
export * from './domain/index.js';
