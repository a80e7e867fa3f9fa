import { ApiHideProperty, ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  Allow,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsOmittable, PageQuery, IntegerText, IsDateText, BooleanText } from '#libs/shared';
import {
  BUSINESS_SCALES,
  BUSINESS_TYPES,
  type BusinessScale,
  type BusinessType,
  GRADE_MAX,
  GRADE_MIN,
  MARKET_TYPES,
  type MarketType,
} from '../domain/index.js';
import { RETAILER_STATUSES, type RetailerStatus } from '../domain/index.js';

const PHONE = /^[0-9+\- ]{5,20}$/;
/** Present in the body (null included): for fields that may be cleared but not sent as null by mistake. */
const given = (field: string) => (o: Record<string, unknown>) => o[field] !== undefined;

export class CreateRetailerDto {
  @ApiProperty({
    example: '362501000123',
    description: '专卖许可证号: digits, configured length (default 12)',
  })
  @IsString()
  @MaxLength(64)
  licenseNo: string;

  @ApiProperty({ example: '张记便利店' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  shopName: string;

  @ApiProperty({ example: '张建国' })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  ownerName: string;

  @ApiPropertyOptional({ type: String, example: '13807910001', nullable: true })
  @IsOptional()
  @IsString()
  @Matches(PHONE)
  phone?: string | null;

  @ApiProperty({ example: '示范县城关镇人民路128号' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  address: string;

  @ApiProperty({ description: 'A territory 片区 in your scope' })
  @IsInt()
  @Min(1)
  territoryId: number;

  @ApiProperty({
    enum: BUSINESS_TYPES.codes,
    description: '业态: 食杂 C, 便利 B, 超市 S, 商场 N, 烟酒 Y, 娱乐服务 F, 其他 Q',
  })
  @IsIn(BUSINESS_TYPES.codes)
  businessType: BusinessType;

  @ApiProperty({ enum: MARKET_TYPES.codes, description: '城镇 urban / 乡村 rural' })
  @IsIn(MARKET_TYPES.codes)
  marketType: MarketType;

  @ApiProperty({ enum: BUSINESS_SCALES.codes })
  @IsIn(BUSINESS_SCALES.codes)
  scale: BusinessScale;

  @ApiProperty({
    minimum: GRADE_MIN,
    maximum: GRADE_MAX,
    description: 'Initial grade 档位, in force at once',
  })
  @IsInt()
  @Min(GRADE_MIN)
  @Max(GRADE_MAX)
  grade: number;

  @ApiPropertyOptional({
    type: String,
    example: 'residential',
    nullable: true,
    description: 'Business-district type code',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  districtType?: string | null;

  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday of the order day (1 = Monday)' })
  @IsInt()
  @Min(1)
  @Max(7)
  orderWeekday: number;

  @ApiPropertyOptional({ default: false })
  @IsOmittable()
  @IsBoolean()
  reachableSms?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOmittable()
  @IsBoolean()
  reachableWechat?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOmittable()
  @IsBoolean()
  reachablePortal?: boolean;

  @ApiPropertyOptional({ type: String, example: '1975-06-18', nullable: true })
  @IsOptional()
  @IsDateText()
  ownerBirthday?: string | null;

  @ApiPropertyOptional({ type: String, example: '2024-01-01', nullable: true })
  @IsOptional()
  @IsDateText()
  licenseValidFrom?: string | null;

  @ApiPropertyOptional({ type: String, example: '2028-12-31', nullable: true })
  @IsOptional()
  @IsDateText()
  licenseValidTo?: string | null;
}

/**
 * What may be changed on a retailer. Account managers may change the contact fields only (phone, channel
 * reachability, owner's birthday). The grade, status and big-account flag have their own routes: sending
 * them here is refused with a code saying where to go.
 */
export class UpdateRetailerDto {
  @ApiPropertyOptional()
  @ValidateIf(given('licenseNo'))
  @IsString()
  @MaxLength(64)
  licenseNo?: string;

  @ApiPropertyOptional()
  @ValidateIf(given('shopName'))
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  shopName?: string;

  @ApiPropertyOptional()
  @ValidateIf(given('ownerName'))
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  ownerName?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(PHONE)
  phone?: string | null;

  @ApiPropertyOptional()
  @ValidateIf(given('address'))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  address?: string;

  @ApiPropertyOptional()
  @ValidateIf(given('territoryId'))
  @IsInt()
  @Min(1)
  territoryId?: number;

  @ApiPropertyOptional({ enum: BUSINESS_TYPES.codes })
  @ValidateIf(given('businessType'))
  @IsIn(BUSINESS_TYPES.codes)
  businessType?: BusinessType;

  @ApiPropertyOptional({ enum: MARKET_TYPES.codes })
  @ValidateIf(given('marketType'))
  @IsIn(MARKET_TYPES.codes)
  marketType?: MarketType;

  @ApiPropertyOptional({ enum: BUSINESS_SCALES.codes })
  @ValidateIf(given('scale'))
  @IsIn(BUSINESS_SCALES.codes)
  scale?: BusinessScale;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  districtType?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 7 })
  @ValidateIf(given('orderWeekday'))
  @IsInt()
  @Min(1)
  @Max(7)
  orderWeekday?: number;

  @ApiPropertyOptional()
  @ValidateIf(given('reachableSms'))
  @IsBoolean()
  reachableSms?: boolean;

  @ApiPropertyOptional()
  @ValidateIf(given('reachableWechat'))
  @IsBoolean()
  reachableWechat?: boolean;

  @ApiPropertyOptional()
  @ValidateIf(given('reachablePortal'))
  @IsBoolean()
  reachablePortal?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsDateText()
  ownerBirthday?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsDateText()
  licenseValidFrom?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsDateText()
  licenseValidTo?: string | null;

  // Accepted only to be refused with a precise code (RETAILER_GRADE_LOCKED, …), not a generic one.
  @ApiHideProperty() @Allow() grade?: unknown;
  @ApiHideProperty() @Allow() status?: unknown;
  @ApiHideProperty() @Allow() bigAccount?: unknown;
}

/** The fields an account manager may change: how to reach the retailer, and the owner's birthday. */
export const CONTACT_FIELDS = [
  'phone',
  'reachableSms',
  'reachableWechat',
  'reachablePortal',
  'ownerBirthday',
] as const;

export const RETAILER_SORTS = [
  'licenseNo',
  'shopName',
  'grade',
  'territory',
  'createdAt',
  'updatedAt',
] as const;
export type RetailerSort = (typeof RETAILER_SORTS)[number];

/** The filters of the retailer list, shared by the export. */
export class RetailerFilter {
  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  territoryId?: number;

  @ApiPropertyOptional({ description: 'Service center 客户服务部' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  serviceCenterId?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  departmentId?: number;

  @ApiPropertyOptional({ minimum: GRADE_MIN, maximum: GRADE_MAX })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(GRADE_MIN)
  @Max(GRADE_MAX)
  grade?: number;

  @ApiPropertyOptional({ minimum: GRADE_MIN, maximum: GRADE_MAX, description: 'Grade from (inclusive)' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(GRADE_MIN)
  @Max(GRADE_MAX)
  gradeMin?: number;

  @ApiPropertyOptional({ minimum: GRADE_MIN, maximum: GRADE_MAX, description: 'Grade to (inclusive)' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(GRADE_MIN)
  @Max(GRADE_MAX)
  gradeMax?: number;

  @ApiPropertyOptional({ enum: BUSINESS_TYPES.codes })
  @IsOmittable()
  @IsIn(BUSINESS_TYPES.codes)
  businessType?: BusinessType;

  @ApiPropertyOptional({ enum: MARKET_TYPES.codes })
  @IsOmittable()
  @IsIn(MARKET_TYPES.codes)
  marketType?: MarketType;

  @ApiPropertyOptional({ enum: BUSINESS_SCALES.codes })
  @IsOmittable()
  @IsIn(BUSINESS_SCALES.codes)
  scale?: BusinessScale;

  @ApiPropertyOptional()
  @IsOmittable()
  @BooleanText()
  @IsBoolean()
  bigAccount?: boolean;

  @ApiPropertyOptional({ enum: RETAILER_STATUSES })
  @IsOmittable()
  @IsIn(RETAILER_STATUSES)
  status?: RetailerStatus;

  @ApiPropertyOptional({ description: 'Business-district type code' })
  @IsOmittable()
  @IsString()
  @MaxLength(32)
  districtType?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 7 })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  @Max(7)
  orderWeekday?: number;

  @ApiPropertyOptional({ description: 'Matches shop name, licence number, owner or phone (contains)' })
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  search?: string;

  @ApiPropertyOptional({ enum: RETAILER_SORTS, default: 'licenseNo' })
  @IsOmittable()
  @IsIn(RETAILER_SORTS)
  sort?: RetailerSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOmittable()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class RetailerQuery extends IntersectionType(RetailerFilter, PageQuery) {}

export class ChangeStatusDto {
  @ApiProperty({ enum: RETAILER_STATUSES })
  @IsIn(RETAILER_STATUSES)
  status: RetailerStatus;

  @ApiProperty({ example: '店主申请暂停营业（装修）' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason: string;
}

export class GradeChangeDto {
  @ApiProperty({ minimum: GRADE_MIN, maximum: GRADE_MAX, description: 'The grade from the next period on' })
  @IsInt()
  @Min(GRADE_MIN)
  @Max(GRADE_MAX)
  grade: number;

  @ApiProperty({ example: '季度评档结果' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason: string;
}

export class BigAccountOverrideDto {
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'true / false overrule the monthly computation; null removes the override',
  })
  @ValidateIf((o: BigAccountOverrideDto) => o.bigAccount !== null)
  @IsBoolean()
  bigAccount: boolean | null;

  @ApiProperty({ example: '批发兼营，实际经营量远超档位' })
  @IsString()
  @MaxLength(200)
  reason: string;
}

export class DistrictTypeListQuery {
  @ApiPropertyOptional({ description: 'true: retired types too' })
  @IsOmittable()
  @BooleanText()
  @IsBoolean()
  all?: boolean;
}

export class CreateDistrictTypeDto {
  @ApiProperty({ example: 'hospital', description: 'Lower-case letters, digits and _' })
  @Matches(/^[a-z][a-z0-9_]{0,31}$/)
  code: string;

  @ApiProperty({ example: '医院周边' })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  name: string;

  @ApiPropertyOptional({ default: 0 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(999)
  sortOrder?: number;
}

export class UpdateDistrictTypeDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  name?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(999)
  sortOrder?: number;

  @ApiPropertyOptional({ description: 'Retire (false) or reinstate (true)' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}
