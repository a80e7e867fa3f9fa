import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Actor, attachment, CurrentActor, Roles, XLSX_CONTENT_TYPE, ParseMonthPipe } from '#libs/shared';
import { OrderLinesExportService } from './exports/order-lines-export.service.js';
import { KpiWorkbookService } from './kpi-workbook/kpi-workbook.service.js';
import { MonthCloseService } from './month-close/month-close.service.js';
import {
  CloseMonthDto,
  CloseMonthQuery,
  KpiWorkbookQuery,
  OrderLinesExportQuery,
} from './dto/report-query.dto.js';
import { MonthCloseResponse } from './dto/report.responses.js';

const FILE = { schema: { type: 'string', format: 'binary' } } as const;
const FILE_DESCRIPTION = 'The file (Content-Disposition names it, RFC 5987 for the Chinese name)';

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(
    private readonly workbooks: KpiWorkbookService,
    private readonly exports: OrderLinesExportService,
    private readonly monthClose: MonthCloseService,
  ) {}

  @Get('reports/kpi')
  @Roles('admin', 'department_head', 'inspector', 'market_manager')
  @ApiOperation({
    summary:
      'The month’s KPI workbook (.xlsx): 封面, 客户经理考核, 客户服务部汇总, 品牌预测准确率, 经营指导明细, 零售指导价落实, 线索查实, ' +
      '送货及时率, 品牌培育. A closed month’s is the one stored at close, byte for byte. A market manager’s holds its ' +
      'center only, made on request.',
  })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: FILE_DESCRIPTION, content: { [XLSX_CONTENT_TYPE]: FILE } })
  async kpiWorkbook(
    @CurrentActor() actor: Actor,
    @Query() query: KpiWorkbookQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const file = await this.workbooks.download(actor, query.month, query.departmentId);
    void reply.header('etag', `"${file.sha256}"`).header('x-report-source', file.source);
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
}
