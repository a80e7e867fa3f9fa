import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, PageOf, ParseIdPipe, Roles, STAFF_ROLES } from '#libs/shared';
import { OrgService } from './org.service.js';
import { OrgDirectory } from './ports/org.directory.js';
import { CreateOrgUnitDto, OrgUnitQuery, UpdateOrgUnitDto } from './dto/org-unit.dto.js';
import { OrgUnitDetailResponse, OrgUnitResponse, TerritoryResponse } from './dto/org-unit.responses.js';

@ApiTags('org')
@Controller('org-units')
export class OrgController {
  constructor(
    private readonly org: OrgService,
    private readonly directory: OrgDirectory,
  ) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Org units the caller may see (admins: all; department heads: their department)' })
  @ApiOkResponse({ type: PageOf(OrgUnitResponse) })
  list(@CurrentActor() actor: Actor, @Query() query: OrgUnitQuery) {
    return this.org.list(actor, query);
  }

  @Get('territories')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'The territories in the caller’s scope, with center, squad and routes' })
  @ApiOkResponse({ type: [TerritoryResponse] })
  territories(@CurrentActor() actor: Actor) {
    return this.directory.territories(actor);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'One org unit the caller may see' })
  @ApiOkResponse({ type: OrgUnitDetailResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.org.getVisible(actor, id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add an org unit under its parent' })
  @ApiCreatedResponse({ type: OrgUnitResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOrgUnitDto) {
    return this.org.create(actor, dto);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change an org unit: code, name, parent, squad, routes, active' })
  @ApiOkResponse({ type: OrgUnitResponse })
  update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateOrgUnitDto) {
    return this.org.update(actor, id, dto);
  }
}
