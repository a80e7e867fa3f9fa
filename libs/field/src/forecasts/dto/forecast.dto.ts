import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsOmittable, IntegerText } from '#libs/shared';

export class ForecastLineDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  brandId: number;

  @ApiProperty({
    minimum: 0,
    maximum: 10_000_000,
    description: 'Forecast cartons for the month (0: none expected)',
  })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  cartons: number;
}

/** The whole forecast of a month: it replaces the previous submission. */
export class PutForecastDto {
  @ApiProperty({ type: [ForecastLineDto], description: 'One line per spec, no spec twice' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique((line: ForecastLineDto) => line?.brandId, { message: 'lines must not name a brand twice' })
  @ValidateNested({ each: true })
  @Type(() => ForecastLineDto)
  lines: ForecastLineDto[];
}

export class ForecastQuery {
  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  accountManagerId?: number;
}
