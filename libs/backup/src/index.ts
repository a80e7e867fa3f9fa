export * from './backup.module.js';
export * from './backup-restore.js';
export * from './database-backup.js';
export * from './domain/index.js';
