import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, ROLES, Roles } from '#libs/shared';
import { DistrictTypesService } from './district-types.service.js';
import { CreateDistrictTypeDto, UpdateDistrictTypeDto } from './dto/retailer.dto.js';

@ApiTags('retailers')
@Controller('retailers/district-types')
export class DistrictTypesController {
  constructor(private readonly districts: DistrictTypesService) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Business-district types 商圈类型 (active ones; ?all=true includes retired)' })
  @ApiQuery({ name: 'all', required: false, type: Boolean })
  list(@Query('all') all?: string) {
    return this.districts.list(all === 'true');
  }

  @Post()
  @Roles('admin', 'department_head')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDistrictTypeDto) {
    return this.districts.create(actor, dto);
  }

  @Patch(':code')
  @Roles('admin', 'department_head')
  @ApiOperation({ summary: 'Rename, reorder, retire or reinstate a type' })
  update(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: UpdateDistrictTypeDto) {
    return this.districts.update(actor, code, dto);
  }
}
