import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, DomainError, notFound } from '#libs/shared';
import { AuditService } from '#libs/audit';
import { Attachment } from './attachment.entity.js';
import { AttachmentOwners } from './attachment-owners.js';
import { attachmentError } from './attachments.errors.js';
import {
  ATTACHMENT_KIND_POLICIES,
  type AttachmentKind,
  type MediaType,
  uploadRefusal,
} from './domain/media-type.rule.js';
import { reencodeImage } from './image-reencoder.js';

/** A checked, re-encoded file ready to be saved with its owner (in the owner's transaction). */
export interface PreparedAttachment {
  kind: AttachmentKind;
  mediaType: MediaType;
  bytes: Buffer;
  width: number;
  height: number;
  sha256: string;
}

/** What an owner's answer says about one of its attachments (the file itself: `GET /api/attachments/:id`). */
export interface AttachmentSummary {
  id: number;
  ownerKind: string;
  ownerId: number;
  kind: AttachmentKind;
  mediaType: MediaType;
  sizeBytes: number;
  width: number;
  height: number;
  createdAt: Date;
}

export interface AttachmentContent {
  mediaType: MediaType;
  bytes: Buffer;
  sha256: string;
}

/**
 * The one attachment store: every file kept in PostgreSQL. An upload is read from multipart field `file`,
 * its size and sniffed type checked against its kind and the image re-encoded without metadata
 * ({@link prepare}, outside any transaction: it costs CPU); the owning context then saves it with its own
 * change ({@link save}). A file is served only to whoever may see the record it belongs to.
 */
@Injectable()
export class AttachmentStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly owners: AttachmentOwners,
    private readonly audit: AuditService,
  ) {}

  /** Reads the upload (multipart field `file`), checks it against its kind and re-encodes it. */
  async prepareUpload(request: FastifyRequest, kind: AttachmentKind): Promise<PreparedAttachment> {
    return this.prepare(kind, await this.readUpload(request, kind));
  }

  async prepare(kind: AttachmentKind, upload: Uint8Array): Promise<PreparedAttachment> {
    const refusal = uploadRefusal(kind, upload);
    if (refusal) {
      const { code, ...details } = refusal;
      throw attachmentError(code, Object.keys(details).length ? details : undefined);
    }
    let image;
    try {
      image = await reencodeImage(kind, upload);
    } catch {
      throw attachmentError('ATTACHMENT_UNREADABLE');
    }
    return {
      kind,
      mediaType: image.mediaType,
      bytes: image.bytes,
      width: image.width,
      height: image.height,
      sha256: createHash('sha256').update(image.bytes).digest('hex'),
    };
  }

  /**
   * Saves a prepared file as the caller's, belonging to one record, and audits it as a change of that record
   * (`action`), in the caller's transaction.
   */
  async attach(
    manager: EntityManager,
    actor: Actor,
    file: PreparedAttachment,
    record: { kind: string; id: number; departmentId: number | null },
    action: string,
  ): Promise<AttachmentSummary> {
    const saved = await this.save(manager, file, {
      ownerKind: record.kind,
      ownerId: record.id,
      uploadedBy: actor.userId,
    });
    await this.audit.record(manager, actor, {
      action,
      entityType: record.kind,
      entityId: record.id,
      after: { attachmentId: saved.id, mediaType: saved.mediaType, sizeBytes: saved.sizeBytes },
      departmentId: record.departmentId,
    });
    return saved;
  }

  /** Saves a prepared file as belonging to one record, in the caller's transaction. */
  async save(
    manager: EntityManager,
    file: PreparedAttachment,
    owner: { ownerKind: string; ownerId: number; uploadedBy: number },
  ): Promise<AttachmentSummary> {
    const [row]: Array<{ id: number; created_at: Date }> = await manager.query(
      `INSERT INTO attachments (owner_kind, owner_id, kind, media_type, size_bytes, width, height, sha256, content, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, created_at`,
      [
        owner.ownerKind,
        owner.ownerId,
        file.kind,
        file.mediaType,
        file.bytes.length,
        file.width,
        file.height,
        file.sha256,
        file.bytes,
        owner.uploadedBy,
      ],
    );
    return {
      id: row.id,
      ownerKind: owner.ownerKind,
      ownerId: owner.ownerId,
      kind: file.kind,
      mediaType: file.mediaType,
      sizeBytes: file.bytes.length,
      width: file.width,
      height: file.height,
      createdAt: row.created_at,
    };
  }

  /** The attachments of some records of one kind (one query for a whole list), oldest first. */
  async summariesOf(
    ownerKind: string,
    ownerIds: number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AttachmentSummary[]> {
    if (!ownerIds.length) return [];
    return manager.query(
      `SELECT id, owner_kind AS "ownerKind", owner_id AS "ownerId", kind, media_type AS "mediaType",
              size_bytes AS "sizeBytes", width, height, created_at AS "createdAt"
         FROM attachments WHERE owner_kind = $1 AND owner_id = ANY($2) ORDER BY id`,
      [ownerKind, ownerIds],
    );
  }

  /** The file, if the actor may see the record it belongs to; otherwise (or when there is none) NOT_FOUND. */
  async open(actor: Actor, id: number): Promise<AttachmentContent> {
    const meta = await this.dataSource.manager.findOne(Attachment, {
      where: { id },
      select: { id: true, ownerKind: true, ownerId: true },
    });
    if (!meta || !(await this.owners.maySee(actor, meta.ownerKind, meta.ownerId))) {
      throw notFound('attachment', id);
    }
    const [row]: Array<{ media_type: MediaType; content: Buffer; sha256: string }> =
      await this.dataSource.query('SELECT media_type, content, sha256 FROM attachments WHERE id = $1', [id]);
    return { mediaType: row.media_type, bytes: row.content, sha256: row.sha256 };
  }

  /** The upload as multipart field `file`, cut off one byte past the kind's limit (refused as too large). */
  private async readUpload(request: FastifyRequest, kind: AttachmentKind): Promise<Buffer> {
    if (!request.isMultipart()) throw attachmentError('ATTACHMENT_MISSING');
    const maxBytes = ATTACHMENT_KIND_POLICIES[kind].maxBytes;
    try {
      const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
      if (!part || part.fieldname !== 'file') throw attachmentError('ATTACHMENT_MISSING');
      return await part.toBuffer();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      const status = (error as { statusCode?: number })?.statusCode;
      if (status === 413) throw attachmentError('ATTACHMENT_TOO_LARGE', { maxBytes });
      // Anything else the parser throws (no boundary, a truncated body, no end) is the client's broken upload.
      throw attachmentError('ATTACHMENT_UPLOAD_MALFORMED');
    }
  }
}
