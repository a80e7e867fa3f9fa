import { ApiProperty } from '@nestjs/swagger';
import {
  ATTACHMENT_KINDS,
  type AttachmentKind,
  MEDIA_TYPES,
  type MediaType,
} from '../domain/media-type.rule.js';

/** An attachment as its owner's answers describe it; the file: `GET /api/attachments/{id}`. */
export class AttachmentSummaryDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'visit', description: 'The kind of record it belongs to' }) ownerKind: string;
  @ApiProperty() ownerId: number;
  @ApiProperty({ enum: ATTACHMENT_KINDS }) kind: AttachmentKind;
  @ApiProperty({ enum: MEDIA_TYPES, description: 'The stored (re-encoded) type' }) mediaType: MediaType;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() width: number;
  @ApiProperty() height: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}
