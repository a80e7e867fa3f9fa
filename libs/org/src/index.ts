export * from './org.module.js';
export * from './ports/org.directory.js';
export * from './org-move-participants.js';
export * from './org-unit.entity.js';
export * from './domain/org-tree.js';
