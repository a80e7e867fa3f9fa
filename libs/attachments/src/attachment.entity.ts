import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  JoinColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '#libs/auth';
import type { AttachmentKind, MediaType } from './domain/media-type.rule.js';

/**
 * One stored file (a shelf photo, a signature …) in PostgreSQL, so backups and every API instance have it.
 * It belongs to one record of an owning context (`ownerKind` + `ownerId`), which alone decides who may see it.
 * Written once: what is stored is what was checked and re-encoded.
 */
@Entity('attachments')
@Index('ix_attachments_owner', ['ownerKind', 'ownerId'])
@Check('ck_attachments_kind', `kind IN ('photo', 'signature')`)
@Check('ck_attachments_size', 'size_bytes > 0 AND size_bytes = octet_length(content)')
export class Attachment {
  @PrimaryGeneratedColumn() id: number;

  /** The owning context's record kind: `visit`, `demand`, … */
  @Column({ type: 'text' }) ownerKind: string;

  @Column({ type: 'integer' }) ownerId: number;

  @Column({ type: 'text' }) kind: AttachmentKind;

  @Column({ type: 'text' }) mediaType: MediaType;

  @Column({ type: 'integer' }) sizeBytes: number;

  @Column({ type: 'integer' }) width: number;

  @Column({ type: 'integer' }) height: number;

  /** SHA-256 of the stored bytes, hex. */
  @Column({ type: 'char', length: 64 }) sha256: string;

  @Column({ type: 'bytea', select: false }) content: Buffer;

  @Column({ type: 'integer' }) uploadedBy: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by' })
  uploader?: User;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

export const attachmentEntities = [Attachment];
