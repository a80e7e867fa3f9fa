export * from './auth.module.js';
export * from './users.service.js';
export * from './user.entity.js';
export * from './password-hasher.js';
export * from './staff-directory.js';
