import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
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
  @ApiProperty({
    example: '2026-12-01T01:40:00Z',
    description:
      'When the goods arrived, as the driver states it: kept as a statement; punctuality is judged by the ' +
      'recorded time, and a statement further from it than the tolerance makes the stop 补录',
  })
  @Type(() => Date)
  @IsDate()
  arrivedAt: Date;

  @ApiPropertyOptional({
    example: '048213',
    description:
      'The retailer’s one-time door code 到户确认码 for this stop (valid on its delivery date only)',
  })
  @IsOmittable()
  @IsString()
  @Matches(/^\d{6}$/)
  doorCode?: string;

  @ApiPropertyOptional({
    example: '2026-12-01T01:41:00Z',
    description:
      'The phone’s time when the door code was entered (a completion queued offline); kept as the recorded ' +
      'time when the completion reaches the server within the configured bound. Default: the server’s time',
  })
  @IsOmittable()
  @Type(() => Date)
  @IsDate()
  doorCodeEnteredAt?: Date;

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

  @ApiPropertyOptional({
    maxLength: 50,
    example: '店员',
    description: 'Who the proxy is to the licence holder (required for a proxy receipt)',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(50)
  receiverRelation?: string;

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

export class DoorCodeView {
  @ApiProperty()
  deliveryId: number;

  @ApiProperty({ example: '2026-12-01', description: 'The only day the code is good for' })
  deliveryDate: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '048213',
    description: 'Six digits the retailer gives the driver at the door; null when none is given (see why)',
  })
  code: string | null;

  @ApiProperty({
    enum: ['completed', 'notDeliveryDate'],
    nullable: true,
    description: 'Why there is no code: the stop is completed already, or today is not its delivery date',
  })
  unavailable: 'completed' | 'notDeliveryDate' | null;
}
