import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  IsObject,
  ValidateNested,
} from 'class-validator';
import { IsOmittable } from '#libs/shared';
import { GUIDANCE_TOPICS, type GuidanceTopic, VISIT_KINDS, type VisitKind } from '../../domain/index.js';
import { FieldPeriodQuery, INSTANT_PATTERN } from '../../http/field-query.js';

/** 1,000 yuan a pack / 10,000 yuan a carton: far above any real price, low enough to catch typos in fen. */
const MAX_PACK_FEN = 100_000;
const MAX_CARTON_FEN = 1_000_000;

export class GuidanceDto {
  @ApiProperty({ enum: GUIDANCE_TOPICS, isArray: true, example: ['brand_structure', 'display'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(GUIDANCE_TOPICS.length)
  @ArrayUnique()
  @IsIn(GUIDANCE_TOPICS, { each: true })
  topics: GuidanceTopic[];

  @ApiProperty({ example: '建议把重点品牌调整到柜台中间层，减少滞销规格库存', maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  advice: string;
}

export class PriceCheckDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  brandId: number;

  @ApiPropertyOptional({
    description: 'Observed price per pack, in fen (observe the pack, the carton or both)',
  })
  @ValidateIf((o: PriceCheckDto) => o.observedPackFen !== undefined || o.observedCartonFen === undefined)
  @IsInt({
    message:
      'observedPackFen must be a whole number of fen (observe the pack price, the carton price or both)',
  })
  @Min(1)
  @Max(MAX_PACK_FEN)
  observedPackFen?: number;

  @ApiPropertyOptional({ description: 'Observed price per carton, in fen' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(MAX_CARTON_FEN)
  observedCartonFen?: number;
}

export class ShelfCheckDto {
  @ApiProperty({ type: [Number], description: 'The specs found on the shelf 上柜 (may be empty)' })
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  brandIds: number[];
}

export class AwarenessDto {
  @ApiProperty({ description: 'Understands total-volume floating quotas (a cap, never a floor)' })
  @IsBoolean()
  floatingQuota: boolean;

  @ApiProperty({ description: 'Understands self-reporting of demand 自主提报' })
  @IsBoolean()
  selfReporting: boolean;
}

export class ChannelReachableDto {
  @ApiProperty()
  @IsBoolean()
  sms: boolean;

  @ApiProperty()
  @IsBoolean()
  wechat: boolean;

  @ApiProperty({ description: 'Uses the ordering portal' })
  @IsBoolean()
  portal: boolean;
}

/** Where the phone was, as the browser's geolocation gives it (only when its user allowed it). */
export class VisitPositionDto {
  @ApiProperty({ minimum: -90, maximum: 90, example: 30.2741 })
  @IsLatitude()
  latitude: number;

  @ApiProperty({ minimum: -180, maximum: 180, example: 120.1551 })
  @IsLongitude()
  longitude: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100000, description: 'Accuracy radius in metres' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(100000)
  accuracyMeters?: number;
}

export class RecordVisitDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  retailerId: number;

  @ApiProperty({
    example: '2026-11-28T10:30:00+08:00',
    description: 'When the visit happened, with its offset',
  })
  @IsString()
  @Matches(INSTANT_PATTERN, {
    message: 'visitedAt must be a timestamp with offset, e.g. 2026-11-28T10:30:00+08:00',
  })
  @IsISO8601({ strict: true })
  visitedAt: string;

  @ApiProperty({ enum: VISIT_KINDS })
  @IsIn(VISIT_KINDS)
  kind: VisitKind;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiPropertyOptional({ type: GuidanceDto, description: 'Required for, and only for, a guidance visit' })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => GuidanceDto)
  guidance?: GuidanceDto;

  @ApiPropertyOptional({ type: [PriceCheckDto], description: 'One line per spec checked, no spec twice' })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique((line: PriceCheckDto) => line?.brandId, { message: 'priceChecks must not name a brand twice' })
  @ValidateNested({ each: true })
  @Type(() => PriceCheckDto)
  priceChecks?: PriceCheckDto[];

  @ApiPropertyOptional({ type: ShelfCheckDto })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => ShelfCheckDto)
  shelfCheck?: ShelfCheckDto;

  @ApiPropertyOptional({ type: AwarenessDto, description: 'Policy awareness survey 知晓' })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => AwarenessDto)
  awareness?: AwarenessDto;

  @ApiPropertyOptional({
    type: ChannelReachableDto,
    description: 'Message channels the retailer is reachable on',
  })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => ChannelReachableDto)
  channelReachable?: ChannelReachableDto;

  @ApiPropertyOptional({
    type: VisitPositionDto,
    description: 'Where the visit was made, if the account manager’s phone allowed it (never required)',
  })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => VisitPositionDto)
  position?: VisitPositionDto;
}

export class CheckVisitDto {
  @ApiProperty({ description: 'Was the guidance effective 有效指导?' })
  @IsBoolean()
  effective: boolean;

  @ApiProperty({ maxLength: 1000, example: '重点品牌已调整到主陈列位' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note: string;
}

export class VisitQuery extends FieldPeriodQuery {
  @ApiPropertyOptional({ enum: VISIT_KINDS })
  @IsOmittable()
  @IsIn(VISIT_KINDS)
  kind?: VisitKind;
}
