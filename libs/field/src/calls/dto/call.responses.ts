import { ApiProperty } from '@nestjs/swagger';
import type { CallView } from '../calls.service.js';

/** A logged phone call, for the OpenAPI document (implements what the service returns). */
export class CallResponse implements CallView {
  @ApiProperty() id: number;
  @ApiProperty() retailerId: number;
  @ApiProperty() territoryId: number;
  @ApiProperty() departmentId: number;
  @ApiProperty() accountManagerId: number;
  @ApiProperty({ type: String, format: 'date-time' }) calledAt: Date;
  @ApiProperty({ format: 'date', example: '2026-12-07' }) calledOn: string;
  @ApiProperty() reached: boolean;
  @ApiProperty({ type: Number, nullable: true }) durationSeconds: number | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}
