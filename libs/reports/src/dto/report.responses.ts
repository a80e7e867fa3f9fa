import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MonthCloseOutcome } from '../month-close/month-close.service.js';

/** What closing a month did for one department, for the OpenAPI document (implements the service's type). */
export class MonthCloseResponse implements MonthCloseOutcome {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty() departmentId: number;
  @ApiProperty({
    enum: ['closed', 'already-closed', 'busy', 'failed'],
    description:
      'closed now; already-closed earlier; busy: another replica is closing it; failed (jobs only)',
  })
  status: MonthCloseOutcome['status'];
  @ApiPropertyOptional() error?: string;
  @ApiPropertyOptional({ description: 'KPI snapshot rows written' }) rows?: number;
  @ApiPropertyOptional() workbookBytes?: number;
}
