export * from './kpi.module.js';
export * from './kpi.entities.js';
export * from './kpi.errors.js';
export * from './kpi.service.js';
export * from './month/kpi-month.service.js';
export * from './month/kpi-facts.collector.js';
export * from './cultivation/cultivation.service.js';
export * from './domain/index.js';
