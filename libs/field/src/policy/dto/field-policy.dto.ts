import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsOmittable } from '#libs/shared';

/** A change to a department's field policy; fields left out keep their value (or the default). */
export class UpdateFieldPolicyDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 90,
    description: 'Big accounts visited at least every N days (default 7)',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(90)
  bigAccountVisitDays?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 90,
    description: 'Other retailers at least every N days (default 14)',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(90)
  regularVisitDays?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 200,
    description: 'Visits per working day, town territory (default 30)',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(200)
  urbanVisitsPerDay?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 200,
    description: 'Visits per working day, rural territory (default 25)',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(200)
  ruralVisitsPerDay?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 500, description: 'Phone calls per working day (default 30)' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(500)
  callsPerDay?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 5000,
    description:
      'Price-check tolerance in basis points of the guide price (default 0: exactly the guide price)',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(5000)
  priceToleranceBp?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 31,
    description: 'Days back a visit or call may be recorded (default 7)',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(31)
  visitBackdateDays?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 50,
    description:
      'Guidance visits per account manager and month drawn for the market managers’ check (default 5); ' +
      'effective guidance is assessed on this sample, frozen when the month’s recording window closes',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(50)
  guidanceCheckSampleSize?: number;
}
