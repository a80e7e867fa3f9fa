export * from './attachments.module.js';
export * from './attachment.entity.js';
export * from './attachment-owners.js';
export * from './attachment-store.js';
export * from './attachments.errors.js';
export * from './dto/attachment.dto.js';
export * from './domain/media-type.rule.js';
export * from './attachment-upload.decorator.js';
