export * from './domain-error.js';
export * from './database-errors.js';
