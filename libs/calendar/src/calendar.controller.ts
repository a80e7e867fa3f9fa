import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type Actor,
  ApiXlsxResponse,
  ApiXlsxUpload,
  CurrentActor,
  Roles,
  STAFF_ROLES,
  xlsxFile,
  xlsxImport,
} from '#libs/shared';
import { OrgDirectory } from '#libs/org';
import { CalendarService } from './calendar.service.js';
import {
  CalendarDepartmentQuery,
  CalendarImportQuery,
  CalendarPolicyDto,
  CalendarWriteQuery,
  CalendarYearParams,
  PutCalendarYearDto,
} from './dto/calendar.dto.js';
import {
  CalendarPolicyResponse,
  CalendarPolicySaveResponse,
  CalendarSaveResponse,
  CalendarYearResponse,
} from './dto/calendar.responses.js';

const KEEPERS = ['admin', 'department_head'] as const;

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly org: OrgDirectory,
  ) {}

  @Get('years/:year')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'A department’s holiday calendar of a year: days off and weekend days worked 调休',
  })
  @ApiOkResponse({ type: CalendarYearResponse })
  year(
    @CurrentActor() actor: Actor,
    @Param() params: CalendarYearParams,
    @Query() query: CalendarDepartmentQuery,
  ) {
    return this.calendar.year(actor, query.departmentId, params.year);
  }

  @Put('years/:year')
  @Roles(...KEEPERS)
  @ApiOperation({
    summary: 'Replace a year’s list; cycles not opened yet follow in the same transaction',
    description:
      'With `dryRun=true` the answer shows the change and the cycles it moves or cancels; nothing is saved.',
  })
  @ApiOkResponse({ type: CalendarSaveResponse })
  saveYear(
    @CurrentActor() actor: Actor,
    @Param() params: CalendarYearParams,
    @Query() query: CalendarWriteQuery,
    @Body() dto: PutCalendarYearDto,
  ) {
    const days = dto.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? '' }));
    return this.calendar.saveYear(actor, query.departmentId, params.year, days, query.dryRun);
  }

  @Post('years/:year/import')
  @Roles(...KEEPERS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replace a year’s list from .xlsx (日期, 类型, 名称; multipart field "file"): all rows or none',
    description: 'Row problems answer 400 IMPORT_ROWS_INVALID (JSON, or the sheet back with `?format=xlsx`).',
  })
  @ApiXlsxUpload()
  @ApiOkResponse({ type: CalendarSaveResponse, description: 'Every row accepted' })
  async import(
    @CurrentActor() actor: Actor,
    @Param() params: CalendarYearParams,
    @Req() request: FastifyRequest,
    @Query() query: CalendarImportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // The department first: naming another is 404 before any upload is read.
    const departmentId = await this.org.resolveDepartment(actor, query.departmentId);
    return xlsxImport(
      request,
      query,
      reply,
      {
        name: `${params.year}年节假日导入错误.xlsx`,
        asciiName: `calendar-${params.year}-import-errors.xlsx`,
      },
      (file) => this.calendar.importYear(actor, departmentId, params.year, file, query.dryRun),
    );
  }

  @Get('years/:year/export')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'A year’s list as .xlsx, in the import’s columns' })
  @ApiXlsxResponse()
  async export(
    @CurrentActor() actor: Actor,
    @Param() params: CalendarYearParams,
    @Query() query: CalendarDepartmentQuery,
  ) {
    const file = await this.calendar.exportYear(actor, query.departmentId, params.year);
    return xlsxFile(file, `${params.year}年节假日.xlsx`, `calendar-${params.year}.xlsx`);
  }

  @Get('template')
  @Roles(...KEEPERS)
  @ApiXlsxResponse()
  @ApiOperation({ summary: 'The calendar import template (.xlsx)' })
  async template() {
    return xlsxFile(await this.calendar.template(), '节假日导入模板.xlsx', 'calendar-import-template.xlsx');
  }

  @Get('policy')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'What becomes of an order day on a day off (earlier, later, cancel); when last month may close',
  })
  @ApiOkResponse({ type: CalendarPolicyResponse })
  policy(@CurrentActor() actor: Actor, @Query() query: CalendarDepartmentQuery) {
    return this.calendar.policy(actor, query.departmentId);
  }

  @Put('policy')
  @Roles(...KEEPERS)
  @ApiOperation({
    summary:
      'Set the rules (those left out keep theirs); cycles not opened yet follow (`dryRun=true`: show, save nothing)',
  })
  @ApiOkResponse({ type: CalendarPolicySaveResponse })
  savePolicy(
    @CurrentActor() actor: Actor,
    @Query() query: CalendarWriteQuery,
    @Body() dto: CalendarPolicyDto,
  ) {
    return this.calendar.savePolicy(actor, query.departmentId, dto, query.dryRun);
  }
}
