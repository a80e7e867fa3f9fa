import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  MonthCloseOutcome,
  MonthReadiness,
  UnfinishedCycle,
} from '../month-close/month-close.service.js';
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

class UnfinishedCycleResponse implements UnfinishedCycle {
  @ApiProperty() id: number;
  @ApiProperty() territoryId: number;
  @ApiProperty({ type: String, nullable: true, example: 'T001' }) territoryCode: string | null;
  @ApiProperty({ type: String, nullable: true }) territoryName: string | null;
  @ApiProperty({ type: String, format: 'date', example: '2026-12-31' }) orderDate: string;
  @ApiProperty({ enum: ['scheduled', 'open', 'cut_off'] }) status: string;
}

/** Whether a department's month may be closed now, and what it waits for. */
export class MonthReadinessResponse implements MonthReadiness {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty() departmentId: number;
  @ApiProperty({ description: 'Closed already: nothing waits any more' }) closed: boolean;
  @ApiProperty({ example: '2026-12-03 09:00', description: 'End of the grace period (business time)' })
  graceEnd: string;
  @ApiProperty({ type: [MonthCloseWaitResponse], description: 'Empty: the next run of the job closes it' })
  waitingFor: MonthCloseWaitResponse[];
  @ApiProperty({
    type: [UnfinishedCycleResponse],
    description: 'The month’s cycles neither consolidated nor cancelled, by order day',
  })
  unfinishedCycles: UnfinishedCycleResponse[];
}
