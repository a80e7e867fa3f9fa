import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MonthCloseOutcome } from '../month-close/month-close.service.js';
import type { MonthCloseWait } from '../domain/index.js';

class MonthCloseWaitResponse implements MonthCloseWait {
  @ApiProperty({ enum: ['cycles-not-finished', 'grace-period'] }) reason: MonthCloseWait['reason'];
  @ApiProperty({ example: '2026-12 的补录宽限期至 2027-01-05 09:00' }) text: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}

/** What closing a month did for one department, for the OpenAPI document (implements the service's type). */
export class MonthCloseResponse implements MonthCloseOutcome {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty() departmentId: number;
  @ApiProperty({
    enum: ['closed', 'already-closed', 'busy', 'waiting', 'failed'],
    description:
      'closed now; already-closed earlier; busy: another replica is closing it; waiting for its inputs ' +
      '(jobs only); failed (jobs only)',
  })
  status: MonthCloseOutcome['status'];
  @ApiPropertyOptional({
    type: [MonthCloseWaitResponse],
    description: 'waiting: what for; a forced close: what it did not wait for',
  })
  waitingFor?: MonthCloseWaitResponse[];
  @ApiPropertyOptional() error?: string;
  @ApiPropertyOptional({ description: 'KPI snapshot rows written' }) rows?: number;
  @ApiPropertyOptional() workbookBytes?: number;
}
