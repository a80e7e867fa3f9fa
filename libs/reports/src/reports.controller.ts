import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Actor, attachment, CurrentActor, ParseMonthPipe, Roles, XLSX_CONTENT_TYPE } from '#libs/shared';
import { OrderLinesExportService } from './exports/order-lines-export.service.js';
import { KpiWorkbookService } from './kpi-workbook/kpi-workbook.service.js';
import { MonthCloseService } from './month-close/month-close.service.js';
import { MonthCorrectionsService } from './month-close/month-corrections.service.js';
import {
  CorrectionPage,
  CorrectionQuery,
  CorrectionView,
  DecideCorrectionDto,
  MonthVersionQuery,
  MonthVersionsView,
  OpenCorrectionDto,
  RejectCorrectionDto,
} from './month-close/dto/month-correction.dto.js';
import {
  CloseMonthDto,
  CloseMonthQuery,
  KpiWorkbookVersionQuery,
  OrderLinesExportQuery,
} from './dto/report-query.dto.js';
import { MonthCloseResponse, MonthReadinessResponse } from './dto/report.responses.js';

const FILE = { schema: { type: 'string', format: 'binary' } } as const;
const FILE_DESCRIPTION = 'The file (Content-Disposition names it, RFC 5987 for the Chinese name)';

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(
    private readonly workbooks: KpiWorkbookService,
    private readonly exports: OrderLinesExportService,
    private readonly monthClose: MonthCloseService,
    private readonly corrections: MonthCorrectionsService,
  ) {}

  @Get('reports/kpi')
  @Roles('admin', 'department_head', 'inspector', 'market_manager')
  @ApiOperation({
    summary:
      'The month’s KPI workbook (.xlsx): 封面, 客户经理考核, 客户服务部汇总, 品牌预测准确率, 经营指导明细, 零售指导价落实, 线索查实, ' +
      '送货及时率, 品牌培育. A closed month’s is the one stored at close (or by an approved correction), byte for ' +
      'byte: its newest version, or `?version=`; `x-report-version` names it, `x-report-superseded-by` the newer one. ' +
      'A market manager’s holds its center only, made on request.',
  })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: FILE_DESCRIPTION, content: { [XLSX_CONTENT_TYPE]: FILE } })
  async kpiWorkbook(
    @CurrentActor() actor: Actor,
    @Query() query: KpiWorkbookVersionQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const file = await this.workbooks.download(actor, query.month, query.departmentId, query.version);
    void reply.header('etag', `"${file.sha256}"`).header('x-report-source', file.source);
    if (file.version !== null) void reply.header('x-report-version', String(file.version));
    if (file.supersededBy !== null) void reply.header('x-report-superseded-by', String(file.supersededBy));
    return new StreamableFile(file.content, {
      type: XLSX_CONTENT_TYPE,
      disposition: attachment(file.filename, file.asciiFilename),
      length: file.content.length,
    });
  }

  @Get('reports/order-lines')
  @Roles('admin', 'department_head', 'inspector', 'market_manager', 'supply_clerk')
  @ApiOperation({
    summary:
      'Every order line of the month in your scope, streamed (.xlsx, continuing on a new sheet past 1,048,576 ' +
      'rows; or ?format=csv, UTF-8 with BOM)',
  })
  @ApiProduces(XLSX_CONTENT_TYPE, 'text/csv')
  @ApiOkResponse({ description: FILE_DESCRIPTION, content: { [XLSX_CONTENT_TYPE]: FILE, 'text/csv': FILE } })
  async orderLines(@CurrentActor() actor: Actor, @Query() query: OrderLinesExportQuery) {
    const exported = await this.exports.export(actor, query);
    return new StreamableFile(exported.writer.output, {
      type: exported.contentType,
      disposition: attachment(exported.filename, exported.asciiFilename),
    });
  }

  @Post('kpi/months/:month/close')
  @HttpCode(200)
  @Roles('admin')
  @ApiParam({ name: 'month', example: '2026-11' })
  @ApiOperation({
    summary:
      'Close a finished month now (the month-close job does it): immutable KPI snapshot and workbook, ' +
      'per department; closing twice changes nothing. While the month waits for its inputs (unfinished ' +
      'cycles, the grace period) 409 MONTH_CLOSE_WAITING, unless `force` with a `reason` (audited)',
  })
  @ApiOkResponse({ type: [MonthCloseResponse], description: 'One outcome per department' })
  close(
    @CurrentActor() actor: Actor,
    @Param('month', ParseMonthPipe) month: string,
    @Query() query: CloseMonthQuery,
    @Body() dto: CloseMonthDto,
  ) {
    const force = dto.force ? { reason: dto.reason!.trim() } : undefined;
    return this.monthClose.closeNow(actor, month, query.departmentId, force);
  }

  @Post('kpi/months/:month/corrections')
  @Roles('department_head')
  @ApiParam({ name: 'month', example: '2026-11' })
  @ApiOperation({
    summary:
      'Open a correction of a closed month 更正 with its reason (an inspector approves it; then the month is ' +
      'counted again into a new version of its snapshot and workbook)',
  })
  @ApiCreatedResponse({ type: CorrectionView })
  openCorrection(
    @CurrentActor() actor: Actor,
    @Param('month', ParseMonthPipe) month: string,
    @Body() dto: OpenCorrectionDto,
  ) {
    return this.corrections.open(actor, month, dto);
  }

  @Get('kpi/months/:month/versions')
  @Roles('admin', 'department_head', 'inspector')
  @ApiParam({ name: 'month', example: '2026-11' })
  @ApiOperation({
    summary: 'A closed month’s versions, oldest first, with their corrections; superseded marked',
  })
  @ApiOkResponse({ type: MonthVersionsView })
  monthVersions(
    @CurrentActor() actor: Actor,
    @Param('month', ParseMonthPipe) month: string,
    @Query() query: MonthVersionQuery,
  ) {
    return this.corrections.versions(actor, month, query.departmentId);
  }

  @Get('kpi/months/:month/readiness')
  @Roles('admin', 'department_head', 'inspector')
  @ApiParam({ name: 'month', example: '2026-11' })
  @ApiOperation({
    summary:
      'Whether the month may be closed: closed already, or what the month-close job waits for (cycles not ' +
      'consolidated, the grace period) and the month’s cycles whose sales are not final',
  })
  @ApiOkResponse({ type: MonthReadinessResponse })
  monthReadiness(
    @CurrentActor() actor: Actor,
    @Param('month', ParseMonthPipe) month: string,
    @Query() query: MonthVersionQuery,
  ) {
    return this.monthClose.readiness(actor, month, query.departmentId);
  }

  @Get('kpi/corrections')
  @Roles('admin', 'department_head', 'inspector')
  @ApiOperation({
    summary: 'The department’s month corrections, newest first (`status=open`: awaiting approval)',
  })
  @ApiOkResponse({ type: CorrectionPage })
  listCorrections(@CurrentActor() actor: Actor, @Query() query: CorrectionQuery) {
    return this.corrections.list(actor, query);
  }

  @Post('kpi/months/:month/corrections/approve')
  @ApiParam({ name: 'month', example: '2026-11' })
  @Roles('inspector')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve the month’s open correction (not who opened it): the month is counted again into its next version',
  })
  @ApiOkResponse({ type: CorrectionView })
  approveCorrection(
    @CurrentActor() actor: Actor,
    @Param('month', ParseMonthPipe) month: string,
    @Body() dto: DecideCorrectionDto,
  ) {
    return this.corrections.approve(actor, month, dto);
  }

  @Post('kpi/months/:month/corrections/reject')
  @ApiParam({ name: 'month', example: '2026-11' })
  @Roles('inspector')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject the month’s open correction, saying why; the month stays as it is' })
  @ApiOkResponse({ type: CorrectionView })
  rejectCorrection(
    @CurrentActor() actor: Actor,
    @Param('month', ParseMonthPipe) month: string,
    @Body() dto: RejectCorrectionDto,
  ) {
    return this.corrections.reject(actor, month, dto);
  }
}
