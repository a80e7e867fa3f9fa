export * from './org.module.js';
export * from './org.service.js';
export * from './org-move-participants.js';
export * from './org-unit.entity.js';
export * from './domain/org-tree.js';
