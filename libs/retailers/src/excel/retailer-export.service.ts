import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  finishInBackground,
  forEachBatch,
  XlsxStreamWriter,
} from '#libs/shared';
import { OrgDirectory } from '#libs/org';
import { DistrictTypesService } from '../district-types.service.js';
import { Retailer } from '../retailer.entity.js';
import {
  applyRetailerFilter,
  applyRetailerSort,
  type RetailerRow,
  selectRetailerRows,
  toRetailerView,
} from '../retailer-view.js';
import type { RetailerFilter } from '../dto/retailer.dto.js';
import { retailerExportColumns, retailerExportRow } from './retailer-columns.js';

/** Rows fetched from the cursor, written and committed before the next fetch. */
const BATCH = 2_000;

/**
 * Retailer export: the list's filters, sort and scope, streamed. Rows come from a server-side cursor in
 * one snapshot, are written with exceljs's streaming writer and committed at once, and the next batch is
 * fetched only when the client has taken what was sent (backpressure): memory stays flat at any size.
 */
@Injectable()
export class RetailerExportService {
  private readonly logger = new Logger(RetailerExportService.name);

  constructor(
    @InjectRepository(Retailer) private readonly retailers: Repository<Retailer>,
    private readonly org: OrgDirectory,
    private readonly districts: DistrictTypesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async export(actor: Actor, filter: RetailerFilter): Promise<XlsxStreamWriter> {
    const qb = selectRetailerRows(this.retailers.createQueryBuilder('r'), actor);
    applyRetailerFilter(qb, filter);
    applyRetailerSort(qb, filter);
    const [sql, params] = qb.getQueryAndParameters();
    const districtNames = new Map((await this.districts.list(true)).map((d) => [d.code, d.name]));
    const writer = new XlsxStreamWriter({
      sheetName: '零售户',
      columns: retailerExportColumns(this.config.licenseNoLength),
    });
    const labels = new Map<number, { code: string; name: string }>();
    const filling = forEachBatch<RetailerRow>(
      this.retailers.manager.dataSource,
      sql,
      params,
      BATCH,
      async (rows) => {
        const unknown = rows
          .flatMap((r) => [r.territoryId, r.serviceCenterId])
          .filter((id) => !labels.has(id));
        if (unknown.length) for (const [id, label] of await this.org.labels(unknown)) labels.set(id, label);
        for (const row of rows) writer.addRow(retailerExportRow(toRetailerView(row, labels), districtNames));
        return writer.drain();
      },
    );
    finishInBackground(writer, filling, this.logger, 'retailer export');
    return writer;
  }
}
