import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, Clock, dateIn, notFound } from '#libs/shared';
import { OrgService, type TerritoryView } from '#libs/org';
import { StaffDirectory } from '#libs/auth';
import {
  evaluateCells,
  KPI_CODES,
  kpiMonthPeriod,
  type KpiBaseline,
  type KpiCells,
  type KpiCode,
  type KpiMonthPeriod,
  type KpiPartsRow,
  kpiTarget,
  type KpiTargetOverrides,
  partsOfCell,
  rollUpParts,
  shiftMonth,
  YEAR_ON_YEAR_CODES,
} from '../domain/index.js';
import { kpiError } from '../kpi.errors.js';
import { KpiMonthClose, type KpiRowLevel, KpiSnapshotRow } from '../kpi.entities.js';
import { type DepartmentTargets, KpiTargetsService } from '../targets/kpi-targets.service.js';
import {
  familyOf,
  type KpiFamily,
  KpiFactsCollector,
  type KpiTerritoryRef,
  STATE_FAMILIES,
} from './kpi-facts.collector.js';

/** Who or what a KPI row is about, named as it was when counted (a closed month keeps these names). */
export interface KpiRowSubject {
  level: KpiRowLevel;
  id: number;
  code: string;
  name: string;
  departmentId: number;
  serviceCenterId: number | null;
  serviceCenterName: string | null;
  /** Territory rows: the territory's active account manager (null while it has none). */
  accountManager?: { userId: number; username: string; displayName: string } | null;
}

export interface KpiRow {
  subject: KpiRowSubject;
  kpis: KpiCells;
}

export interface KpiNote {
  family: string;
  reason: string;
}

/** A department's KPIs for a month: per territory (account manager), per service center and in total. */
export interface KpiMonthReport {
  month: string;
  departmentId: number;
  departmentName: string;
  /** `snapshot`: a closed month, read as it was reported; `live`: counted now. */
  source: 'live' | 'snapshot';
  /** Field work counted through this date. */
  asOf: string;
  /** Sales (order lines) counted through this date. */
  salesThrough: string;
  closedAt: Date | null;
  notes: KpiNote[];
  territories: KpiRow[];
  /** Centers whose every territory was counted (a report narrowed to some territories may leave some out). */
  serviceCenters: KpiRow[];
  /** Null when the report was narrowed to some territories. */
  department: KpiRow | null;
}

type PartsTable = Map<string, KpiPartsRow>;

const key = (level: KpiRowLevel, id: number) => `${level}:${id}`;

/**
 * A month's KPIs: counted live from the facts of every context while the month is open (and for any month
 * not closed yet), read from the immutable snapshot once the month-close job has stored it. Rows are rolled
 * up territory → service center → department by adding parts, then judged against the department's targets.
 */
@Injectable()
export class KpiMonthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly collector: KpiFactsCollector,
    private readonly targets: KpiTargetsService,
    private readonly org: OrgService,
    private readonly staff: StaffDirectory,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  today(): string {
    return dateIn(this.config.timeZone, this.clock.now());
  }

  /** The business date of an instant. */
  dateOf(instant: Date): string {
    return dateIn(this.config.timeZone, instant);
  }

  currentMonth(): string {
    return this.today().slice(0, 7);
  }

  /** The days a month counts; a month not started yet answers KPI_MONTH_NOT_STARTED. */
  period(month: string): KpiMonthPeriod {
    const period = kpiMonthPeriod(month, this.today());
    if (!period) throw kpiError('KPI_MONTH_NOT_STARTED', { month });
    return period;
  }

  /**
   * A department's month: its snapshot once closed, else counted now. `territoryIds` narrows a live count
   * to some territories (an account manager's own, a center's): only complete roll-ups are given.
   */
  async report(
    month: string,
    departmentId: number,
    territoryIds?: readonly number[],
  ): Promise<KpiMonthReport> {
    const period = this.period(month);
    const stored = await this.snapshot(month, departmentId);
    if (stored) return stored;
    return this.compute(period, departmentId, territoryIds);
  }

  /** Whether each month of a department has been closed. */
  async isClosed(month: string, departmentId: number, manager: EntityManager = this.dataSource.manager) {
    return manager.existsBy(KpiMonthClose, { month: `${month}-01`, departmentId });
  }

  /** Counts a department's month from the facts now (live), whatever its state. */
  async compute(
    period: KpiMonthPeriod,
    departmentId: number,
    territoryIds?: readonly number[],
  ): Promise<KpiMonthReport> {
    const [department] = await this.org.unitsOf([departmentId]);
    if (!department || department.type !== 'department') throw notFound('department', departmentId);
    const all = await this.org.territoriesIn([departmentId]);
    const wanted = territoryIds ? new Set(territoryIds) : null;
    const territories = wanted ? all.filter((t) => wanted.has(t.id)) : all;
    // A roll-up needs every territory below it: a center is rolled up when all its territories are counted.
    const complete = territories.length === all.length;
    const counted = new Set(territories.map((t) => t.id));
    const centerComplete = (centerId: number) =>
      all.every((t) => t.serviceCenterId !== centerId || counted.has(t.id));
    const refs: KpiTerritoryRef[] = territories.map((t) => ({
      territoryId: t.id,
      serviceCenterId: t.serviceCenterId,
      departmentId,
    }));
    const centerIds = [...new Set(territories.map((t) => t.serviceCenterId))];
    const [targetsByDepartment, collected, managers, centers] = await Promise.all([
      this.targets.targetsOf([departmentId]),
      this.collector.collect(period, refs),
      this.staff.accountManagersOf(refs.map((r) => r.territoryId)),
      this.org.unitsOf(centerIds),
    ]);
    const targets = targetsByDepartment.get(departmentId)!;
    const current = rollUp(refs, collected.current, departmentId);
    const baselines = await this.baselines(period, departmentId, refs, targets, collected.lastYear);

    const managerOf = new Map(managers.map((m) => [m.orgUnitId, m]));
    const centerById = new Map(centers.map((c) => [c.id, c]));
    const evaluate = (level: KpiRowLevel, id: number, overrides: KpiTargetOverrides): KpiCells =>
      evaluateCells(
        current.get(key(level, id)) ?? {},
        {
          previousMonth: baselines.previousMonth?.get(key(level, id)) ?? null,
          sameMonthLastYear: baselines.sameMonthLastYear.get(key(level, id)) ?? null,
        },
        overrides,
      );
    const territoryRows = territories
      .filter((t) => t.active || hasActivity(current.get(key('territory', t.id))))
      .map((t): KpiRow => {
        const manager = managerOf.get(t.id);
        return {
          subject: {
            level: 'territory',
            id: t.id,
            code: t.code,
            name: t.name,
            departmentId,
            serviceCenterId: t.serviceCenterId,
            serviceCenterName: t.serviceCenterName,
            accountManager: manager
              ? { userId: manager.userId, username: manager.username, displayName: manager.displayName }
              : null,
          },
          kpis: evaluate('territory', t.id, { ...targets.department, ...targets.territories.get(t.id) }),
        };
      });
    const centerRows = centerIds
      .filter(centerComplete)
      .map((id) => centerById.get(id)!)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((center): KpiRow => ({
        subject: {
          level: 'service_center',
          id: center.id,
          code: center.code,
          name: center.name,
          departmentId,
          serviceCenterId: center.id,
          serviceCenterName: center.name,
        },
        kpis: evaluate('service_center', center.id, targets.department),
      }));
    const notes: KpiNote[] = [];
    if (!period.over)
      notes.push({ family: 'forecast', reason: 'Forecast accuracy is measured once the month is over' });
    if (baselines.unavailable.length)
      notes.push(
        ...baselines.unavailable.map((code) => ({
          family: familyOf(code) ?? code,
          reason: `No baseline for ${code}: last month is not closed and its figure cannot be recounted from current state`,
        })),
      );
    return {
      month: period.month,
      departmentId,
      departmentName: department.name,
      source: 'live',
      asOf: period.asOf,
      salesThrough: period.salesThrough,
      closedAt: null,
      notes,
      territories: territoryRows,
      serviceCenters: centerRows,
      department: complete
        ? {
            subject: {
              level: 'department',
              id: departmentId,
              code: department.code,
              name: department.name,
              departmentId,
              serviceCenterId: null,
              serviceCenterName: null,
            },
            kpis: evaluate('department', departmentId, targets.department),
          }
        : null,
    };
  }

  /** A closed month as it was stored; null while the month is open. */
  async snapshot(
    month: string,
    departmentId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<KpiMonthReport | null> {
    const close = await manager.findOneBy(KpiMonthClose, { month: `${month}-01`, departmentId });
    if (!close) return null;
    const rows = await manager.find(KpiSnapshotRow, {
      where: { month: `${month}-01`, departmentId },
      order: { id: 'ASC' },
    });
    const asRow = (row: KpiSnapshotRow): KpiRow => ({
      subject: row.subject as KpiRowSubject,
      kpis: row.cells,
    });
    const department = rows.find((row) => row.level === 'department');
    return {
      month,
      departmentId,
      departmentName: department ? (department.subject as KpiRowSubject).name : '',
      source: 'snapshot',
      asOf: close.asOf,
      salesThrough: close.asOf,
      closedAt: close.closedAt,
      notes: close.notes,
      territories: rows.filter((row) => row.level === 'territory').map(asRow),
      serviceCenters: rows.filter((row) => row.level === 'service_center').map(asRow),
      department: department ? asRow(department) : null,
    };
  }

  /**
   * Closes a department's month inside the caller's transaction: counts it now (it must be over) and stores
   * the rows as the month's immutable snapshot. The caller (the month-close job) holds the advisory lock.
   */
  async storeSnapshot(
    manager: EntityManager,
    month: string,
    departmentId: number,
    closedBy: number | null,
  ): Promise<KpiMonthReport> {
    const period = this.period(month);
    if (!period.over) throw kpiError('KPI_MONTH_NOT_OVER', { month });
    const report = await this.compute(period, departmentId);
    const closedAt = this.clock.now();
    await manager.insert(KpiMonthClose, {
      month: `${month}-01`,
      departmentId,
      asOf: period.asOf,
      closedAt,
      closedBy,
      notes: report.notes,
    });
    const rows = [
      ...report.territories,
      ...report.serviceCenters,
      ...(report.department ? [report.department] : []),
    ];
    await manager.insert(
      KpiSnapshotRow,
      rows.map((row) => ({
        month: `${month}-01`,
        departmentId,
        level: row.subject.level,
        subjectId: row.subject.id,
        serviceCenterId: row.subject.serviceCenterId,
        subject: row.subject,
        cells: row.kpis,
      })),
    );
    return { ...report, source: 'snapshot', closedAt };
  }

  /**
   * The baselines rising targets compare with. Last month: its snapshot when closed, else recounted from the
   * facts (not for state-based families, which have no history). Same month last year: sales from the
   * ordering context's same days last year; other KPIs only from last year's snapshot.
   */
  private async baselines(
    period: KpiMonthPeriod,
    departmentId: number,
    refs: readonly KpiTerritoryRef[],
    targets: DepartmentTargets,
    salesLastYear: Map<number, KpiPartsRow>,
  ): Promise<{ previousMonth: PartsTable | null; sameMonthLastYear: PartsTable; unavailable: KpiCode[] }> {
    const needed = risingBaselines(targets);
    const unavailable: KpiCode[] = [];
    let previousMonth: PartsTable | null = null;
    if (needed.previousMonth.size) {
      const month = shiftMonth(period.month, -1);
      previousMonth = await this.snapshotParts(month, departmentId);
      if (!previousMonth) {
        const families = new Set<KpiFamily>();
        for (const code of needed.previousMonth) {
          const family = familyOf(code);
          if (family && STATE_FAMILIES.has(family)) unavailable.push(code);
          else if (family) families.add(family);
        }
        const recount = families.size
          ? await this.collector.collect(kpiMonthPeriod(month, this.today())!, refs, families)
          : { current: new Map<number, KpiPartsRow>() };
        previousMonth = rollUp(refs, recount.current, departmentId);
      }
    }
    const sameMonthLastYear = rollUp(refs, salesLastYear, departmentId);
    const otherLastYear = [...needed.sameMonthLastYear].filter((code) => !YEAR_ON_YEAR_CODES.includes(code));
    if (otherLastYear.length) {
      const stored = await this.snapshotParts(shiftMonth(period.month, -12), departmentId);
      for (const [subject, row] of stored ?? []) {
        const merged = sameMonthLastYear.get(subject) ?? {};
        for (const code of otherLastYear) merged[code] = row[code] ?? null;
        sameMonthLastYear.set(subject, merged);
      }
    }
    return { previousMonth, sameMonthLastYear, unavailable };
  }

  /** A closed month's parts per subject, or null when the month is not closed. */
  private async snapshotParts(month: string, departmentId: number): Promise<PartsTable | null> {
    if (!(await this.isClosed(month, departmentId))) return null;
    const rows: Array<{ level: KpiRowLevel; subjectId: number; cells: KpiCells }> =
      await this.dataSource.query(
        `SELECT level, subject_id AS "subjectId", cells FROM kpi_snapshot_rows WHERE month = $1 AND department_id = $2`,
        [`${month}-01`, departmentId],
      );
    return new Map(
      rows.map((row) => [
        key(row.level, row.subjectId),
        Object.fromEntries(
          (Object.keys(row.cells) as KpiCode[]).map((code) => [code, partsOfCell(row.cells[code])]),
        ) as KpiPartsRow,
      ]),
    );
  }
}

/** Territory rows and their roll-ups per service center and for the department, keyed by level and id. */
function rollUp(
  refs: readonly KpiTerritoryRef[],
  byTerritory: Map<number, KpiPartsRow>,
  departmentId: number,
): PartsTable {
  const table: PartsTable = new Map();
  const centers = new Map<number, KpiPartsRow[]>();
  for (const ref of refs) {
    const row = byTerritory.get(ref.territoryId) ?? {};
    table.set(key('territory', ref.territoryId), row);
    centers.set(ref.serviceCenterId, [...(centers.get(ref.serviceCenterId) ?? []), row]);
  }
  for (const [centerId, rows] of centers) table.set(key('service_center', centerId), rollUpParts(rows));
  table.set(key('department', departmentId), rollUpParts([...centers.values()].flat()));
  return table;
}

/** The KPIs whose target (default, department's or a territory's) rises against each kind of baseline. */
function risingBaselines(targets: DepartmentTargets): Record<KpiBaseline, Set<KpiCode>> {
  const needed: Record<KpiBaseline, Set<KpiCode>> = {
    previousMonth: new Set(),
    sameMonthLastYear: new Set(),
  };
  for (const overrides of [targets.department, ...targets.territories.values()]) {
    for (const code of KPI_CODES) {
      const target = kpiTarget(code, { ...targets.department, ...overrides });
      if (target?.kind === 'rising') needed[target.baseline].add(code);
    }
  }
  return needed;
}

function hasActivity(row: KpiPartsRow | undefined): boolean {
  return Object.values(row ?? {}).some((parts) => (parts?.numerator ?? 0) > 0);
}

export type { TerritoryView };
