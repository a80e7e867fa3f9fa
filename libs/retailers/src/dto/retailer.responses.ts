import { ApiProperty } from '@nestjs/swagger';
import type { RetailerActivation } from '#libs/auth';
import {
  BUSINESS_SCALES,
  BUSINESS_TYPES,
  type BigAccountGround,
  type BusinessScale,
  type BusinessType,
  MARKET_TYPES,
  type MarketType,
} from '../domain/index.js';
import type { BigAccountDetails } from '../big-accounts.service.js';
import type { RetailerImportSummary } from '../excel/retailer-import.service.js';
import type { GradeHistoryView } from '../retailer-grades.service.js';
import type { DistrictType, GradeSource } from '../retailer.entity.js';
import type { BigAccountMonthView, RetailerView } from '../retailer-view.js';
import { RETAILER_STATUSES, type RetailerStatus } from '../domain/index.js';

// What the retailer routes answer, for the OpenAPI document (each class implements the type the service
// returns, so the compiler keeps the two together).

const DAY = { type: String, format: 'date', example: '2026-12-07' } as const;
const INSTANT = { type: String, format: 'date-time' } as const;
class PendingGrade {
  @ApiProperty() grade: number;
  @ApiProperty(DAY) effectiveFrom: string;
}
const PENDING_GRADE = {
  type: PendingGrade,
  nullable: true,
  description: 'A decided change waiting for its period to start',
};

export class RetailerResponse implements RetailerView {
  @ApiProperty({ example: 1 }) id: number;
  @ApiProperty({ example: '362501000123' }) licenseNo: string;
  @ApiProperty({ example: '张记便利店' }) shopName: string;
  @ApiProperty({ example: '张建国' }) ownerName: string;
  @ApiProperty({ type: String, nullable: true, example: '13807910001' }) phone: string | null;
  @ApiProperty({ example: '示范县城关镇人民路128号' }) address: string;
  @ApiProperty() territoryId: number;
  @ApiProperty({ type: String, nullable: true, example: 'T001' }) territoryCode: string | null;
  @ApiProperty({ type: String, nullable: true }) territoryName: string | null;
  @ApiProperty() serviceCenterId: number;
  @ApiProperty({ type: String, nullable: true }) serviceCenterName: string | null;
  @ApiProperty() departmentId: number;
  @ApiProperty({ enum: BUSINESS_TYPES.codes }) businessType: BusinessType;
  @ApiProperty({ enum: MARKET_TYPES.codes }) marketType: MarketType;
  @ApiProperty({ enum: BUSINESS_SCALES.codes }) scale: BusinessScale;
  @ApiProperty({ description: 'The grade in force' }) grade: number;
  @ApiProperty({ ...DAY, description: 'Since when the grade is in force' }) gradeSince: string;
  @ApiProperty(PENDING_GRADE) pendingGrade: PendingGrade | null;
  @ApiProperty({ type: String, nullable: true, example: 'residential' }) districtType: string | null;
  @ApiProperty() bigAccount: boolean;
  @ApiProperty({ enum: ['override', 'computed', 'none'] }) bigAccountSource: RetailerView['bigAccountSource'];
  @ApiProperty({ type: String, nullable: true }) bigAccountOverrideReason: string | null;
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, Monday 1' }) orderWeekday: number;
  @ApiProperty() reachableSms: boolean;
  @ApiProperty() reachableWechat: boolean;
  @ApiProperty() reachablePortal: boolean;
  @ApiProperty({ ...DAY, nullable: true }) ownerBirthday: string | null;
  @ApiProperty({ ...DAY, nullable: true }) licenseValidFrom: string | null;
  @ApiProperty({ ...DAY, nullable: true }) licenseValidTo: string | null;
  @ApiProperty({ enum: RETAILER_STATUSES }) status: RetailerStatus;
  @ApiProperty({ type: String, nullable: true }) statusReason: string | null;
  @ApiProperty({ ...INSTANT, nullable: true }) statusChangedAt: Date | null;
  @ApiProperty(INSTANT) createdAt: Date;
  @ApiProperty(INSTANT) updatedAt: Date;
}

class CodeLabel {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
}

class WeekdayLabel {
  @ApiProperty({ minimum: 1, maximum: 7 }) code: number;
  @ApiProperty({ example: '周一' }) label: string;
}

export class DistrictTypeResponse implements DistrictType {
  @ApiProperty({ example: 'residential' }) code: string;
  @ApiProperty({ example: '居民区' }) name: string;
  @ApiProperty() sortOrder: number;
  @ApiProperty({ description: 'Retired types stay on the retailers that have them' }) active: boolean;
}

class GradeRules {
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty({ enum: ['month', 'quarter'], description: 'How long a grade stays locked' })
  period: 'month' | 'quarter';
  @ApiProperty(DAY) nextPeriodStart: string;
}

export class RetailerClassificationsResponse {
  @ApiProperty({ type: [CodeLabel] }) businessTypes: CodeLabel[];
  @ApiProperty({ type: [CodeLabel] }) marketTypes: CodeLabel[];
  @ApiProperty({ type: [CodeLabel] }) scales: CodeLabel[];
  @ApiProperty({ type: [CodeLabel] }) statuses: CodeLabel[];
  @ApiProperty({ type: [WeekdayLabel] }) orderWeekdays: WeekdayLabel[];
  @ApiProperty() grades: GradeRules;
  @ApiProperty({ type: [DistrictTypeResponse] }) districtTypes: DistrictTypeResponse[];
}

class GradeHistoryEntry {
  @ApiProperty() grade: number;
  @ApiProperty(DAY) effectiveFrom: string;
  @ApiProperty({ enum: ['initial', 'change', 'import'] }) source: GradeSource;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The user who decided it' }) changedBy:
    number | null;
  @ApiProperty(INSTANT) createdAt: Date;
}

export class GradeHistoryResponse implements GradeHistoryView {
  @ApiProperty() retailerId: number;
  @ApiProperty({ description: 'The grade in force' }) grade: number;
  @ApiProperty(DAY) gradeSince: string;
  @ApiProperty(PENDING_GRADE) pendingGrade: PendingGrade | null;
  @ApiProperty({ enum: ['month', 'quarter'], description: 'How long a grade stays locked' })
  period: 'month' | 'quarter';
  @ApiProperty({ type: [GradeHistoryEntry] }) history: GradeHistoryEntry[];
}

class BigAccountMonth implements BigAccountMonthView {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty() cartons: number;
  @ApiProperty({ description: 'All cartons of the service center that month' }) localTotalCartons: number;
  @ApiProperty() localRetailerCount: number;
  @ApiProperty({ enum: ['monthlyVolume', 'aboveLocalAverage'], isArray: true }) grounds: BigAccountGround[];
  @ApiProperty() isBigAccount: boolean;
  @ApiProperty(INSTANT) assessedAt: Date;
}

class BigAccountOverride {
  @ApiProperty() bigAccount: boolean;
  @ApiProperty() reason: string;
  @ApiProperty({ type: Number, nullable: true }) by: number | null;
  @ApiProperty({ ...INSTANT, nullable: true }) at: Date | null;
}

export class BigAccountResponse implements BigAccountDetails {
  @ApiProperty() retailerId: number;
  @ApiProperty({ description: 'The flag in force' }) bigAccount: boolean;
  @ApiProperty({ enum: ['override', 'computed', 'none'] }) source: RetailerView['bigAccountSource'];
  @ApiProperty({ type: Boolean, nullable: true, description: 'The last monthly assessment' })
  computed: boolean | null;
  @ApiProperty({ type: BigAccountOverride, nullable: true }) override: BigAccountOverride | null;
  @ApiProperty({ type: [BigAccountMonth], description: 'Monthly assessments, newest first (up to 24)' })
  history: BigAccountMonth[];
}

export class RetailerActivationResponse implements RetailerActivation {
  @ApiProperty() userId: number;
  @ApiProperty({ description: 'The licence number' }) username: string;
  @ApiProperty({ description: 'Shown once; the retailer must change it at first login' })
  temporaryPassword: string;
}

class ImportedGrades {
  @ApiProperty() scheduled: number;
  @ApiProperty() cancelled: number;
  @ApiProperty(DAY) effectiveFrom: string;
}

class ImportedAccounts {
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
}

export class RetailerImportResponse implements RetailerImportSummary {
  @ApiProperty() rows: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty({ description: 'Grade changes take effect when the next period starts' })
  grades: ImportedGrades;
  @ApiProperty() accounts: ImportedAccounts;
}
