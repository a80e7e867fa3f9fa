export * from './interactions.module.js';
export * from './interactions.entities.js';
export { interactionError } from './interactions.errors.js';
export * from './domain/index.js';
