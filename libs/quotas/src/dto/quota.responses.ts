import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AgreedTotalSource,
  BoundApplied,
  BusinessScale,
  FloatAllowancesBp,
  FloatingPolicy,
  GradePolicyRow,
  LimitVectorProposal,
  MarketType,
  MonthlyActual,
  QuotaExplanation,
  QuotaPolicy,
} from '../domain/index.js';
import type { ScarceLimitRecord } from '../quota.entity.js';
import type { DepartmentQuotaPolicy } from '../quota-policy.service.js';
import type { QuotaView } from '../quota.service.js';

// What the quota routes answer, for the OpenAPI document (each class implements the type the service returns
// where there is one, so the compiler keeps the two together).

const MONTH = { example: '2026-12' } as const;
const SCALES = ['large', 'medium', 'small'];

class MonthlyActualResponse implements MonthlyActual {
  @ApiProperty(MONTH) month: string;
  @ApiProperty() cartons: number;
}

class CapAdjustment {
  @ApiProperty({ example: 'rebalance' }) kind: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'The user who moved the cap' }) by: number;
  @ApiProperty() reason: string;
  @ApiProperty() capBefore: number;
  @ApiProperty() capAfter: number;
}

/** Every input and intermediate of a quota, kept with it so each change of a cap can be explained. */
export class QuotaExplanationResponse implements QuotaExplanation {
  @ApiProperty(MONTH) month: string;
  @ApiProperty({ enum: ['market_manager', 'grade_policy', 'floating'] }) agreedTotalSource: AgreedTotalSource;
  @ApiProperty() policyBase: number;
  @ApiProperty({ type: Number, nullable: true }) previousAgreedTotal: number | null;
  @ApiProperty({ type: Number, nullable: true }) agreedTotalSetByManager: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The total the move starts from' })
  startingTotal: number | null;
  @ApiProperty() trailingWindowMonths: number;
  @ApiProperty({ type: [MonthlyActualResponse], description: 'The actuals averaged, oldest first' })
  trailingActuals: MonthlyActualResponse[];
  @ApiProperty({ type: Number, nullable: true }) trailingAverage: number | null;
  @ApiProperty() maxMonthlyChangeBp: number;
  @ApiProperty({ type: Number, nullable: true }) maxMonthlyChangeCartons: number | null;
  @ApiProperty({ enum: ['none', 'rise_limited', 'fall_limited'] }) boundApplied: BoundApplied;
  @ApiProperty() agreedTotal: number;
  @ApiProperty({ enum: SCALES }) scale: BusinessScale;
  @ApiProperty() floatBp: number;
  @ApiProperty({ example: '6.9', description: 'agreedTotal × (1 + float) before rounding up' })
  capExact: string;
  @ApiProperty() formulaCap: number;
  @ApiProperty() alreadyUsed: number;
  @ApiProperty() capKeptAtAlreadyUsed: boolean;
  @ApiProperty() effectiveCap: number;
  @ApiPropertyOptional({ type: [CapAdjustment], description: 'Caps moved by hand since the computation' })
  adjustments?: CapAdjustment[];
}

export class QuotaResponse implements QuotaView {
  @ApiProperty() retailerId: number;
  @ApiProperty(MONTH) month: string;
  @ApiProperty({ description: 'Agreed monthly total 商定总量, cartons' }) agreedTotal: number;
  @ApiProperty() floatBp: number;
  @ApiProperty({ example: 15 }) floatPercent: number;
  @ApiProperty({ description: 'The monthly cap (never a floor)' }) cap: number;
  @ApiProperty() used: number;
  @ApiProperty() reserved: number;
  @ApiProperty() remaining: number;
  @ApiProperty({ description: 'What the retailer may still order in its next cycle of the month' })
  cycleAllowance: number;
  @ApiProperty() remainingCycles: number;
  @ApiProperty({ description: 'The month was not computed yet: what the computation would give' })
  provisional: boolean;
  @ApiProperty({ type: QuotaExplanationResponse }) explanation: Record<string, unknown>;
}

class CapMove {
  @ApiProperty() retailerId: number;
  @ApiProperty() previousCap: number;
  @ApiProperty() cap: number;
}

export class RebalanceResponse {
  @ApiProperty(MONTH) month: string;
  @ApiProperty({ description: 'Σ cap of the retailers moved (unchanged by the move)' }) total: number;
  @ApiProperty({ type: [CapMove] }) caps: CapMove[];
}

export class QuotaComputationResponse {
  @ApiProperty(MONTH) month: string;
  @ApiProperty() retailers: number;
  @ApiProperty() totalCap: number;
  @ApiProperty({ description: 'Caps kept at what was already ordered or reserved' })
  keptAtAlreadyUsed: number;
}

class FloatAllowances implements FloatAllowancesBp {
  @ApiProperty({ example: 500 }) large: number;
  @ApiProperty({ example: 1000 }) medium: number;
  @ApiProperty({ example: 1500 }) small: number;
}

class FloatingRule implements FloatingPolicy {
  @ApiProperty() trailingWindowMonths: number;
  @ApiProperty() maxMonthlyChangeBp: number;
}

class QuotaPolicyRules implements QuotaPolicy {
  @ApiProperty() floatAllowances: FloatAllowances;
  @ApiProperty() floating: FloatingRule;
}

class GradePolicyRowResponse implements GradePolicyRow {
  @ApiProperty() grade: number;
  @ApiProperty({ enum: SCALES, nullable: true }) scale: BusinessScale | null;
  @ApiProperty({ enum: ['urban', 'rural'], nullable: true }) marketType: MarketType | null;
  @ApiProperty() baseMonthlyTotal: number;
}

export class QuotaPolicyResponse implements Omit<DepartmentQuotaPolicy, 'baseFor'> {
  @ApiProperty() departmentId: number;
  @ApiProperty({ description: 'False while the department still runs on the defaults' }) configured: boolean;
  @ApiProperty() policy: QuotaPolicyRules;
  @ApiProperty() pacingFactorBp: number;
  @ApiProperty({ type: [GradePolicyRowResponse] }) grades: GradePolicyRowResponse[];
}

export class ScarceLimitResponse implements Omit<ScarceLimitRecord, 'department' | 'brand'> {
  @ApiProperty() id: number;
  @ApiProperty() departmentId: number;
  @ApiProperty() brandId: number;
  @ApiProperty({ format: 'date', description: 'Monday of the order week' }) weekStart: string;
  @ApiProperty({ enum: ['urban', 'rural'], nullable: true, description: 'null: every market type' })
  marketType: 'urban' | 'rural' | null;
  @ApiProperty({ type: [Number], description: 'Cartons per retailer for grades 1…30' }) limits: number[];
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

class RetailerScarceLimit {
  @ApiProperty() brandId: number;
  @ApiProperty({ description: 'Cartons this retailer may order of the spec in a cycle of the week' })
  limit: number;
}

export class RetailerScarceLimitsResponse {
  @ApiProperty() retailerId: number;
  @ApiProperty({ format: 'date', description: 'Monday of the order week' }) weekStart: string;
  @ApiProperty({ minimum: 1, maximum: 30 }) grade: number;
  @ApiProperty({ enum: ['urban', 'rural'] }) marketType: 'urban' | 'rural';
  @ApiProperty({ type: [RetailerScarceLimit], description: 'Scarce specs limited this week, by spec id' })
  limits: RetailerScarceLimit[];
}

export class LimitProposalResponse implements LimitVectorProposal {
  @ApiProperty({ type: [Number], description: 'Cartons per retailer for grades 1…30' }) vector: number[];
  @ApiProperty() plannedSupply: number;
  @ApiProperty({ description: 'Σ limit × retailers of the grade; never above the plan' })
  achievedSupply: number;
  @ApiProperty() shortfall: number;
  @ApiProperty() errorBp: number;
  @ApiProperty() errorPercent: number;
  @ApiProperty() brandId: number;
  @ApiProperty({ enum: ['urban', 'rural'], nullable: true }) marketType: MarketType | null;
  @ApiProperty({ type: [Number], description: 'Active retailers of grades 1…30' })
  retailersPerGrade: number[];
}
