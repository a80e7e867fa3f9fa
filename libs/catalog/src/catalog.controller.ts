import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type Actor,
  commonError,
  CurrentActor,
  ParseIdPipe,
  type Role,
  ROLES,
  Roles,
  STAFF_ROLES,
  XLSX_CONTENT_TYPE,
  ApiXlsxResponse,
  ApiXlsxUpload,
  ImportQuery,
  xlsxFile,
  xlsxImport,
  PageOf,
} from '#libs/shared';
import { BrandsService } from './brands.service.js';
import { BrandExcelService } from './excel/brand-excel.service.js';
import { FocusTiersService } from './focus-tiers.service.js';
import { KeyBrandsService } from './key-brands.service.js';
import {
  BrandFilter,
  BrandQuery,
  CreateBrandDto,
  FocusTierQuery,
  FocusTiersDto,
  KeyBrandListDto,
  KeyBrandQuery,
  UpdateBrandDto,
} from './dto/brand.dto.js';
import {
  BrandImportResponse,
  BrandResponse,
  FocusTiersResponse,
  KeyBrandResponse,
} from './dto/brand.responses.js';

/** The catalogue is written by the department (and admins); everyone reads it. */
const CATALOGUE_WRITERS: Role[] = ['admin', 'department_head'];

@ApiTags('catalogue')
@Controller('brands')
export class BrandsController {
  constructor(
    private readonly brands: BrandsService,
    private readonly excel: BrandExcelService,
  ) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Specifications 规格, filtered, sorted and paged (retailers: active ones)' })
  @ApiOkResponse({ type: PageOf(BrandResponse) })
  list(@CurrentActor() actor: Actor, @Query() query: BrandQuery) {
    return this.brands.list(actor, query);
  }

  @Get('export')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'The filtered catalogue as .xlsx, streamed' })
  @ApiXlsxResponse()
  async export(@CurrentActor() actor: Actor, @Query() filter: BrandFilter) {
    const writer = await this.excel.export(actor, filter);
    return xlsxFile(writer.output, '卷烟规格.xlsx', 'brands.xlsx');
  }

  @Get('import-template')
  @Roles(...CATALOGUE_WRITERS)
  @ApiXlsxResponse()
  @ApiOperation({ summary: 'The brand import template (.xlsx)' })
  async template() {
    return xlsxFile(await this.excel.template(), '卷烟规格导入模板.xlsx', 'brand-import-template.xlsx');
  }

  @Post('import')
  @Roles(...CATALOGUE_WRITERS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import specifications from .xlsx (multipart field "file"): all rows or none, upserted by code',
    description:
      'If any row fails, 400 IMPORT_ROWS_INVALID lists row, column, value and reason (JSON, or the sheet back ' +
      'with an error column with `?format=xlsx` / `Accept: ' +
      XLSX_CONTENT_TYPE +
      '`). Prices in yuan; the price class follows from the wholesale price.',
  })
  @ApiXlsxUpload()
  @ApiOkResponse({ type: BrandImportResponse, description: 'Every row written' })
  async import(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Query() query: ImportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return xlsxImport(
      request,
      query,
      reply,
      { name: '卷烟规格导入错误.xlsx', asciiName: 'brand-import-errors.xlsx' },
      (file) => this.excel.import(actor, file),
    );
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'One brand (spec) with its prices' })
  @ApiOkResponse({ type: BrandResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.brands.get(actor, id);
  }

  @Post()
  @Roles(...CATALOGUE_WRITERS)
  @ApiOperation({ summary: 'Add a specification (prices in fen; the price class is derived)' })
  @ApiCreatedResponse({ type: BrandResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateBrandDto) {
    return this.brands.create(actor, dto);
  }

  @Patch(':id')
  @Roles(...CATALOGUE_WRITERS)
  @ApiOperation({
    summary: 'Change a specification (deactivate with active=false; the price class follows the price)',
  })
  @ApiOkResponse({ type: BrandResponse })
  update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateBrandDto) {
    return this.brands.update(actor, id, dto);
  }
}

@ApiTags('catalogue')
@Controller('key-brands')
export class KeyBrandsController {
  constructor(private readonly keyBrands: KeyBrandsService) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Key brands of a year: the national top 20 and the department’s equivalents' })
  @ApiOkResponse({ type: [KeyBrandResponse] })
  list(@CurrentActor() actor: Actor, @Query() query: KeyBrandQuery) {
    return this.keyBrands.list(actor, query.year ?? this.keyBrands.currentYear(), query.departmentId);
  }

  @Put(':year/national')
  @Roles('admin')
  @ApiOperation({ summary: 'Replace the national top-20 list of a year (this year or later; at most 20)' })
  @ApiOkResponse({ type: [KeyBrandResponse] })
  replaceNational(@CurrentActor() actor: Actor, @Param('year') year: string, @Body() dto: KeyBrandListDto) {
    return this.keyBrands.replaceNational(actor, parseYear(year), dto.brandIds);
  }

  @Put(':year/equivalents')
  @Roles(...CATALOGUE_WRITERS)
  @ApiOperation({ summary: 'Replace the brands a department treats as top-20 equivalents in a year' })
  @ApiOkResponse({ type: [KeyBrandResponse] })
  replaceEquivalents(
    @CurrentActor() actor: Actor,
    @Param('year') year: string,
    @Body() dto: KeyBrandListDto,
  ) {
    return this.keyBrands.replaceEquivalents(actor, parseYear(year), dto.departmentId, dto.brandIds);
  }
}

@ApiTags('catalogue')
@Controller('focus-tiers')
export class FocusTiersController {
  constructor(private readonly tiers: FocusTiersService) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({
    summary:
      'Cultivation focus price tiers (fen per pack) of the caller’s department (admins: ?departmentId)',
  })
  @ApiOkResponse({ type: FocusTiersResponse })
  get(@CurrentActor() actor: Actor, @Query() query: FocusTierQuery) {
    return this.tiers.viewFor(actor, query.departmentId);
  }

  @Put()
  @Roles(...CATALOGUE_WRITERS)
  @ApiOperation({ summary: 'Set a department’s urban and rural focus tiers' })
  @ApiOkResponse({ type: FocusTiersResponse })
  set(@CurrentActor() actor: Actor, @Body() dto: FocusTiersDto) {
    return this.tiers.set(actor, dto);
  }
}

/** A year in the path: 2000–2100, else VALIDATION_FAILED (like every other malformed input). */
function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 2000 || year > 2100) {
    throw commonError('VALIDATION_FAILED', [{ field: 'year', errors: ['year must be 2000–2100'] }]);
  }
  return year;
}
