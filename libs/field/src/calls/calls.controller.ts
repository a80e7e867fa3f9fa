import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Idempotent, Roles } from '#libs/shared';
import { FIELD_READERS } from '../field-scope.js';
import { CallsService } from './calls.service.js';
import { CallQuery, RecordCallDto } from './dto/call.dto.js';

@ApiTags('field work')
@Controller('calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Post()
  @Roles('account_manager')
  @Idempotent()
  @ApiOperation({ summary: 'Log a phone call to a retailer of your territory' })
  record(@CurrentActor() actor: Actor, @Body() dto: RecordCallDto) {
    return this.calls.record(actor, dto);
  }

  @Get()
  @Roles(...FIELD_READERS)
  @ApiOperation({ summary: 'Phone calls in your scope' })
  list(@CurrentActor() actor: Actor, @Query() query: CallQuery) {
    return this.calls.list(actor, query);
  }
}
