export * from './month-close-readiness.rule.js';
