import { ApiProperty } from '@nestjs/swagger';
import type { AuditLog } from '../audit-log.entity.js';

const SNAPSHOT = {
  type: 'object',
  additionalProperties: true,
  nullable: true,
  description: 'The record as it was, in the shape its context stores it',
} as const;

/** One entry of the append-only audit trail, for the OpenAPI document (implements the stored entity). */
export class AuditEntryResponse implements AuditLog {
  @ApiProperty({ example: '1024', description: 'A bigint, as text' }) id: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null: a scheduled job' }) actorId: number | null;
  @ApiProperty({ example: 'market_manager' }) actorRole: string;
  @ApiProperty({ example: 'demand.approve' }) action: string;
  @ApiProperty({ example: 'demand' }) entityType: string;
  @ApiProperty({ example: '42' }) entityId: string;
  @ApiProperty(SNAPSHOT) before: object | null;
  @ApiProperty(SNAPSHOT) after: object | null;
  @ApiProperty({ type: Number, nullable: true }) departmentId: number | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
}
