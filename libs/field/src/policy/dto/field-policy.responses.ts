import { ApiProperty } from '@nestjs/swagger';
import type { FieldPolicyView } from '../field-policy.service.js';

/** A department's field policy, for the OpenAPI document (implements what the service returns). */
export class FieldPolicyResponse implements FieldPolicyView {
  @ApiProperty() departmentId: number;
  @ApiProperty({ description: 'The department works to the defaults' }) isDefault: boolean;
  @ApiProperty({ description: 'Visit a big account at least every this many days' })
  bigAccountVisitDays: number;
  @ApiProperty({ description: 'Visit other retailers at least every this many days' })
  regularVisitDays: number;
  @ApiProperty() urbanVisitsPerDay: number;
  @ApiProperty() ruralVisitsPerDay: number;
  @ApiProperty() callsPerDay: number;
  @ApiProperty({ description: 'Tolerated deviation from the guide price, basis points' })
  priceToleranceBp: number;
  @ApiProperty({ description: 'How many days back a visit may be recorded' }) visitBackdateDays: number;
  @ApiProperty({ description: 'Guidance visits checked per account manager a month' })
  guidanceCheckSampleSize: number;
  @ApiProperty({ type: Number, nullable: true }) updatedBy: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: Date | null;
}
