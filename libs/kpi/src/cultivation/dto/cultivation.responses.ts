import { ApiProperty } from '@nestjs/swagger';
import type { Rate } from '../../domain/index.js';
import type { CultivationTaskPage, CultivationTaskView } from '../cultivation-tasks.service.js';
import type {
  BrandCultivationFigures,
  KeyBrandCultivationReport,
  NewSpecAnalysis,
  NewSpecTerritory,
  NewSpecWeek,
  TerritoryCultivation,
} from '../cultivation.service.js';

// What the cultivation routes answer, for the OpenAPI document (each class implements the type the service
// returns, so the compiler keeps the two together).

const DAY = { format: 'date', example: '2026-12-07' } as const;
const INSTANT = { type: String, format: 'date-time' } as const;

class CultivationRate implements Rate {
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null when the denominator is 0' })
  ratio: number | null;
}

class PeriodChange {
  @ApiProperty() cartons: number;
  @ApiProperty({ type: Number, nullable: true }) change: number | null;
}

class CartonShare {
  @ApiProperty() cartons: number;
  @ApiProperty({ type: Number, nullable: true }) share: number | null;
}

class AccountManagerName {
  @ApiProperty() userId: number;
  @ApiProperty() displayName: string;
}

class BrandCultivationResponse implements BrandCultivationFigures {
  @ApiProperty() brandId: number;
  @ApiProperty() cartons: number;
  @ApiProperty() amountFen: number;
  @ApiProperty() orderingRetailers: number;
  @ApiProperty({ description: '上柜率: shelf checks that found the spec ÷ active retailers' })
  shelf: CultivationRate;
  @ApiProperty({ type: Number, nullable: true, description: 'Of all cartons of the territory' })
  share: number | null;
  @ApiProperty({ description: '环比' }) previousMonth: PeriodChange;
  @ApiProperty({ description: '同比' }) lastYear: PeriodChange;
}

type CultivationTotalView = KeyBrandCultivationReport['total'];

class CultivationTotal implements CultivationTotalView {
  @ApiProperty() activeRetailers: number;
  @ApiProperty() shelfCheckedRetailers: number;
  @ApiProperty() totalCartons: number;
  @ApiProperty({ description: 'Cartons of specs in the focus price tier' }) focusTier: CartonShare;
  @ApiProperty({ type: [BrandCultivationResponse] }) brands: BrandCultivationResponse[];
}

class TerritoryCultivationResponse extends CultivationTotal implements TerritoryCultivation {
  @ApiProperty() territoryId: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() serviceCenterId: number;
  @ApiProperty() serviceCenterName: string;
  @ApiProperty({ type: AccountManagerName, nullable: true }) accountManager: AccountManagerName | null;
  @ApiProperty({ enum: ['urban', 'rural'] }) market: 'urban' | 'rural';
}

class CultivationFocusTierRange {
  @ApiProperty() minFenPerPack: number;
  @ApiProperty({ type: Number, nullable: true }) maxFenPerPack: number | null;
}

class FocusTiersInForce {
  @ApiProperty() urban: CultivationFocusTierRange;
  @ApiProperty() rural: CultivationFocusTierRange;
}

class InFocusTier {
  @ApiProperty() urban: boolean;
  @ApiProperty() rural: boolean;
}

class CultivatedKeyBrand {
  @ApiProperty() brandId: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['national_top20', 'equivalent'] }) kind: 'national_top20' | 'equivalent';
  @ApiProperty() retailPricePackFen: number;
  @ApiProperty() focusTier: InFocusTier;
}

export class KeyBrandCultivationResponse implements KeyBrandCultivationReport {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty() departmentId: number;
  @ApiProperty(DAY) asOf: string;
  @ApiProperty(DAY) salesThrough: string;
  @ApiProperty() focusTiers: FocusTiersInForce;
  @ApiProperty({ type: [CultivatedKeyBrand] }) keyBrands: CultivatedKeyBrand[];
  @ApiProperty({ type: [TerritoryCultivationResponse] }) territories: TerritoryCultivationResponse[];
  @ApiProperty({ description: 'Every territory together (parts added, never ratios averaged)' })
  total: CultivationTotal;
}

class NewSpecWeekResponse implements NewSpecWeek {
  @ApiProperty() week: number;
  @ApiProperty(DAY) from: string;
  @ApiProperty(DAY) to: string;
  @ApiProperty() cartons: number;
  @ApiProperty() orderingRetailers: number;
}

type NewSpecTotalView = NewSpecAnalysis['total'];

class NewSpecTotal implements NewSpecTotalView {
  @ApiProperty({ type: [NewSpecWeekResponse] }) weeks: NewSpecWeekResponse[];
  @ApiProperty() cartons: number;
  @ApiProperty() orderingRetailers: number;
  @ApiProperty() repeatRetailers: number;
  @ApiProperty({ description: 'Ordered on two or more order days ÷ ordered it' })
  repeatOrderRate: CultivationRate;
  @ApiProperty() activeRetailers: number;
  @ApiProperty() reach: CultivationRate;
}

class NewSpecTerritoryResponse extends NewSpecTotal implements NewSpecTerritory {
  @ApiProperty() territoryId: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: AccountManagerName, nullable: true }) accountManager: AccountManagerName | null;
}

class NewSpec {
  @ApiProperty() brandId: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty(DAY) launchDate: string;
  @ApiProperty() retailPricePackFen: number;
}

class NewSpecWindow {
  @ApiProperty(DAY) from: string;
  @ApiProperty(DAY) to: string;
  @ApiProperty({ ...DAY, description: 'The last consolidated order day counted' }) countedThrough: string;
}

export class NewSpecAnalysisResponse implements NewSpecAnalysis {
  @ApiProperty() brand: NewSpec;
  @ApiProperty({ description: 'The first 30 days from launch' }) window: NewSpecWindow;
  @ApiProperty({ description: 'The 30 days are over: the figures are final' }) complete: boolean;
  @ApiProperty({ type: [NewSpecTerritoryResponse] }) territories: NewSpecTerritoryResponse[];
  @ApiProperty() total: NewSpecTotal;
}

class WrittenAnalysis {
  @ApiProperty() salesTrend: string;
  @ApiProperty() consumerOpinion: string;
  @ApiProperty() ordering: string;
}

export class CultivationTaskResponse implements CultivationTaskView {
  @ApiProperty() id: number;
  @ApiProperty() brandId: number;
  @ApiProperty({ type: String, nullable: true }) brandCode: string | null;
  @ApiProperty({ type: String, nullable: true }) brandName: string | null;
  @ApiProperty() territoryId: number;
  @ApiProperty() serviceCenterId: number;
  @ApiProperty() departmentId: number;
  @ApiProperty({ type: Number, nullable: true }) assignedTo: number | null;
  @ApiProperty(DAY) launchDate: string;
  @ApiProperty(DAY) dueOn: string;
  @ApiProperty({ enum: ['open', 'submitted'] }) status: 'open' | 'submitted';
  @ApiProperty({ description: 'Open past its due date' }) overdue: boolean;
  @ApiProperty({ type: WrittenAnalysis, nullable: true }) analysis: WrittenAnalysis | null;
  @ApiProperty({ type: Number, nullable: true }) submittedBy: number | null;
  @ApiProperty({ ...INSTANT, nullable: true }) submittedAt: Date | null;
  @ApiProperty({ description: 'Submitted after its due date' }) submittedLate: boolean;
  @ApiProperty(INSTANT) createdAt: Date;
}

class TaskSummary {
  @ApiProperty() open: number;
  @ApiProperty() overdue: number;
  @ApiProperty() submitted: number;
}

export class CultivationTaskPageResponse implements CultivationTaskPage {
  @ApiProperty({ type: [CultivationTaskResponse] }) items: CultivationTaskResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: 'Over the scope and the spec/territory asked, whatever the status filter' })
  summary: TaskSummary;
}

export class TasksCreatedResponse {
  @ApiProperty({ description: 'Tasks created (none twice for a spec and territory)' }) created: number;
}
