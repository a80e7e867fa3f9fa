import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, IsDateText } from '#libs/shared';
import { ORDER_CYCLE_STATES, type OrderCycleState } from '../domain/index.js';

export class CycleBoardQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Any day of the week shown (default: today)' })
  @IsOmittable()
  @IsDateText()
  date?: string;
}

export class CycleBoardRow {
  @ApiProperty() cycleId: number;
  @ApiProperty() territoryId: number;
  @ApiProperty() territoryName: string;
  @ApiProperty({ nullable: true, type: Number }) accountManagerId: number | null;
  @ApiProperty({ nullable: true, type: String }) accountManagerName: string | null;
  @ApiProperty({ format: 'date' }) orderDate: string;
  @ApiProperty() opensAt: Date;
  @ApiProperty() cutoffAt: Date;
  @ApiProperty({ enum: ORDER_CYCLE_STATES }) status: OrderCycleState;
  @ApiProperty({ description: 'Active retailers of the territory' }) retailers: number;
  @ApiProperty({ description: 'Own demand 自主提报 (submitted or ordered)' }) submitted: number;
  @ApiProperty({ description: 'Collected, waiting for the retailer’s confirmation' })
  pendingConfirmation: number;
  @ApiProperty({ description: 'Collected, waiting for the market manager' }) pendingApproval: number;
  @ApiProperty({ description: 'Collected and approved (or ordered)' }) approved: number;
  @ApiProperty({ description: 'Explicit no-demand records 无需求 (made at the cutoff)' }) noDemand: number;
  @ApiProperty({ description: 'Active retailers with neither a live demand nor a no-demand record' })
  nothingYet: number;
}

export class CycleBoard {
  @ApiProperty({ format: 'date' }) weekStart: string;
  @ApiProperty({ type: [CycleBoardRow] }) cycles: CycleBoardRow[];
}

export class WaitingRetailer {
  @ApiProperty() id: number;
  @ApiProperty() shopName: string;
  @ApiProperty() licenseNo: string;
  @ApiProperty() ownerName: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: Date, description: 'The latest call in the cycle’s window' })
  calledAt: Date | null;
}
