import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Idempotent, PageOf, Roles } from '#libs/shared';
import { FIELD_READERS } from '../field-scope.js';
import { CallsService } from './calls.service.js';
import { CallQuery, RecordCallDto } from './dto/call.dto.js';
import { CallResponse } from './dto/call.responses.js';

@ApiTags('field work')
@Controller('calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Post()
  @Roles('account_manager')
  @Idempotent()
  @ApiOperation({ summary: 'Log a phone call to a retailer of your territory' })
  @ApiCreatedResponse({ type: CallResponse })
  record(@CurrentActor() actor: Actor, @Body() dto: RecordCallDto) {
    return this.calls.record(actor, dto);
  }

  @Get()
  @Roles(...FIELD_READERS)
  @ApiOperation({ summary: 'Phone calls in your scope' })
  @ApiOkResponse({ type: PageOf(CallResponse) })
  list(@CurrentActor() actor: Actor, @Query() query: CallQuery) {
    return this.calls.list(actor, query);
  }
}
