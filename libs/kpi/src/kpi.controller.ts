import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, ParseIdPipe, Roles } from '#libs/shared';
import { KpiService } from './kpi.service.js';
import { KpiTargetsService } from './targets/kpi-targets.service.js';
import { KpiMonthQuery } from './dto/kpi-query.dto.js';
import { KpiDefinitionResponse, KpiRowsResponse, KpiTargetsResponse } from './dto/kpi.responses.js';
import { PutKpiTargetsDto } from './targets/kpi-targets.dto.js';

/** Who reads KPIs: each within its scope (see KpiService). */
export const KPI_READERS = [
  'admin',
  'department_head',
  'inspector',
  'market_manager',
  'account_manager',
] as const;

@ApiTags('KPIs')
@Controller('kpi')
export class KpiController {
  constructor(
    private readonly kpis: KpiService,
    private readonly targets: KpiTargetsService,
  ) {}

  @Get('definitions')
  @Roles(...KPI_READERS)
  @ApiOperation({
    summary: 'Every KPI: Chinese label, unit, what is counted above and below the line, default target',
  })
  @ApiOkResponse({ type: [KpiDefinitionResponse] })
  definitions() {
    return this.kpis.definitions();
  }

  @Get('account-managers')
  @Roles(...KPI_READERS)
  @ApiOperation({
    summary:
      'A month’s KPIs per account manager (territory), each with its parts, target and whether it meets it; ' +
      'live while the month is open, from the immutable snapshot once closed. An account manager sees its own row.',
  })
  @ApiOkResponse({ type: KpiRowsResponse })
  accountManagers(@CurrentActor() actor: Actor, @Query() query: KpiMonthQuery) {
    return this.kpis.accountManagers(actor, query);
  }

  @Get('service-centers')
  @Roles('admin', 'department_head', 'inspector', 'market_manager')
  @ApiOperation({ summary: 'A month’s KPIs per service center (parts added up, never ratios averaged)' })
  @ApiOkResponse({ type: KpiRowsResponse })
  serviceCenters(@CurrentActor() actor: Actor, @Query() query: KpiMonthQuery) {
    return this.kpis.serviceCenters(actor, query);
  }

  @Get('departments')
  @Roles('admin', 'department_head', 'inspector')
  @ApiOperation({ summary: 'A month’s KPIs of the department as a whole' })
  @ApiOkResponse({ type: KpiRowsResponse })
  departments(@CurrentActor() actor: Actor, @Query() query: KpiMonthQuery) {
    return this.kpis.departments(actor, query);
  }

  @Get('squads')
  @Roles('admin', 'department_head', 'inspector', 'enforcement_officer')
  @ApiOperation({
    summary:
      'A month’s lead verification rate 查实率 and on-time rate per enforcement squad (an officer: its own squad)',
  })
  @ApiOkResponse({ type: KpiRowsResponse })
  squads(@CurrentActor() actor: Actor, @Query() query: KpiMonthQuery) {
    return this.kpis.squads(actor, query);
  }

  @Get('delivery')
  @Roles('admin', 'department_head', 'inspector', 'market_manager', 'delivery_staff')
  @ApiOperation({
    summary:
      'A month’s delivery punctuality 送货及时率 and proxy receipts 代接货 per delivery staff member ' +
      '(delivery staff: their own row; a market manager: its center’s routes)',
  })
  @ApiOkResponse({ type: KpiRowsResponse })
  delivery(@CurrentActor() actor: Actor, @Query() query: KpiMonthQuery) {
    return this.kpis.delivery(actor, query);
  }

  @Get('targets/:departmentId')
  @Roles(...KPI_READERS)
  @ApiOperation({ summary: 'The department’s KPI targets: defaults, its own, and per territory' })
  @ApiOkResponse({ type: KpiTargetsResponse })
  getTargets(@CurrentActor() actor: Actor, @Param('departmentId', ParseIdPipe) departmentId: number) {
    return this.targets.view(actor, departmentId);
  }

  @Put('targets/:departmentId')
  @Roles('admin', 'department_head')
  @ApiOperation({
    summary:
      'Replace the department’s KPI targets (KPIs left out use the defaults; kind "none" removes a target); audited',
  })
  @ApiOkResponse({ type: KpiTargetsResponse })
  putTargets(
    @CurrentActor() actor: Actor,
    @Param('departmentId', ParseIdPipe) departmentId: number,
    @Body() dto: PutKpiTargetsDto,
  ) {
    return this.targets.replace(actor, departmentId, dto);
  }
}
