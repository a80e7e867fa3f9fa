import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, ParseIdPipe, Roles } from '#libs/shared';
import { THREE_ROLES } from '../domain/index.js';
import { TimelineService } from './timeline.service.js';
import { TimelineQuery } from './timeline.dto.js';
import { TimelinePageResponse } from './timeline.responses.js';

@ApiTags('problems')
@Controller('retailers')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get(':id/timeline')
  @Roles('admin', 'department_head', 'inspector', 'market_manager', ...THREE_ROLES)
  @ApiOperation({
    summary:
      'The three-role timeline of a retailer, newest first: visits and checks, leads and results, deliveries and ' +
      'receipts, feedback and problems, each with who and when (a retailer outside scope is 404)',
  })
  @ApiOkResponse({ type: TimelinePageResponse })
  page(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Query() query: TimelineQuery) {
    return this.timeline.page(actor, id, query);
  }
}
