import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, APP_CONFIG, type AppConfig, Clock, notFound } from '#libs/shared';
import { wallClock } from '#libs/kernel';
import { StaffDirectory } from '#libs/auth';
import { BrandDirectory } from '#libs/catalog';
import { FieldFacts, GUIDANCE_TOPIC_LABELS } from '#libs/field';
import { CultivationService, type KpiMonthReport, KpiMonthService } from '#libs/kpi';
import { OrgDirectory, type TerritoryView } from '#libs/org';
import { RetailerDirectory } from '#libs/retailers';
import {
  buildKpiWorkbook,
  type ForecastLineRow,
  type GuidanceRow,
  type KpiWorkbookData,
} from './kpi-workbook.builder.js';
import { KpiWorkbook } from './kpi-workbook.entity.js';

export interface WorkbookFile {
  filename: string;
  asciiFilename: string;
  content: Buffer;
  sha256: string;
  /** `stored`: the closed month's workbook as generated at close; `live`: made now for a month still open. */
  source: 'stored' | 'live';
  /** The closed month's version (null live); `supersededBy` the newer version when this one was corrected. */
  version: number | null;
  supersededBy: number | null;
}

/**
 * The monthly KPI workbook: made from a month's KPI report and the details behind it (forecast lines,
 * guidance visits, brand cultivation). A closed month's workbook is stored with its snapshot and served as
 * it was generated; an open month's is made on request.
 */
@Injectable()
export class KpiWorkbookService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly months: KpiMonthService,
    private readonly cultivation: CultivationService,
    private readonly field: FieldFacts,
    private readonly brands: BrandDirectory,
    private readonly retailers: RetailerDirectory,
    private readonly staff: StaffDirectory,
    private readonly org: OrgDirectory,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A closed month's stored workbook, its newest version unless one is asked for (older versions stay
   * downloadable, marked superseded); an open month's made now. A version the month does not have is 404.
   */
  async download(
    actor: Actor,
    month: string,
    departmentIdAsked?: number,
    version?: number,
  ): Promise<WorkbookFile> {
    const departmentId = await this.org.resolveDepartment(actor, departmentIdAsked);
    this.months.period(month);
    if (actor.role === 'market_manager') return this.centerDownload(actor, month, departmentId);
    const versions: Array<{ version: number }> = await this.dataSource.query(
      'SELECT version FROM kpi_workbooks WHERE month = $1 AND department_id = $2 ORDER BY version DESC',
      [`${month}-01`, departmentId],
    );
    const latest = versions[0]?.version ?? null;
    if (version !== undefined && !versions.some((v) => v.version === version))
      throw notFound('kpi workbook version', version);
    if (latest !== null) {
      const wanted = version ?? latest;
      const stored = await this.dataSource.manager.findOneByOrFail(KpiWorkbook, {
        month: `${month}-01`,
        departmentId,
        version: wanted,
      });
      return {
        filename: stored.filename,
        asciiFilename: asciiName(month, departmentId, wanted),
        content: stored.content,
        sha256: stored.sha256,
        source: 'stored',
        version: wanted,
        supersededBy: wanted < latest ? wanted + 1 : null,
      };
    }
    const report = await this.months.report(month, departmentId);
    const content = await this.build(report);
    return {
      filename: fileName(report),
      asciiFilename: asciiName(month, departmentId),
      content,
      sha256: sha256(content),
      source: 'live',
      version: null,
      supersededBy: null,
    };
  }

  /**
   * A market manager's workbook holds its center only: its territories (account managers), the center's row,
   * and the squads, delivery staff and details of the center; from the closed month's snapshot or counted now,
   * made on request (the stored workbook is the department's).
   */
  private async centerDownload(actor: Actor, month: string, departmentId: number): Promise<WorkbookFile> {
    const territoryIds = new Set(actor.scope.kind === 'territories' ? actor.scope.territoryIds : []);
    const full = await this.months.report(month, departmentId, { territoryIds: [...territoryIds] });
    const report = centerReport(full, territoryIds);
    const center = report.serviceCenters[0]?.subject ?? report.territories[0]?.subject;
    const centerId = center?.serviceCenterId ?? center?.id ?? 0;
    const content = await buildKpiWorkbook(await this.data(report, (t) => territoryIds.has(t.id)));
    return {
      filename: `客户经理考核-${center?.serviceCenterName ?? report.departmentName}-${month}.xlsx`,
      asciiFilename: `kpi-${month}-center-${centerId}.xlsx`,
      content,
      sha256: sha256(content),
      source: 'live',
      // Counted from the newest version of a closed month (made on request, so not itself versioned).
      version: null,
      supersededBy: null,
    };
  }

  /** Makes and stores a closed month's workbook inside the month-close transaction. */
  async store(manager: EntityManager, report: KpiMonthReport): Promise<KpiWorkbook> {
    const content = await this.build(report);
    const row = {
      month: `${report.month}-01`,
      departmentId: report.departmentId,
      version: report.version ?? 1,
      filename: fileName(report),
      content,
      sha256: sha256(content),
      byteSize: content.length,
      generatedAt: this.clock.now(),
    };
    await manager.insert(KpiWorkbook, row);
    return row as KpiWorkbook;
  }

  async build(report: KpiMonthReport): Promise<Buffer> {
    return buildKpiWorkbook(await this.data(report));
  }

  /** Everything the workbook shows, gathered from the contexts' facts (one query per family). */
  async data(
    report: KpiMonthReport,
    visible: (territory: TerritoryView) => boolean = () => true,
  ): Promise<KpiWorkbookData> {
    const period = this.months.period(report.month);
    const territories = (await this.org.territoriesIn([report.departmentId])).filter(visible);
    const ids = territories.map((t) => t.id);
    const territoryOf = new Map(territories.map((t) => [t.id, t]));
    const managerOf = new Map(
      report.territories.map((row) => [
        row.subject.id,
        row.subject.accountManager?.displayName ?? '（空缺）',
      ]),
    );
    const [accuracy, visits, cultivation] = await Promise.all([
      period.over
        ? this.field.forecastAccuracy(
            report.month,
            territories.map((t) => ({ territoryId: t.id, departmentId: report.departmentId })),
          )
        : Promise.resolve(null),
      this.field
        .checkSamples(report.month, [report.departmentId])
        .then((samples) =>
          this.field.guidanceVisits({ from: `${report.month}-01`, to: period.asOf }, ids, samples),
        ),
      this.cultivation.keyBrandsOf(report.month, report.departmentId, visible),
    ]);
    const brandIds = [...new Set(accuracy?.territories.flatMap((t) => t.specs.map((s) => s.brandId)) ?? [])];
    const [brands, retailers, people] = await Promise.all([
      this.brands.factsOf(brandIds),
      this.retailers.labelsOf([...new Set(visits.map((v) => v.retailerId))]),
      this.staff.membersOf([
        ...new Set(visits.flatMap((v) => [v.accountManagerId, ...(v.check ? [v.check.checkedBy] : [])])),
      ]),
    ]);
    const brandOf = new Map(brands.map((b) => [b.id, b]));
    const personOf = new Map(people.map((p) => [p.userId, p.displayName]));
    const forecastLines: ForecastLineRow[] | null = accuracy
      ? accuracy.territories.flatMap((t) =>
          t.specs.map((spec) => ({
            serviceCenterName: territoryOf.get(t.territoryId)?.serviceCenterName ?? '',
            territoryName: territoryOf.get(t.territoryId)?.name ?? '',
            accountManager: managerOf.get(t.territoryId) ?? '',
            brandCode: brandOf.get(spec.brandId)?.code ?? String(spec.brandId),
            brandName: brandOf.get(spec.brandId)?.name ?? '',
            keyBrand: spec.isKeyBrand,
            forecastCartons: spec.forecastCartons,
            demandCartons: spec.demandCartons,
            orderedCartons: spec.orderedCartons,
            errorCartons: spec.errorCartons,
            accuracy: spec.accuracy,
            forecastMissing: spec.forecastMissing,
          })),
        )
      : null;
    const guidance: GuidanceRow[] = visits.map((v) => ({
      visitedOn: v.visitedOn,
      serviceCenterName: territoryOf.get(v.territoryId)?.serviceCenterName ?? '',
      territoryName: territoryOf.get(v.territoryId)?.name ?? '',
      accountManager: personOf.get(v.accountManagerId) ?? '',
      licenseNo: retailers.get(v.retailerId)?.licenseNo ?? '',
      shopName: retailers.get(v.retailerId)?.shopName ?? '',
      sampleDraw: v.sampleDraw,
      topics: v.topics.map((topic) => GUIDANCE_TOPIC_LABELS[topic] ?? topic).join('、'),
      advice: v.advice,
      check: v.check === null ? 'unchecked' : v.check.effective ? 'effective' : 'ineffective',
      checkNote: v.check?.note ?? '',
      checker: v.check ? (personOf.get(v.check.checkedBy) ?? '') : '',
      checkedAt: v.check ? this.timeText(v.check.checkedAt) : '',
    }));
    return {
      report,
      generatedAt: this.timeText(this.clock.now()),
      forecastLines,
      guidance,
      cultivation,
    };
  }

  /** An instant as business-time text, YYYY-MM-DD HH:mm. */
  private timeText(instant: Date): string {
    const { date, time } = wallClock(instant, this.config.timeZone);
    return `${date} ${time.slice(0, 5)}`;
  }
}

/** A department's report narrowed to a center's territories: the rows of that center, no department total. */
function centerReport(report: KpiMonthReport, territoryIds: ReadonlySet<number>): KpiMonthReport {
  const territories = report.territories.filter((row) => territoryIds.has(row.subject.id));
  const centerIds = new Set(territories.map((row) => row.subject.serviceCenterId));
  const ofCenter = (row: KpiMonthReport['squads'][number]) => centerIds.has(row.subject.serviceCenterId);
  return {
    ...report,
    territories,
    serviceCenters: report.serviceCenters.filter((row) => centerIds.has(row.subject.id)),
    squads: report.squads.filter(ofCenter),
    deliveryStaff: report.deliveryStaff.filter(ofCenter),
    department: null,
  };
}

function fileName(report: KpiMonthReport): string {
  const version = (report.version ?? 1) > 1 ? `-第${report.version}版` : '';
  return `客户经理考核-${report.departmentName}-${report.month}${version}.xlsx`;
}

function asciiName(month: string, departmentId: number, version = 1): string {
  return `kpi-${month}-department-${departmentId}${version > 1 ? `-v${version}` : ''}.xlsx`;
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
