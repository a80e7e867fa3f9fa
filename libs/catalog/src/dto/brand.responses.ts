import { ApiProperty } from '@nestjs/swagger';
import type { KeyBrandKind } from '../brand.entity.js';
import type { BrandView } from '../brand-view.js';
import { type FocusMarket, PRICE_CLASSES, type PriceClass } from '../domain/index.js';
import type { BrandImportSummary } from '../excel/brand-excel.service.js';
import type { FocusTiersView } from '../focus-tiers.service.js';
import type { KeyBrandView } from '../key-brands.service.js';

// What the catalogue routes answer, for the OpenAPI document (each class implements the type the service
// returns, so the compiler keeps the two together).

const KEY_BRAND_KINDS = ['national_top20', 'equivalent'];

export class BrandResponse implements BrandView {
  @ApiProperty() id: number;
  @ApiProperty({ example: '6901028075831' }) code: string;
  @ApiProperty({ example: '中华(硬)' }) name: string;
  @ApiProperty({ example: '上海烟草集团' }) manufacturer: string;
  @ApiProperty({ description: 'Wholesale price per carton, fen' }) wholesalePriceFen: number;
  @ApiProperty({ description: 'Retail guide price per carton, fen' }) retailPriceCartonFen: number;
  @ApiProperty({ description: 'Retail guide price per pack, fen' }) retailPricePackFen: number;
  @ApiProperty({ enum: PRICE_CLASSES, description: 'Price class 一类…五类, from the wholesale price' })
  priceClass: PriceClass;
  @ApiProperty({ example: '一类' }) priceClassLabel: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) launchDate: string | null;
  @ApiProperty() scarce: boolean;
  @ApiProperty() active: boolean;
  @ApiProperty({
    enum: ['urban', 'rural'],
    isArray: true,
    description: 'Focus tiers the pack price falls in',
  })
  focusMarkets: FocusMarket[];
  @ApiProperty({
    enum: KEY_BRAND_KINDS,
    nullable: true,
    description: 'Key brand this year, for your department',
  })
  keyBrand: KeyBrandKind | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class BrandImportResponse implements BrandImportSummary {
  @ApiProperty() rows: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty({ description: 'Specifications whose price class moved with their wholesale price' })
  priceClassChanges: number;
}

export class KeyBrandResponse implements KeyBrandView {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ enum: KEY_BRAND_KINDS }) kind: KeyBrandKind;
  @ApiProperty({ type: Number, nullable: true, description: 'null for the national list' })
  departmentId: number | null;
  @ApiProperty() brandId: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() manufacturer: string;
  @ApiProperty({ enum: PRICE_CLASSES }) priceClass: PriceClass;
  @ApiProperty() active: boolean;
}

class FocusTierRange {
  @ApiProperty({ description: 'Lowest pack price, fen (inclusive)' }) minFenPerPack: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Highest, fen (inclusive); null: no upper end' })
  maxFenPerPack: number | null;
  @ApiProperty({ enum: ['default', 'department'] }) source: 'default' | 'department';
}

export class FocusTiersResponse implements FocusTiersView {
  @ApiProperty({ type: Number, nullable: true, description: 'null: the defaults' }) departmentId:
    number | null;
  @ApiProperty() urban: FocusTierRange;
  @ApiProperty() rural: FocusTierRange;
}
