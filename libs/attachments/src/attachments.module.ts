import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#libs/audit';
import { attachmentEntities } from './attachment.entity.js';
import { AttachmentOwners } from './attachment-owners.js';
import { AttachmentStore } from './attachment-store.js';
import { AttachmentsController } from './attachments.controller.js';

/**
 * The one attachment store (shelf photos, signatures, evidence): imported by every context that keeps files;
 * each registers its kind of record with {@link AttachmentOwners} so the store knows who may see a file.
 */
@Module({
  imports: [TypeOrmModule.forFeature(attachmentEntities), AuditModule],
  providers: [AttachmentOwners, AttachmentStore],
  controllers: [AttachmentsController],
  exports: [AttachmentOwners, AttachmentStore],
})
export class AttachmentsModule {}
