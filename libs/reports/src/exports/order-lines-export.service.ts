import { Injectable, Logger } from '@nestjs/common';
import {
  type Actor,
  commonError,
  CSV_CONTENT_TYPE,
  CsvStreamWriter,
  type SheetColumn,
  XLSX_CONTENT_TYPE,
  XlsxStreamWriter,
} from '#libs/shared';
import { BrandDirectory } from '#libs/catalog';
import { KpiMonthService } from '#libs/kpi';
import { type OrderLineFact, OrderingFacts } from '#libs/ordering';
import { OrgDirectory } from '#libs/org';
import { RetailerDirectory } from '#libs/retailers';

/** Rows read from the cursor per batch: the next batch is read while this one is written. */
export const ORDER_LINE_BATCH = 2_000;

/** Retailer names kept while exporting (a city's retailers take a few MB); past this the cache starts over. */
const MAX_CACHED_RETAILERS = 100_000;

/** Exports running at once in this process; more answer 429 (each holds a connection for its duration). */
export const MAX_CONCURRENT_EXPORTS = 2;

export const ORDER_LINE_COLUMNS: readonly SheetColumn[] = [
  { header: '订货日期', width: 12 },
  { header: '客户服务部', width: 14 },
  { header: '片区', width: 14 },
  { header: '支点', width: 14 },
  { header: '许可证号', width: 16 },
  { header: '零售户', width: 24 },
  { header: '规格编码', width: 12 },
  { header: '规格名称', width: 20 },
  { header: '需求量（条）', width: 12 },
  { header: '订货量（条）', width: 12 },
  { header: '批发价（元/条）', width: 14 },
  { header: '金额（元）', width: 14 },
];

export interface OrderLinesExport {
  writer: XlsxStreamWriter | CsvStreamWriter;
  filename: string;
  asciiFilename: string;
  contentType: string;
}

/** Roles that see a whole department. */
const DEPARTMENT_WIDE = new Set(['admin', 'department_head', 'inspector']);

/**
 * Every order line of a month as .xlsx (exceljs's streaming writer) or CSV, streamed: rows come from a
 * server-side cursor in batches over one snapshot, are committed as they are written, and the next batch
 * is taken only once the writer's pipeline has drained (backpressure), so memory stays flat at any size.
 * Past Excel's 1,048,576 rows a sheet, the rows continue on 订单明细 (2), (3)…
 */
@Injectable()
export class OrderLinesExportService {
  private readonly logger = new Logger(OrderLinesExportService.name);
  private running = 0;

  constructor(
    private readonly months: KpiMonthService,
    private readonly ordering: OrderingFacts,
    private readonly retailers: RetailerDirectory,
    private readonly brands: BrandDirectory,
    private readonly org: OrgDirectory,
  ) {}

  async export(
    actor: Actor,
    query: { month: string; departmentId?: number; format?: 'xlsx' | 'csv' },
  ): Promise<OrderLinesExport> {
    const departmentId = await this.org.resolveDepartment(actor, query.departmentId);
    this.months.period(query.month);
    const filter = DEPARTMENT_WIDE.has(actor.role)
      ? { departmentIds: [departmentId] }
      : { territoryIds: actor.scope.kind === 'territories' ? actor.scope.territoryIds : [] };
    if (this.running >= MAX_CONCURRENT_EXPORTS) {
      throw commonError(
        'TOO_MANY_REQUESTS',
        { running: this.running },
        'Exports are busy: try again in a minute',
      );
    }
    const [department] = await this.org.unitsOf([departmentId]);
    const csv = query.format === 'csv';
    const writer = csv
      ? new CsvStreamWriter(ORDER_LINE_COLUMNS.map((c) => c.header))
      : new XlsxStreamWriter({ sheetName: '订单明细', columns: ORDER_LINE_COLUMNS });
    this.running++;
    void this.write(query.month, filter, writer)
      .catch((error: Error) => {
        this.logger.error(`order-line export failed after ${writer.rows} rows: ${error.message}`);
        writer.abort(error);
      })
      .finally(() => this.running--);
    const extension = csv ? 'csv' : 'xlsx';
    return {
      writer,
      filename: `订单明细-${department?.name ?? departmentId}-${query.month}.${extension}`,
      asciiFilename: `order-lines-${query.month}.${extension}`,
      contentType: csv ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE,
    };
  }

  private async write(
    month: string,
    filter: { departmentIds?: number[]; territoryIds?: number[] },
    writer: XlsxStreamWriter | CsvStreamWriter,
  ): Promise<void> {
    const units = new Map<number, string>();
    const brands = new Map<number, { code: string; name: string }>();
    const retailers = new Map<number, { licenseNo: string; shopName: string }>();
    await this.ordering.forEachOrderLineBatch(month, filter, ORDER_LINE_BATCH, async (rows) => {
      // Names, looked up once per batch for what the caches do not hold yet (set-based, never per row). A
      // retailer orders every week, so after the first week its name is known.
      const unknownUnits = [
        ...new Set(rows.flatMap((r) => [r.territoryId, r.serviceCenterId, r.supplyPointId])),
      ].filter((id) => !units.has(id));
      const unknownBrands = [...new Set(rows.map((r) => r.brandId))].filter((id) => !brands.has(id));
      const unknownRetailers = [...new Set(rows.map((r) => r.retailerId))].filter((id) => !retailers.has(id));
      if (retailers.size + unknownRetailers.length > MAX_CACHED_RETAILERS) retailers.clear();
      const [unitRows, brandRows, retailerLabels] = await Promise.all([
        this.org.unitsOf(unknownUnits),
        this.brands.factsOf(unknownBrands),
        this.retailers.labelsOf(unknownRetailers),
      ]);
      for (const unit of unitRows) units.set(unit.id, unit.name);
      for (const brand of brandRows) brands.set(brand.id, { code: brand.code, name: brand.name });
      for (const [id, label] of retailerLabels) retailers.set(id, label);
      for (const row of rows) writer.addRow(lineValues(row, units, brands, retailers));
      return writer.drain();
    });
    if (!writer.closed) await writer.finish();
  }
}

function lineValues(
  row: OrderLineFact,
  units: Map<number, string>,
  brands: Map<number, { code: string; name: string }>,
  retailers: Map<number, { licenseNo: string; shopName: string }>,
): Array<string | number> {
  const retailer = retailers.get(row.retailerId);
  const brand = brands.get(row.brandId);
  return [
    row.orderDate,
    units.get(row.serviceCenterId) ?? '',
    units.get(row.territoryId) ?? '',
    units.get(row.supplyPointId) ?? '',
    retailer?.licenseNo ?? '',
    retailer?.shopName ?? '',
    brand?.code ?? '',
    brand?.name ?? '',
    row.requested,
    row.ordered,
    row.priceFen / 100,
    row.amountFen / 100,
  ];
}
