import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type Actor,
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
import { BUSINESS_SCALES, BUSINESS_TYPES, GRADE_MAX, GRADE_MIN, MARKET_TYPES } from './domain/index.js';
import { BigAccountsService } from './big-accounts.service.js';
import { DistrictTypesService } from './district-types.service.js';
import { RetailerExportService } from './excel/retailer-export.service.js';
import { RetailerImportService } from './excel/retailer-import.service.js';
import { RetailerGradesService } from './retailer-grades.service.js';
import { RetailersService } from './retailers.service.js';
import { WEEKDAY_LABELS } from './domain/index.js';
import { RETAILER_STATUS_LABELS } from './domain/index.js';
import {
  BigAccountOverrideDto,
  ChangeStatusDto,
  CreateRetailerDto,
  GradeChangeDto,
  RetailerFilter,
  RetailerQuery,
  UpdateRetailerDto,
} from './dto/retailer.dto.js';
import {
  BigAccountResponse,
  GradeHistoryResponse,
  RetailerActivationResponse,
  RetailerClassificationsResponse,
  RetailerImportResponse,
  RetailerResponse,
} from './dto/retailer.responses.js';

/** Create, move, suspend/close, overrule the big-account flag: the department and the center's manager. */
const MANAGERS: Role[] = ['admin', 'department_head', 'market_manager'];
/** Edit: managers, and account managers for the contact fields of their territory's retailers. */
const EDITORS: Role[] = [...MANAGERS, 'account_manager'];
/** Grades are a department-wide ranking: decided (for the next period) by the department. */
const GRADERS: Role[] = ['admin', 'department_head'];

@ApiTags('retailers')
@Controller('retailers')
export class RetailersController {
  constructor(
    private readonly retailers: RetailersService,
    private readonly grades: RetailerGradesService,
    private readonly bigAccounts: BigAccountsService,
    private readonly districts: DistrictTypesService,
    private readonly importer: RetailerImportService,
    private readonly exporter: RetailerExportService,
  ) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'Retailers in the caller’s scope, filtered, sorted and paged (a retailer: itself)',
  })
  @ApiOkResponse({ type: PageOf(RetailerResponse) })
  list(@CurrentActor() actor: Actor, @Query() query: RetailerQuery) {
    return this.retailers.list(actor, query);
  }

  @Get('classifications')
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'Code tables: business types, market types, scales, statuses, order days, grades',
  })
  @ApiOkResponse({ type: RetailerClassificationsResponse })
  async classifications() {
    return {
      businessTypes: BUSINESS_TYPES.entries.map(({ code, label }) => ({ code, label })),
      marketTypes: MARKET_TYPES.entries.map(({ code, label }) => ({ code, label })),
      scales: BUSINESS_SCALES.entries.map(({ code, label }) => ({ code, label })),
      statuses: Object.entries(RETAILER_STATUS_LABELS).map(([code, label]) => ({ code, label })),
      orderWeekdays: WEEKDAY_LABELS.map((label, i) => ({ code: i + 1, label })),
      grades: {
        min: GRADE_MIN,
        max: GRADE_MAX,
        period: this.grades.periodUnit,
        nextPeriodStart: this.grades.nextPeriodStart(),
      },
      districtTypes: await this.districts.list(),
    };
  }

  @Get('export')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'The filtered list as .xlsx, streamed (same filters and sort as the list, no paging)',
  })
  @ApiXlsxResponse()
  async export(@CurrentActor() actor: Actor, @Query() filter: RetailerFilter) {
    const writer = await this.exporter.export(actor, filter);
    const day = this.retailers.today().replaceAll('-', '');
    return xlsxFile(writer.output, `零售户-${day}.xlsx`, `retailers-${day}.xlsx`);
  }

  @Get('import-template')
  @Roles(...GRADERS)
  @ApiOperation({
    summary: 'The import template (.xlsx): Chinese headers, an example row, a sheet explaining each column',
  })
  @ApiXlsxResponse()
  async template() {
    return xlsxFile(await this.importer.template(), '零售户导入模板.xlsx', 'retailer-import-template.xlsx');
  }

  @Post('import')
  @Roles(...GRADERS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import retailers from .xlsx (multipart field "file"): all rows or none',
    description:
      'Every row is checked; if any fails nothing is written and the answer is 400 IMPORT_ROWS_INVALID listing ' +
      'row, column, value and reason — as JSON, or with `?format=xlsx` (or `Accept: ' +
      XLSX_CONTENT_TYPE +
      '`) as the uploaded sheet with an error column. Otherwise rows are upserted by licence number in one ' +
      'transaction; grade changes of existing retailers take effect from the next period.',
  })
  @ApiXlsxUpload()
  @ApiOkResponse({ type: RetailerImportResponse, description: 'Every row written' })
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
      { name: '零售户导入错误.xlsx', asciiName: 'retailer-import-errors.xlsx' },
      (file) => this.importer.import(actor, file),
    );
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'One retailer in the caller’s scope' })
  @ApiOkResponse({ type: RetailerResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.retailers.get(actor, id);
  }

  @Post()
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'Create a retailer and its self-service account (username = licence number)' })
  @ApiCreatedResponse({ type: RetailerResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRetailerDto) {
    return this.retailers.create(actor, dto);
  }

  @Patch(':id')
  @Roles(...EDITORS)
  @ApiOperation({
    summary:
      'Change a retailer (account managers: contact fields only); grade, status and big account have their own routes',
  })
  @ApiOkResponse({ type: RetailerResponse })
  update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateRetailerDto) {
    return this.retailers.update(actor, id, dto);
  }

  @Post(':id/status')
  @Roles(...MANAGERS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Suspend, close or reopen, with a reason (closing disables the retailer’s account)',
  })
  @ApiOkResponse({ type: RetailerResponse })
  changeStatus(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: ChangeStatusDto,
  ) {
    return this.retailers.changeStatus(actor, id, dto);
  }

  @Get(':id/grades')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Grade in force, pending change and history' })
  @ApiOkResponse({ type: GradeHistoryResponse })
  gradeHistory(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.grades.history(actor, id);
  }

  @Post(':id/grade-changes')
  @Roles(...GRADERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Decide the grade for the next period (the current period’s grade is locked)' })
  @ApiOkResponse({ type: GradeHistoryResponse })
  changeGrade(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: GradeChangeDto,
  ) {
    return this.grades.scheduleChange(actor, id, dto);
  }

  @Get(':id/big-account')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'Big-account flag, its source (monthly computation or override) and monthly history',
  })
  @ApiOkResponse({ type: BigAccountResponse })
  bigAccount(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.bigAccounts.details(actor, id);
  }

  @Put(':id/big-account-override')
  @Roles(...MANAGERS)
  @ApiOperation({
    summary:
      'Overrule the computed big-account flag (true/false) or remove the override (null); reason required',
  })
  @ApiOkResponse({ type: BigAccountResponse })
  overrideBigAccount(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: BigAccountOverrideDto,
  ) {
    return this.bigAccounts.setOverride(actor, id, dto);
  }

  @Post(':id/account/activation')
  @Roles(...EDITORS)
  @ApiOperation({
    summary:
      'A one-time password for the retailer’s self-service account (shown once; must be changed at first login)',
  })
  @ApiCreatedResponse({ type: RetailerActivationResponse })
  activate(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.retailers.issueActivation(actor, id);
  }
}
