import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { IntegerText } from '#libs/shared';
import { MonthQuery } from './quota.dto.js';

export class TerritoryQuotaQuery extends MonthQuery {
  @ApiProperty()
  @IntegerText()
  @IsInt()
  @Min(1)
  territoryId: number;
}

export class TerritoryQuotaRow {
  @ApiProperty() retailerId: number;
  @ApiProperty() shopName: string;
  @ApiProperty() licenseNo: string;
  @ApiProperty() grade: number;
  @ApiProperty({ enum: ['large', 'medium', 'small'] }) scale: string;
  @ApiProperty() bigAccount: boolean;
  @ApiProperty() agreedTotal: number;
  @ApiProperty({ description: 'Where the agreed total came from: market_manager, grade_policy, floating' })
  agreedTotalSource: string;
  @ApiProperty() floatBp: number;
  @ApiProperty() cap: number;
  @ApiProperty() used: number;
  @ApiProperty() reserved: number;
  @ApiProperty() remaining: number;
  @ApiProperty({ description: 'What it may still order in its next cycle of the month (pacing)' })
  cycleAllowance: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Every input of the cap' })
  explanation: Record<string, unknown>;
}

export class TerritoryQuotas {
  @ApiProperty() territoryId: number;
  @ApiProperty({ example: '2026-12' }) month: string;
  @ApiProperty({ description: 'Cycles of the territory left in the month (pacing divides by them)' })
  remainingCycles: number;
  @ApiProperty({ description: 'Σ cap: what a rebalance keeps' }) totalCap: number;
  @ApiProperty({ type: [TerritoryQuotaRow], description: 'Active retailers with a computed quota, by name' })
  retailers: TerritoryQuotaRow[];
}
