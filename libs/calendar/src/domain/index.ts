export * from './holiday-list.rule.js';
