import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, ParseIdPipe, ROLES, Roles, STAFF_ROLES } from '#libs/shared';
import { ForbiddenQuotaFieldsGuard } from './forbidden-quota-fields.guard.js';
import { QuotaListService } from './quota-list.service.js';
import { QuotaPolicyService } from './quota-policy.service.js';
import { QuotaService } from './quota.service.js';
import { ScarceLimitsService } from './scarce-limits.service.js';
import {
  AgreedTotalDto,
  ComputeQuotasDto,
  MonthQuery,
  ProposeLimitsDto,
  RetailerScarceLimitQuery,
  QuotaPolicyDto,
  QuotaPolicyQuery,
  RebalanceDto,
  ScarceLimitQuery,
  ScarceLimitsDto,
} from './dto/quota.dto.js';
import { TerritoryQuotaQuery, TerritoryQuotas } from './dto/quota-list.dto.js';
import {
  LimitProposalResponse,
  QuotaComputationResponse,
  QuotaPolicyResponse,
  QuotaResponse,
  RebalanceResponse,
  RetailerScarceLimitsResponse,
  ScarceLimitResponse,
} from './dto/quota.responses.js';

@ApiTags('quotas')
@Controller()
@UseGuards(ForbiddenQuotaFieldsGuard)
export class QuotasController {
  constructor(
    private readonly quotas: QuotaService,
    private readonly policies: QuotaPolicyService,
    private readonly scarce: ScarceLimitsService,
    private readonly list: QuotaListService,
  ) {}

  @Get('quotas')
  @Roles('admin', 'department_head', 'inspector', 'market_manager')
  @ApiOperation({
    summary: 'A territory’s quotas of a month: agreed total, float, cap, used, reserved, remaining, pacing',
  })
  @ApiOkResponse({ type: TerritoryQuotas })
  territoryQuotas(@CurrentActor() actor: Actor, @Query() query: TerritoryQuotaQuery) {
    return this.list.territory(actor, query.territoryId, query.month);
  }

  @Get('retailers/:id/quota')
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'A retailer’s monthly cap (never a floor), use, and what it may order this cycle',
  })
  @ApiOkResponse({ type: QuotaResponse })
  view(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Query() query: MonthQuery) {
    return this.quotas.view(actor, id, query.month);
  }

  @Put('retailers/:id/agreed-total')
  @Roles('market_manager')
  @ApiOperation({
    summary: 'Set the agreed monthly total 商定总量 of a retailer of your center; the cap follows',
  })
  @ApiOkResponse({ type: QuotaResponse })
  setAgreedTotal(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: AgreedTotalDto,
  ) {
    return this.quotas.setAgreedTotal(actor, id, dto.month, dto.cartons);
  }

  @Post('quotas/rebalance')
  @Roles('market_manager', 'department_head')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move cap between retailers of one territory or center; the total must not change',
  })
  @ApiOkResponse({ type: RebalanceResponse })
  rebalance(@CurrentActor() actor: Actor, @Body() dto: RebalanceDto) {
    return this.quotas.rebalance(actor, dto);
  }

  @Post('quotas/compute')
  @Roles('admin', 'department_head')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Compute a month’s quotas now (the monthly job does it on the 25th for next month)',
  })
  @ApiOkResponse({ type: QuotaComputationResponse })
  compute(@CurrentActor() actor: Actor, @Body() dto: ComputeQuotasDto) {
    return this.quotas.compute(
      actor,
      dto.month,
      actor.role === 'admin' ? undefined : [actor.departmentId ?? -1],
    );
  }

  @Get('quota-policies')
  @Roles('admin', 'department_head', 'market_manager')
  @ApiOperation({ summary: 'A department’s quota policy: float allowances, trailing window, pacing, grades' })
  @ApiOkResponse({ type: QuotaPolicyResponse })
  getPolicy(@CurrentActor() actor: Actor, @Query() query: QuotaPolicyQuery) {
    return this.policies.get(actor, query.departmentId);
  }

  @Put('quota-policies')
  @Roles('admin', 'department_head')
  @ApiOperation({
    summary: 'Replace the department’s float allowances, floating rule, pacing and grade bases',
  })
  @ApiOkResponse({ type: QuotaPolicyResponse })
  putPolicy(@CurrentActor() actor: Actor, @Body() dto: QuotaPolicyDto) {
    return this.policies.put(actor, dto);
  }

  @Get('scarce-limits')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Scarce-spec limits per grade' })
  @ApiOkResponse({ type: [ScarceLimitResponse] })
  listScarce(@CurrentActor() actor: Actor, @Query() query: ScarceLimitQuery) {
    return this.scarce.list(actor, query);
  }

  @Get('retailers/:id/scarce-limits')
  @Roles(...ROLES)
  @ApiOperation({
    summary:
      'A retailer’s limit per scarce spec 紧俏限量 for an order week, at its grade (a retailer: its own)',
  })
  @ApiOkResponse({ type: RetailerScarceLimitsResponse })
  retailerScarce(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Query() query: RetailerScarceLimitQuery,
  ) {
    return this.scarce.forRetailer(actor, id, query.weekStart);
  }

  @Put('scarce-limits')
  @Roles('department_head')
  @ApiOperation({
    summary: 'Per-grade supply limits 限量 of a scarce spec for an order week (never a purchase duty)',
  })
  @ApiOkResponse({ type: ScarceLimitResponse })
  putScarce(@CurrentActor() actor: Actor, @Body() dto: ScarceLimitsDto) {
    return this.scarce.put(actor, dto);
  }

  @Post('scarce-limits/propose')
  @Roles('department_head')
  @HttpCode(200)
  @ApiOperation({ summary: 'Propose a limit vector whose Σ limit × retailers approaches the planned supply' })
  @ApiOkResponse({ type: LimitProposalResponse })
  propose(@CurrentActor() actor: Actor, @Body() dto: ProposeLimitsDto) {
    return this.scarce.propose(actor, dto);
  }
}
