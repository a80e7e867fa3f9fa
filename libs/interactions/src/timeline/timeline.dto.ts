import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { IntegerText, IsOmittable } from '#libs/shared';
import { TIMELINE_TYPES } from './timeline.queries.js';

/** A position in a timeline: `<instant>_<type>_<id>`, the `key` of the last step of the page before. */
export const TIMELINE_KEY = new RegExp(
  `^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z)_(${TIMELINE_TYPES.join('|')})_(\\d{1,10})$`,
);

export class TimelineQuery {
  @ApiPropertyOptional({
    example: '2026-12-07T02:00:00.000Z_visit_42',
    description: 'The `key` of the last step already shown: the page continues after it (older steps)',
  })
  @IsOmittable()
  @IsString()
  @Matches(TIMELINE_KEY)
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IntegerText()
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}
