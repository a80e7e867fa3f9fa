import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  cellText,
  isInScope,
  mapHeaders,
  parseRows,
  readFirstSheet,
  type ImportOutcome,
  sortRowErrors,
  TransactionRunner,
  type UploadedFile,
  importTemplate,
} from '#libs/shared';
import { AuditService, type AuditEntry } from '#libs/audit';
import { type RetailerAccount, UsersService } from '#libs/auth';
import { OrgDirectory } from '#libs/org';
import type { EntityManager } from 'typeorm';
import { DistrictTypesService } from '../district-types.service.js';
import { RetailerGradesService } from '../retailer-grades.service.js';
import { accountOf, RetailersService } from '../retailers.service.js';
import {
  RETAILER_EXPORT_ONLY_HEADERS,
  retailerImportColumns,
  type RetailerImportKey,
  type RetailerImportValues,
} from './retailer-columns.js';

/** One import at most: a city company's retailers (~30,000) with room to spare. */
export const MAX_RETAILER_IMPORT_ROWS = 100_000;

export interface RetailerImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Grade changes take effect when the next period starts; new retailers' grades at once. */
  grades: { scheduled: number; cancelled: number; effectiveFrom: string };
  accounts: { created: number; updated: number };
}

/** The columns of `retailers` an import writes, in the order of the upsert's arrays. */
interface RetailerImportRow {
  licenseNo: string;
  shopName: string;
  ownerName: string;
  phone: string | null;
  address: string;
  territoryId: number;
  serviceCenterId: number;
  departmentId: number;
  businessType: string;
  marketType: string;
  scale: string;
  grade: number;
  districtType: string | null;
  orderWeekday: number;
  reachableSms: boolean;
  reachableWechat: boolean;
  reachablePortal: boolean;
  ownerBirthday: string | null;
  licenseValidFrom: string | null;
  licenseValidTo: string | null;
}

/** Fields an import compares and writes on an existing retailer (never grade, status or big account). */
const COMPARED: ReadonlyArray<keyof RetailerImportRow> = [
  'shopName',
  'ownerName',
  'phone',
  'address',
  'territoryId',
  'serviceCenterId',
  'departmentId',
  'businessType',
  'marketType',
  'scale',
  'districtType',
  'orderWeekday',
  'reachableSms',
  'reachableWechat',
  'reachablePortal',
  'ownerBirthday',
  'licenseValidFrom',
  'licenseValidTo',
];

interface ExistingRetailer extends Omit<RetailerImportRow, 'licenseNo'> {
  id: number;
  licenseNo: string;
  status: string;
}

/**
 * Retailer import 零售户导入: every row of the sheet is checked (cells, duplicates, territory in the caller's
 * scope, business-district type, licence numbers of retailers the caller may not touch, usernames); if
 * any row fails nothing is written and every problem is reported. Otherwise all rows are upserted by
 * licence number in one transaction, set-based: one statement for the retailers, one for their accounts,
 * two for grades, a few for the audit trail, whatever the number of rows.
 */
@Injectable()
export class RetailerImportService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgDirectory,
    private readonly users: UsersService,
    private readonly districts: DistrictTypesService,
    private readonly retailers: RetailersService,
    private readonly grades: RetailerGradesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get columns() {
    return retailerImportColumns(this.config.licenseNoLength);
  }

  /** The template: the header row, one example row, and a sheet explaining every column. */
  async template(): Promise<Buffer> {
    const districtTypes = await this.districts.list();
    return importTemplate(
      '零售户',
      this.columns,
      [
        ['商圈类型可选值', districtTypes.map((d) => d.name).join('、')],
        [
          '导入规则',
          '按专卖许可证号新增或更新；任何一行有错则全部不导入，并返回每个错误的行、列、值和原因。',
        ],
        [
          '档位',
          `档位按${this.config.gradePeriod === 'month' ? '月' : '季度'}锁定：已有零售户的档位变化从下一周期起生效；` +
            '与当前档位相同则不变（已安排的下期档位保留，取消请在系统中操作）。',
        ],
      ],
      70,
    );
  }

  async import(actor: Actor, file: UploadedFile): Promise<ImportOutcome<RetailerImportSummary>> {
    const columns = this.columns;
    const sheet = await readFirstSheet(file.buffer, { maxRows: MAX_RETAILER_IMPORT_ROWS });
    const headers = mapHeaders(sheet.header, columns, RETAILER_EXPORT_ONLY_HEADERS);
    const { records, errors } = parseRows(sheet.rows, columns, headers);
    const rowsWithCellErrors = new Set(errors.map((e) => e.row));
    const header = (key: RetailerImportKey) => columns.find((c) => c.key === key)!.header;
    const problem = (row: number, key: RetailerImportKey, value: unknown, reason: string) =>
      errors.push({
        row,
        column: header(key),
        value: typeof value === 'string' ? value : cellText(value as null),
        reason,
      });

    // Checks that need no lock: duplicates, territory in scope, district type, dates.
    const territories = new Map(
      (await this.org.territories(actor)).filter((t) => t.active).map((t) => [t.code.toLowerCase(), t]),
    );
    const districtCodes = new Map<string, string>();
    for (const d of await this.districts.list()) {
      districtCodes.set(d.name, d.code);
      districtCodes.set(d.code, d.code);
    }
    const today = this.retailers.today();
    const firstRowOf = new Map<string, number>();
    const rows: Array<{ row: number; values: RetailerImportRow }> = [];
    for (const record of records) {
      const v = record.values as unknown as RetailerImportValues;
      const before = errors.length;
      if (v.licenseNo) {
        const first = firstRowOf.get(v.licenseNo);
        if (first !== undefined) problem(record.row, 'licenseNo', v.licenseNo, `与第${first}行重复`);
        else firstRowOf.set(v.licenseNo, record.row);
      }
      const territory = v.territoryCode ? territories.get(v.territoryCode.toLowerCase()) : undefined;
      if (v.territoryCode && !territory) {
        problem(record.row, 'territoryCode', v.territoryCode, '片区不存在、已停用或不在您的管辖范围');
      }
      const districtType = v.districtType ? districtCodes.get(v.districtType) : null;
      if (v.districtType && !districtType) {
        problem(record.row, 'districtType', v.districtType, '未知的商圈类型');
      }
      if (v.licenseValidFrom && v.licenseValidTo && v.licenseValidTo < v.licenseValidFrom) {
        problem(record.row, 'licenseValidTo', v.licenseValidTo, '早于许可证有效期起');
      }
      if (v.ownerBirthday && v.ownerBirthday > today) {
        problem(record.row, 'ownerBirthday', v.ownerBirthday, '晚于今天');
      }
      if (errors.length > before || !territory || rowsWithCellErrors.has(record.row)) continue;
      rows.push({
        row: record.row,
        values: {
          licenseNo: v.licenseNo,
          shopName: v.shopName,
          ownerName: v.ownerName,
          phone: v.phone,
          address: v.address,
          territoryId: territory.id,
          serviceCenterId: territory.serviceCenterId,
          departmentId: territory.departmentId,
          businessType: v.businessType,
          marketType: v.marketType,
          scale: v.scale,
          grade: v.grade,
          districtType: districtType ?? null,
          orderWeekday: v.orderWeekday,
          reachableSms: v.reachableSms ?? false,
          reachableWechat: v.reachableWechat ?? false,
          reachablePortal: v.reachablePortal ?? false,
          ownerBirthday: v.ownerBirthday,
          licenseValidFrom: v.licenseValidFrom,
          licenseValidTo: v.licenseValidTo,
        },
      });
    }

    return this.transactions.run(async (manager) => {
      // Checks against the stored retailers, which stay locked until the import commits.
      const licenceNos = [...firstRowOf.keys()];
      const existing = await this.lockExisting(manager, licenceNos);
      const owners = await this.users.usernameOwners(manager, licenceNos);
      const ownerOf = new Map(owners.map((o) => [o.username, o.retailerId]));
      const changed: Array<{
        row: number;
        values: RetailerImportRow;
        before: ExistingRetailer;
        diff: Array<keyof RetailerImportRow>;
      }> = [];
      const created: Array<{ row: number; values: RetailerImportRow }> = [];
      const unchanged: Array<{ values: RetailerImportRow; before: ExistingRetailer }> = [];
      for (const { row, values } of rows) {
        const before = existing.get(values.licenseNo);
        const owner = ownerOf.get(values.licenseNo.toLowerCase());
        if (owner !== undefined && (owner === null || owner !== before?.id)) {
          problem(row, 'licenseNo', values.licenseNo, '已被其他账号用作用户名');
          continue;
        }
        if (!before) {
          created.push({ row, values });
          continue;
        }
        if (!isInScope(actor.scope, before.territoryId)) {
          problem(row, 'licenseNo', values.licenseNo, '该许可证号属于您管辖范围外的零售户');
          continue;
        }
        const diff = COMPARED.filter((field) => before[field] !== values[field]);
        if (before.status === 'closed' && (diff.length || before.grade !== values.grade)) {
          problem(row, 'licenseNo', values.licenseNo, '该零售户已歇业，不能修改（请先恢复营业）');
          continue;
        }
        if (diff.length) changed.push({ row, values, before, diff });
        else unchanged.push({ values, before });
      }
      if (errors.length) {
        return {
          ok: false,
          errors: sortRowErrors(errors, columns),
          header: sheet.header,
          rows: sheet.rows,
        } as const;
      }

      const ids = await this.upsert(
        manager,
        [...created, ...changed].map((r) => r.values),
        today,
      );
      const effectiveFrom = this.grades.nextPeriodStart(today);
      const newOnes = created.map((r) => ({ ...r.values, id: ids.get(r.values.licenseNo)! }));
      if (newOnes.length) {
        await manager.query(
          `INSERT INTO retailer_grades (retailer_id, grade, effective_from, source, reason, changed_by)
           SELECT s.id, s.grade, $3, 'initial', $4, $5 FROM unnest($1::int[], $2::smallint[]) AS s(id, grade)`,
          [
            newOnes.map((r) => r.id),
            newOnes.map((r) => r.grade),
            today,
            `导入 ${file.filename}`,
            actor.userId,
          ],
        );
      }
      const gradeOutcomes = await this.grades.decide(
        manager,
        [...changed, ...unchanged].map((r) => ({ retailerId: r.before.id, grade: r.values.grade })),
        effectiveFrom,
        { source: 'import', reason: `导入 ${file.filename}`, changedBy: actor.userId, cancelPending: false },
      );
      const accountChanges: RetailerAccount[] = [
        ...newOnes.map((r) => ({ ...accountOf(r), status: 'active' as const })),
        ...changed
          .filter((c) => c.diff.some((f) => f === 'shopName' || f === 'territoryId' || f === 'phone'))
          .map((c) => accountOf({ ...c.values, id: c.before.id })),
      ];
      const accounts = await this.users.syncRetailerAccounts(manager, accountChanges);

      const departmentOf = new Map([...existing.values()].map((r) => [r.id, r.departmentId]));
      const gradeOf = new Map(
        gradeOutcomes.filter((o) => o.kind !== 'unchanged').map((o) => [o.retailerId, o]),
      );
      const entries: AuditEntry[] = [
        ...newOnes.map((r) => ({
          action: 'retailer.import_create',
          entityType: 'retailer',
          entityId: r.id,
          after: { ...r },
          departmentId: r.departmentId,
        })),
        ...changed.map((c) => ({
          action: 'retailer.import_update',
          entityType: 'retailer',
          entityId: c.before.id,
          before: Object.fromEntries(c.diff.map((f) => [f, c.before[f]])),
          after: Object.fromEntries(c.diff.map((f) => [f, c.values[f]])),
          departmentId: c.values.departmentId,
        })),
        ...[...gradeOf.values()].map((o) => ({
          action: o.kind === 'cancelled' ? 'retailer.grade_change_cancel' : 'retailer.grade_change',
          entityType: 'retailer',
          entityId: o.retailerId,
          before: { grade: o.before, pendingGrade: o.pending },
          after: { grade: o.grade, effectiveFrom, source: 'import' },
          departmentId: departmentOf.get(o.retailerId) ?? actor.departmentId,
        })),
      ];
      await this.audit.recordBulk(manager, actor, entries);
      const summary: RetailerImportSummary = {
        rows: rows.length,
        created: created.length,
        updated: changed.length,
        unchanged: unchanged.length,
        grades: {
          scheduled: gradeOutcomes.filter((o) => o.kind === 'scheduled').length,
          cancelled: gradeOutcomes.filter((o) => o.kind === 'cancelled').length,
          effectiveFrom,
        },
        accounts,
      };
      await this.audit.record(manager, actor, {
        action: 'retailer.import',
        entityType: 'retailer_import',
        entityId: createHash('sha256').update(file.buffer).digest('hex').slice(0, 16),
        after: { filename: file.filename, ...summary },
      });
      return { ok: true, summary } as const;
    });
  }

  /** The stored retailers with these licence numbers, locked for the import's transaction. */
  private async lockExisting(
    manager: EntityManager,
    licenceNos: string[],
  ): Promise<Map<string, ExistingRetailer>> {
    if (!licenceNos.length) return new Map();
    const rows: ExistingRetailer[] = await manager.query(
      `SELECT id, license_no AS "licenseNo", shop_name AS "shopName", owner_name AS "ownerName", phone, address,
              territory_id AS "territoryId", service_center_id AS "serviceCenterId", department_id AS "departmentId",
              business_type AS "businessType", market_type AS "marketType", scale, grade,
              district_type AS "districtType", order_weekday AS "orderWeekday", reachable_sms AS "reachableSms",
              reachable_wechat AS "reachableWechat", reachable_portal AS "reachablePortal",
              owner_birthday::text AS "ownerBirthday", license_valid_from::text AS "licenseValidFrom",
              license_valid_to::text AS "licenseValidTo", status
         FROM retailers WHERE license_no = ANY($1::text[]) ORDER BY id FOR UPDATE`,
      [licenceNos],
    );
    return new Map(rows.map((r) => [r.licenseNo, r]));
  }

  /**
   * One INSERT … ON CONFLICT for every new and changed row, the rows passed as one array per column
   * (21 parameters whatever the row count, far under PostgreSQL's 65,535). Grades are written only for
   * new retailers (in force from `today`); an existing retailer's grade goes through the period lock.
   */
  private async upsert(
    manager: EntityManager,
    rows: RetailerImportRow[],
    today: string,
  ): Promise<Map<string, number>> {
    if (!rows.length) return new Map();
    const column = <K extends keyof RetailerImportRow>(key: K) => rows.map((r) => r[key]);
    const result: Array<{ id: number; license_no: string }> = await manager.query(
      `INSERT INTO retailers AS r (license_no, shop_name, owner_name, phone, address, territory_id, service_center_id,
              department_id, business_type, market_type, scale, grade, grade_since, district_type, order_weekday,
              reachable_sms, reachable_wechat, reachable_portal, owner_birthday, license_valid_from, license_valid_to)
       SELECT s.license_no, s.shop_name, s.owner_name, s.phone, s.address, s.territory_id, s.service_center_id,
              s.department_id, s.business_type, s.market_type, s.scale, s.grade, $21::date, s.district_type,
              s.order_weekday, s.reachable_sms, s.reachable_wechat, s.reachable_portal, s.owner_birthday,
              s.license_valid_from, s.license_valid_to
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[],
                     $9::text[], $10::text[], $11::text[], $12::smallint[], $13::text[], $14::smallint[],
                     $15::boolean[], $16::boolean[], $17::boolean[], $18::date[], $19::date[], $20::date[])
           AS s(license_no, shop_name, owner_name, phone, address, territory_id, service_center_id, department_id,
                business_type, market_type, scale, grade, district_type, order_weekday, reachable_sms,
                reachable_wechat, reachable_portal, owner_birthday, license_valid_from, license_valid_to)
       ON CONFLICT (license_no) DO UPDATE SET
         shop_name = EXCLUDED.shop_name, owner_name = EXCLUDED.owner_name, phone = EXCLUDED.phone,
         address = EXCLUDED.address, territory_id = EXCLUDED.territory_id,
         service_center_id = EXCLUDED.service_center_id, department_id = EXCLUDED.department_id,
         business_type = EXCLUDED.business_type, market_type = EXCLUDED.market_type, scale = EXCLUDED.scale,
         district_type = EXCLUDED.district_type, order_weekday = EXCLUDED.order_weekday,
         reachable_sms = EXCLUDED.reachable_sms, reachable_wechat = EXCLUDED.reachable_wechat,
         reachable_portal = EXCLUDED.reachable_portal, owner_birthday = EXCLUDED.owner_birthday,
         license_valid_from = EXCLUDED.license_valid_from, license_valid_to = EXCLUDED.license_valid_to,
         updated_at = now()
       RETURNING id, license_no`,
      [
        column('licenseNo'),
        column('shopName'),
        column('ownerName'),
        column('phone'),
        column('address'),
        column('territoryId'),
        column('serviceCenterId'),
        column('departmentId'),
        column('businessType'),
        column('marketType'),
        column('scale'),
        column('grade'),
        column('districtType'),
        column('orderWeekday'),
        column('reachableSms'),
        column('reachableWechat'),
        column('reachablePortal'),
        column('ownerBirthday'),
        column('licenseValidFrom'),
        column('licenseValidTo'),
        today,
      ],
    );
    return new Map(result.map((r) => [r.license_no, r.id]));
  }
}
