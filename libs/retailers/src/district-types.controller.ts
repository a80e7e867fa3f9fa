import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, ROLES, Roles } from '#libs/shared';
import { DistrictTypesService } from './district-types.service.js';
import { CreateDistrictTypeDto, DistrictTypeListQuery, UpdateDistrictTypeDto } from './dto/retailer.dto.js';
import { DistrictTypeResponse } from './dto/retailer.responses.js';

@ApiTags('retailers')
@Controller('district-types')
export class DistrictTypesController {
  constructor(private readonly districts: DistrictTypesService) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Business-district types 商圈类型 (active ones; ?all=true includes retired)' })
  @ApiOkResponse({ type: [DistrictTypeResponse] })
  list(@Query() query: DistrictTypeListQuery) {
    return this.districts.list(query.all === true);
  }

  @Post()
  @Roles('admin', 'department_head')
  @ApiOperation({ summary: 'Add a business-district type 商圈类型' })
  @ApiCreatedResponse({ type: DistrictTypeResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDistrictTypeDto) {
    return this.districts.create(actor, dto);
  }

  @Patch(':code')
  @Roles('admin', 'department_head')
  @ApiOperation({ summary: 'Rename, reorder, retire or reinstate a type' })
  @ApiOkResponse({ type: DistrictTypeResponse })
  update(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: UpdateDistrictTypeDto) {
    return this.districts.update(actor, code, dto);
  }
}
