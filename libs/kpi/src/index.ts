export * from './kpi.module.js';
export * from './kpi.entities.js';
export * from './kpi.errors.js';
export * from './month/kpi-month.service.js';
export * from './cultivation/cultivation.service.js';
export * from './cultivation/cultivation-tasks.service.js';
export * from './domain/index.js';
