import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import {
  type Actor,
  cellText,
  finishInBackground,
  forEachBatch,
  mapHeaders,
  parseRows,
  readFirstSheet,
  type ImportOutcome,
  sortRowErrors,
  TransactionRunner,
  type UploadedFile,
  importTemplate,
  XlsxStreamWriter,
} from '#libs/shared';
import { AuditService, type AuditEntry } from '#libs/audit';
import { type PriceClass, priceClassOf } from '../domain/index.js';
import { Brand } from '../brand.entity.js';
import { toBrandView } from '../brand-view.js';
import { BrandsService } from '../brands.service.js';
import type { BrandFilter } from '../dto/brand.dto.js';
import {
  BRAND_EXPORT_COLUMNS,
  BRAND_EXPORT_ONLY_HEADERS,
  BRAND_IMPORT_COLUMNS,
  brandExportRow,
  type BrandImportKey,
  type BrandImportValues,
} from './brand-columns.js';

export const MAX_BRAND_IMPORT_ROWS = 10_000;

export interface BrandImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Specifications whose price class moved with their wholesale price. */
  priceClassChanges: number;
}

interface BrandRow {
  code: string;
  name: string;
  manufacturer: string;
  wholesalePriceFen: number;
  retailPriceCartonFen: number;
  retailPricePackFen: number;
  priceClass: PriceClass;
  launchDate: string | null;
  scarce: boolean;
  active: boolean;
}

const COMPARED: ReadonlyArray<keyof BrandRow> = [
  'name',
  'manufacturer',
  'wholesalePriceFen',
  'retailPriceCartonFen',
  'retailPricePackFen',
  'launchDate',
  'scarce',
  'active',
];

/** Brand catalogue import (all rows or none, upserted by code, set-based), export (streamed) and template. */
@Injectable()
export class BrandExcelService {
  private readonly logger = new Logger(BrandExcelService.name);

  constructor(
    @InjectRepository(Brand) private readonly brandRepository: Repository<Brand>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly brands: BrandsService,
  ) {}

  template(): Promise<Buffer> {
    return importTemplate('规格', BRAND_IMPORT_COLUMNS, [
      [
        '导入规则',
        '按规格编码新增或更新；任何一行有错则全部不导入，并返回每个错误的行、列、值和原因。价类由批发价自动计算，不需填写。',
      ],
    ]);
  }

  async import(actor: Actor, file: UploadedFile): Promise<ImportOutcome<BrandImportSummary>> {
    const sheet = await readFirstSheet(file.buffer, { maxRows: MAX_BRAND_IMPORT_ROWS });
    const headers = mapHeaders(sheet.header, BRAND_IMPORT_COLUMNS, BRAND_EXPORT_ONLY_HEADERS);
    const { records, errors } = parseRows(sheet.rows, BRAND_IMPORT_COLUMNS, headers);
    const invalid = new Set(errors.map((e) => e.row));
    const header = (key: BrandImportKey) => BRAND_IMPORT_COLUMNS.find((c) => c.key === key)!.header;
    const firstRowOf = new Map<string, number>();
    const rows: Array<{ row: number; values: BrandRow }> = [];
    for (const record of records) {
      const v = record.values as unknown as BrandImportValues;
      const before = errors.length;
      if (v.code) {
        const first = firstRowOf.get(v.code.toLowerCase());
        if (first !== undefined) {
          errors.push({
            row: record.row,
            column: header('code'),
            value: v.code,
            reason: `与第${first}行重复`,
          });
        } else firstRowOf.set(v.code.toLowerCase(), record.row);
      }
      if (v.wholesalePriceFen && v.retailPriceCartonFen && v.retailPriceCartonFen < v.wholesalePriceFen) {
        errors.push({
          row: record.row,
          column: header('retailPriceCartonFen'),
          value: cellText(record.raw.retailPriceCartonFen),
          reason: '低于批发价',
        });
      }
      if (v.retailPricePackFen && v.retailPriceCartonFen && v.retailPricePackFen > v.retailPriceCartonFen) {
        errors.push({
          row: record.row,
          column: header('retailPricePackFen'),
          value: cellText(record.raw.retailPricePackFen),
          reason: '高于条价',
        });
      }
      if (errors.length > before || invalid.has(record.row)) continue;
      rows.push({
        row: record.row,
        values: {
          code: v.code,
          name: v.name,
          manufacturer: v.manufacturer,
          wholesalePriceFen: v.wholesalePriceFen,
          retailPriceCartonFen: v.retailPriceCartonFen,
          retailPricePackFen: v.retailPricePackFen,
          priceClass: priceClassOf(v.wholesalePriceFen),
          launchDate: v.launchDate,
          scarce: v.scarce ?? false,
          active: v.active ?? true,
        },
      });
    }
    if (errors.length) {
      return {
        ok: false,
        errors: sortRowErrors(errors, BRAND_IMPORT_COLUMNS),
        header: sheet.header,
        rows: sheet.rows,
      };
    }

    return this.transactions.run(async (manager) => {
      const existing = new Map(
        (
          await manager
            .createQueryBuilder(Brand, 'b')
            .where('b.code = ANY(:codes)', { codes: rows.map((r) => r.values.code) })
            .setLock('pessimistic_write')
            .getMany()
        ).map((b) => [b.code, b]),
      );
      const created = rows.filter((r) => !existing.has(r.values.code));
      const changed = rows
        .map((r) => ({ ...r, before: existing.get(r.values.code)! }))
        .filter((r) => r.before)
        .map((r) => ({ ...r, diff: COMPARED.filter((f) => r.before[f] !== r.values[f]) }))
        .filter((r) => r.diff.length);
      const toWrite = [...created, ...changed].map((r) => r.values);
      const ids = new Map<string, number>();
      if (toWrite.length) {
        const column = <K extends keyof BrandRow>(key: K) => toWrite.map((r) => r[key]);
        const result: Array<{ id: number; code: string }> = await manager.query(
          `INSERT INTO brands AS b (code, name, manufacturer, wholesale_price_fen, retail_price_carton_fen,
                  retail_price_pack_fen, price_class, launch_date, scarce, active)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::smallint[],
                                $8::date[], $9::boolean[], $10::boolean[])
           ON CONFLICT (code) DO UPDATE SET
             name = EXCLUDED.name, manufacturer = EXCLUDED.manufacturer,
             wholesale_price_fen = EXCLUDED.wholesale_price_fen, retail_price_carton_fen = EXCLUDED.retail_price_carton_fen,
             retail_price_pack_fen = EXCLUDED.retail_price_pack_fen, price_class = EXCLUDED.price_class,
             launch_date = EXCLUDED.launch_date, scarce = EXCLUDED.scarce, active = EXCLUDED.active, updated_at = now()
           RETURNING id, code`,
          [
            column('code'),
            column('name'),
            column('manufacturer'),
            column('wholesalePriceFen'),
            column('retailPriceCartonFen'),
            column('retailPricePackFen'),
            column('priceClass'),
            column('launchDate'),
            column('scarce'),
            column('active'),
          ],
        );
        for (const r of result) ids.set(r.code, r.id);
      }
      const entries: AuditEntry[] = [
        ...created.map((r) => ({
          action: 'brand.import_create',
          entityType: 'brand',
          entityId: ids.get(r.values.code)!,
          after: { ...r.values },
        })),
        ...changed.map((r) => {
          const fields: Array<keyof BrandRow> =
            r.before.priceClass !== r.values.priceClass ? [...r.diff, 'priceClass'] : r.diff;
          return {
            action: 'brand.import_update',
            entityType: 'brand',
            entityId: r.before.id,
            before: Object.fromEntries(fields.map((f) => [f, r.before[f]])),
            after: Object.fromEntries(fields.map((f) => [f, r.values[f]])),
          };
        }),
      ];
      await this.audit.recordBulk(manager, actor, entries);
      const summary: BrandImportSummary = {
        rows: rows.length,
        created: created.length,
        updated: changed.length,
        unchanged: rows.length - created.length - changed.length,
        priceClassChanges: changed.filter((r) => r.before.priceClass !== r.values.priceClass).length,
      };
      await this.audit.record(manager, actor, {
        action: 'brand.import',
        entityType: 'brand_import',
        entityId: createHash('sha256').update(file.buffer).digest('hex').slice(0, 16),
        after: { filename: file.filename, ...summary },
      });
      return { ok: true, summary } as const;
    });
  }

  /** The filtered catalogue as .xlsx, streamed (money as yuan text, read back exactly by the import). */
  async export(actor: Actor, filter: BrandFilter): Promise<XlsxStreamWriter> {
    const context = await this.brands.context(actor, filter.departmentId, filter.year);
    const qb = this.brands.query(actor, filter, context);
    const columns: Array<[string, string]> = [
      ['b.id', 'id'],
      ['b.code', 'code'],
      ['b.name', 'name'],
      ['b.manufacturer', 'manufacturer'],
      ['b.wholesale_price_fen', 'wholesalePriceFen'],
      ['b.retail_price_carton_fen', 'retailPriceCartonFen'],
      ['b.retail_price_pack_fen', 'retailPricePackFen'],
      ['b.price_class', 'priceClass'],
      ['b.launch_date::text', 'launchDate'],
      ['b.scarce', 'scarce'],
      ['b.active', 'active'],
      ['b.created_at', 'createdAt'],
      ['b.updated_at', 'updatedAt'],
    ];
    qb.select(columns[0][0], columns[0][1]);
    for (const [expression, alias] of columns.slice(1)) qb.addSelect(expression, alias);
    const [sql, params] = qb.getQueryAndParameters();
    const writer = new XlsxStreamWriter({ sheetName: '规格', columns: BRAND_EXPORT_COLUMNS });
    const filling = forEachBatch<Brand>(
      this.brandRepository.manager.dataSource,
      sql,
      params,
      1_000,
      async (rows) => {
        for (const row of rows) {
          writer.addRow(brandExportRow(toBrandView(row, context.tiers, context.keyBrands)));
        }
        return writer.drain();
      },
    );
    finishInBackground(writer, filling, this.logger, 'brand export');
    return writer;
  }
}
