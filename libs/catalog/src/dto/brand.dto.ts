import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsOmittable, PageQuery, IntegerText, IsDateText, BooleanText } from '#libs/shared';
import { PRICE_CLASSES, type PriceClass } from '../domain/index.js';

const MAX_FEN = 100_000_000; // one million yuan: far above any carton
const given = (field: string) => (o: Record<string, unknown>) => o[field] !== undefined;

export class CreateBrandDto {
  @ApiProperty({
    example: '6901028075862',
    description: 'Letters, digits, - and _ (e.g. the carton barcode)',
  })
  @Matches(/^[A-Za-z0-9_-]{1,32}$/)
  code: string;

  @ApiProperty({ example: '红塔山(硬经典)' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  name: string;

  @ApiProperty({ example: '红塔烟草(集团)有限责任公司' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  manufacturer: string;

  @ApiProperty({
    example: 8480,
    description: 'Tax-excluded wholesale price per carton, in fen (decides the price class)',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  wholesalePriceFen: number;

  @ApiProperty({ example: 10000, description: 'Retail guide price per carton, in fen' })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  retailPriceCartonFen: number;

  @ApiProperty({ example: 1000, description: 'Retail guide price per pack, in fen' })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  retailPricePackFen: number;

  @ApiPropertyOptional({ type: String, example: '2025-03-01', nullable: true })
  @IsOptional()
  @IsDateText()
  launchDate?: string | null;

  @ApiPropertyOptional({ default: false, description: 'Scarce 紧俏 (may carry supply limits)' })
  @IsOmittable()
  @IsBoolean()
  scarce?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

/** Every field but the price class, which follows from the wholesale price. */
export class UpdateBrandDto {
  @ApiPropertyOptional()
  @ValidateIf(given('code'))
  @Matches(/^[A-Za-z0-9_-]{1,32}$/)
  code?: string;

  @ApiPropertyOptional()
  @ValidateIf(given('name'))
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  name?: string;

  @ApiPropertyOptional()
  @ValidateIf(given('manufacturer'))
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  manufacturer?: string;

  @ApiPropertyOptional()
  @ValidateIf(given('wholesalePriceFen'))
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  wholesalePriceFen?: number;

  @ApiPropertyOptional()
  @ValidateIf(given('retailPriceCartonFen'))
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  retailPriceCartonFen?: number;

  @ApiPropertyOptional()
  @ValidateIf(given('retailPricePackFen'))
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  retailPricePackFen?: number;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsDateText()
  launchDate?: string | null;

  @ApiPropertyOptional()
  @ValidateIf(given('scarce'))
  @IsBoolean()
  scarce?: boolean;

  @ApiPropertyOptional()
  @ValidateIf(given('active'))
  @IsBoolean()
  active?: boolean;
}

export const BRAND_SORTS = ['code', 'name', 'wholesalePrice', 'priceClass', 'launchDate'] as const;
export type BrandSort = (typeof BRAND_SORTS)[number];

export class BrandFilter {
  @ApiPropertyOptional({ enum: PRICE_CLASSES, description: '1–5 for classes I–V' })
  @IsOmittable()
  @IntegerText()
  @IsIn(PRICE_CLASSES)
  priceClass?: PriceClass;

  @ApiPropertyOptional({ description: 'Exact manufacturer name' })
  @IsOmittable()
  @IsString()
  @MaxLength(64)
  manufacturer?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @BooleanText()
  @IsBoolean()
  scarce?: boolean;

  @ApiPropertyOptional({ description: 'Retailers always see active brands only' })
  @IsOmittable()
  @BooleanText()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    description: 'Only key brands (national top 20 and the department’s equivalents) of `year`',
  })
  @IsOmittable()
  @BooleanText()
  @IsBoolean()
  keyBrand?: boolean;

  @ApiPropertyOptional({ description: 'Key-brand year (default: this year)' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({
    enum: ['urban', 'rural'],
    description: 'Only brands in this market’s cultivation focus tier',
  })
  @IsOmittable()
  @IsIn(['urban', 'rural'])
  focusMarket?: 'urban' | 'rural';

  @ApiPropertyOptional({ description: 'Launched on or after this day (new brands)' })
  @IsOmittable()
  @IsDateText()
  launchedSince?: string;

  @ApiPropertyOptional({
    description: 'Department whose key brands and focus tiers apply (admins; others: their own)',
  })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  departmentId?: number;

  @ApiPropertyOptional({ description: 'Matches code, name or manufacturer (contains)' })
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  search?: string;

  @ApiPropertyOptional({ enum: BRAND_SORTS, default: 'code' })
  @IsOmittable()
  @IsIn(BRAND_SORTS)
  sort?: BrandSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOmittable()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class BrandQuery extends IntersectionType(BrandFilter, PageQuery) {}

export class KeyBrandQuery {
  @ApiPropertyOptional({ description: 'Default: this year' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: 'Admins: whose equivalents to show (default: every department’s)' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  departmentId?: number;
}

export class KeyBrandListDto {
  @ApiProperty({ type: [Number], description: 'The whole list for the year (replaces it)' })
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  brandIds: number[];

  @ApiPropertyOptional({ description: 'Equivalents only: the department (admins must name it)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  departmentId?: number;
}

export class FocusTierRangeDto {
  @ApiProperty({ example: 1000, description: 'Lowest retail guide price per pack in the tier, fen' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  minFenPerPack: number;

  @ApiProperty({
    example: null,
    nullable: true,
    type: Number,
    description: 'Highest (inclusive), fen; null: no upper end',
  })
  @ValidateIf((o: FocusTierRangeDto) => o.maxFenPerPack !== null)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  maxFenPerPack: number | null;
}

export class FocusTiersDto {
  @ApiProperty({ type: FocusTierRangeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => FocusTierRangeDto)
  urban: FocusTierRangeDto;

  @ApiProperty({ type: FocusTierRangeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => FocusTierRangeDto)
  rural: FocusTierRangeDto;

  @ApiPropertyOptional({ description: 'Admins: the department (department heads: their own)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  departmentId?: number;
}

export class FocusTierQuery {
  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  departmentId?: number;
}
