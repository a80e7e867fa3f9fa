export * from './job-schedule.js';
