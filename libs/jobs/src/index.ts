export * from './jobs.module.js';
export * from './job-board.entity.js';
export * from './job-scheduler.js';
export * from './domain/index.js';
