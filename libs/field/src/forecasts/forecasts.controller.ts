import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles, ParseMonthPipe } from '#libs/shared';
import { FIELD_READERS } from '../field-scope.js';
import { ForecastsService } from './forecasts.service.js';
import { ForecastQuery, PutForecastDto } from './dto/forecast.dto.js';
import { AccuracyReportResponse, ForecastMonthResponse, ForecastResponse } from './dto/forecast.responses.js';

@ApiTags('forecasts')
@Controller('forecasts')
export class ForecastsController {
  constructor(private readonly forecasts: ForecastsService) {}

  @Put(':month')
  @Roles('account_manager')
  @ApiParam({ name: 'month', example: '2026-12' })
  @ApiOperation({
    summary:
      'Submit your territory’s per-spec forecast for a month; editable until the month starts (then 409 FORECAST_LOCKED)',
  })
  @ApiOkResponse({ type: ForecastResponse })
  put(
    @CurrentActor() actor: Actor,
    @Param('month', ParseMonthPipe) month: string,
    @Body() dto: PutForecastDto,
  ) {
    return this.forecasts.put(actor, month, dto);
  }

  @Get(':month')
  @Roles(...FIELD_READERS)
  @ApiParam({ name: 'month', example: '2026-12' })
  @ApiOperation({ summary: 'The month’s forecasts in your scope, and the territories that have none' })
  @ApiOkResponse({ type: ForecastMonthResponse })
  get(
    @CurrentActor() actor: Actor,
    @Param('month', ParseMonthPipe) month: string,
    @Query() query: ForecastQuery,
  ) {
    return this.forecasts.get(actor, month, query);
  }

  @Get(':month/accuracy')
  @Roles(...FIELD_READERS)
  @ApiParam({ name: 'month', example: '2026-10' })
  @ApiOperation({
    summary:
      'Forecast accuracy of a finished month per spec, per territory and volume-weighted (key brands separately)',
  })
  @ApiOkResponse({ type: AccuracyReportResponse })
  accuracy(
    @CurrentActor() actor: Actor,
    @Param('month', ParseMonthPipe) month: string,
    @Query() query: ForecastQuery,
  ) {
    return this.forecasts.accuracy(actor, month, query);
  }
}
