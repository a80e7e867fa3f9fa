export * from './enforcement.module.js';
export * from './lead.entity.js';
export * from './lead-rates.service.js';
export * from './lead-workflow.service.js';
export * from './leads.service.js';
export * from './domain/index.js';
