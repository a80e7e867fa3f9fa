import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsIn, IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { IsOmittable, PageQuery, IntegerText, IsMonthText, IsDateText, BooleanText } from '#libs/shared';
import {
  DELIVERY_STATES,
  FEEDBACK_KINDS,
  FEEDBACK_STATES,
  RECEIVER_KINDS,
  type DeliveryState,
  type FeedbackKind,
  type FeedbackState,
  type ReceiverKind,
} from '../domain/index.js';

export class CompleteDeliveryDto {
  @ApiProperty({ example: '2026-12-01T01:40:00Z', description: 'When the goods arrived at the door' })
  @Type(() => Date)
  @IsDate()
  arrivedAt: Date;

  @ApiProperty({
    enum: RECEIVER_KINDS,
    description: 'retailer: the licence holder; proxy: anyone else (代接货, needs name and reason)',
  })
  @IsIn(RECEIVER_KINDS)
  receiver: ReceiverKind;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOmittable()
  @IsString()
  @MaxLength(100)
  receiverName?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Why someone else received the goods' })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class FailDeliveryDto {
  @ApiProperty({ minLength: 2, maxLength: 500, example: '店铺关门，联系不上店主' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

export class DeliveryQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-12-01', description: 'Delivery date' })
  @IsOmittable()
  @IsDateText()
  date?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  routeId?: number;

  @ApiPropertyOptional({ enum: DELIVERY_STATES })
  @IsOmittable()
  @IsIn(DELIVERY_STATES)
  status?: DeliveryState;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  retailerId?: number;

  @ApiPropertyOptional({ description: 'Only proxy receipts 代接货 (true)' })
  @IsOmittable()
  @BooleanText()
  @IsBoolean()
  proxyReceipt?: boolean;
}

export class DeliveryRunQuery {
  @ApiProperty({ example: '2026-12-01' })
  @IsDateText()
  date: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  routeId?: number;
}

export class PlanDeliveriesDto {
  @ApiProperty({ example: '2026-11-30', description: 'The order date whose unified order is delivered' })
  @IsDateText()
  orderDate: string;
}

export class PunctualityQuery {
  @ApiProperty({ example: '2026-11', description: 'Stops whose delivery date falls in this month' })
  @IsString()
  @IsMonthText()
  month: string;
}

export class RaiseFeedbackDto {
  @ApiProperty({ enum: FEEDBACK_KINDS })
  @IsIn(FEEDBACK_KINDS)
  kind: FeedbackKind;

  @ApiProperty({ minLength: 2, maxLength: 1000 })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  description: string;
}

export class AnswerFeedbackDto {
  @ApiProperty({ minLength: 2, maxLength: 1000 })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  answer: string;
}

export class FeedbackQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FEEDBACK_STATES })
  @IsOmittable()
  @IsIn(FEEDBACK_STATES)
  status?: FeedbackState;

  @ApiPropertyOptional({ description: 'Only items not closed yet (open or answered), oldest first' })
  @IsOmittable()
  @BooleanText()
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  routeId?: number;
}
