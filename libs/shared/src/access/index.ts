export * from './roles.js';
export * from './actor.js';
export * from './access.decorators.js';
