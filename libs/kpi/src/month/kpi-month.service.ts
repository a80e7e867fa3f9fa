import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, Clock, notFound } from '#libs/shared';
import { addMonths, businessDate, endOfMonth } from '#libs/kernel';
import { type OrgUnit, OrgDirectory } from '#libs/org';
import { type StaffMember, StaffDirectory } from '#libs/auth';
import {
  evaluateCells,
  KPI_CODES,
  kpiMonthPeriod,
  type KpiBaseline,
  type KpiCells,
  type KpiCode,
  type KpiPartsRow,
  kpiTarget,
  type KpiTargetOverrides,
  partsOfCell,
  rollUpParts,
  YEAR_ON_YEAR_CODES,
} from '../domain/index.js';
import { kpiError } from '../kpi.errors.js';
import { KpiMonthClose, type KpiRowLevel, KpiSnapshotRow } from '../kpi.entities.js';
import { type DepartmentTargets, KpiTargetsService } from '../targets/kpi-targets.service.js';
import {
  type CollectedKpis,
  type CollectedPeople,
  COUNTED_WITH_MONTH,
  familyOf,
  type KpiFamily,
  KpiFactsCollector,
  type KpiPeriod,
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
  /** Delivery staff rows: the route the person is placed on. */
  route?: { id: number; code: string; name: string } | null;
}

export interface KpiRow {
  subject: KpiRowSubject;
  kpis: KpiCells;
}

export interface KpiNote {
  family: string;
  reason: string;
  /** For a provisional figure: the business date it becomes final. */
  until?: string;
}

/**
 * What a report counts: the territories (account managers, centers) and/or the people of the three-role
 * interaction (squads, delivery staff). The department's row needs both.
 */
export type KpiSection = 'territories' | 'people';

const ALL_SECTIONS: ReadonlySet<KpiSection> = new Set<KpiSection>(['territories', 'people']);

/** A department's KPIs for a month: per territory (account manager), service center, squad, delivery staff, in total. */
export interface KpiMonthReport {
  month: string;
  departmentId: number;
  departmentName: string;
  /** `snapshot`: a closed month, read as it was reported; `live`: counted now. */
  source: 'live' | 'snapshot';
  /** The closed month's version (1 at close, one more per approved correction); null while live. */
  version: number | null;
  /** The correction that made this version, with its reason; null for version 1 and live. */
  correction: { id: number; reason: string } | null;
  /** Field work counted through this date. */
  asOf: string;
  /** Sales (order lines) counted through this date. */
  salesThrough: string;
  closedAt: Date | null;
  notes: KpiNote[];
  territories: KpiRow[];
  /** Centers whose every territory was counted (a report narrowed to some territories may leave some out). */
  serviceCenters: KpiRow[];
  squads: KpiRow[];
  deliveryStaff: KpiRow[];
  /** Null unless the whole department was counted. */
  department: KpiRow | null;
}

export interface KpiReportOptions {
  /** Count only these territories (an account manager's own, a center's): only complete roll-ups are given. */
  territoryIds?: readonly number[];
  sections?: ReadonlySet<KpiSection>;
  /** The month is being closed: what freezes at the close (the guidance check samples) freezes now. */
  closing?: boolean;
}

type PartsTable = Map<string, KpiPartsRow>;

const NO_LEADS: KpiPartsRow = {
  leadVerificationRate: { numerator: 0, denominator: 0 },
  leadOnTimeRate: { numerator: 0, denominator: 0 },
};
const NO_STOPS: KpiPartsRow = {
  deliveryPunctuality: { numerator: 0, denominator: 0 },
  proxyReceipts: { numerator: 0, denominator: 0 },
  leadAuthenticity: { numerator: 0, denominator: 0 },
};

const key = (level: KpiRowLevel, id: number) => `${level}:${id}`;

/**
 * A month's KPIs: counted live from the facts of every context while the month is open (and for any month
 * not closed yet), read from the immutable snapshot once the month-close job has stored it. Territory rows
 * roll up to service centers and, with the squads' and delivery staff's rows, to the department by adding
 * parts, then every row is judged against the department's targets.
 */
@Injectable()
export class KpiMonthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly collector: KpiFactsCollector,
    private readonly targets: KpiTargetsService,
    private readonly org: OrgDirectory,
    private readonly staff: StaffDirectory,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  today(): string {
    return businessDate(this.clock.now(), this.config.timeZone);
  }

  /** The business date of an instant. */
  dateOf(instant: Date): string {
    return businessDate(instant, this.config.timeZone);
  }

  currentMonth(): string {
    return this.today().slice(0, 7);
  }

  /** The days a month counts; a month not started yet answers KPI_MONTH_NOT_STARTED. */
  period(month: string): KpiPeriod {
    const period = kpiMonthPeriod(month, this.today());
    if (!period) throw kpiError('KPI_MONTH_NOT_STARTED', { month });
    return {
      ...period,
      // A month that is over counts results up to its last moment, so a recount after a crash counts the same.
      resultsAsOf: period.over
        ? new Date(endOfMonth(month, this.config.timeZone).getTime() - 1)
        : this.clock.now(),
    };
  }

  /** A department's month: its snapshot once closed, else counted now (see `KpiReportOptions`). */
  async report(month: string, departmentId: number, options: KpiReportOptions = {}): Promise<KpiMonthReport> {
    const period = this.period(month);
    const stored = await this.snapshot(month, departmentId);
    if (stored) return stored;
    return this.compute(period, departmentId, options);
  }

  /** Whether a department's month has been closed. */
  async isClosed(month: string, departmentId: number, manager: EntityManager = this.dataSource.manager) {
    return manager.existsBy(KpiMonthClose, { month: `${month}-01`, departmentId });
  }

  /** Counts a department's month from the facts now (live), whatever its state. */
  async compute(
    period: KpiPeriod,
    departmentId: number,
    options: KpiReportOptions = {},
  ): Promise<KpiMonthReport> {
    const sections = options.sections ?? ALL_SECTIONS;
    const [department] = await this.org.unitsOf([departmentId]);
    if (!department || department.type !== 'department') throw notFound('department', departmentId);
    const all = sections.has('territories') ? await this.org.territoriesIn([departmentId]) : [];
    const wanted = options.territoryIds ? new Set(options.territoryIds) : null;
    const territories = wanted ? all.filter((t) => wanted.has(t.id)) : all;
    const counted = new Set(territories.map((t) => t.id));
    // A roll-up needs everything below it: a center is rolled up when all its territories are counted.
    const centerComplete = (centerId: number) =>
      all.every((t) => t.serviceCenterId !== centerId || counted.has(t.id));
    const complete =
      sections.has('territories') && sections.has('people') && territories.length === all.length;
    const refs: KpiTerritoryRef[] = territories.map((t) => ({
      territoryId: t.id,
      serviceCenterId: t.serviceCenterId,
      departmentId,
    }));
    const centerIds = [...new Set(territories.map((t) => t.serviceCenterId))];
    const [targetsByDepartment, collected, people, managers, centers] = await Promise.all([
      this.targets.targetsOf([departmentId]),
      this.collector.collect(period, refs, undefined, { freezeSamples: options.closing }),
      sections.has('people')
        ? this.collector.collectPeople(period, departmentId)
        : Promise.resolve<CollectedPeople>({ squads: new Map(), deliveryStaff: new Map() }),
      this.staff.accountManagersOf(refs.map((r) => r.territoryId)),
      this.org.unitsOf(centerIds),
    ]);
    const targets = targetsByDepartment.get(departmentId)!;
    const [squadUnits, staffMembers] = sections.has('people')
      ? await this.peopleOf(departmentId, people)
      : [[], []];
    // Squads and delivery staff with nothing this month still answer: no leads received, no stops, no proxy receipt.
    for (const squad of squadUnits)
      people.squads.set(squad.id, { ...NO_LEADS, ...people.squads.get(squad.id) });
    for (const member of staffMembers)
      people.deliveryStaff.set(member.userId, { ...NO_STOPS, ...people.deliveryStaff.get(member.userId) });
    const current = partsTable(refs, collected.current, people, departmentId, complete);
    const baselines = await this.baselines(period, departmentId, refs, targets, collected, complete);

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
      .sort(byCode)
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
    const squadRows = squadUnits.map((squad): KpiRow => ({
      subject: {
        level: 'squad',
        id: squad.id,
        code: squad.code,
        name: squad.name,
        departmentId,
        serviceCenterId: null,
        serviceCenterName: null,
      },
      kpis: evaluate('squad', squad.id, targets.department),
    }));
    const routes = new Map(
      (
        await this.org.unitsOf([...new Set(staffMembers.flatMap((m) => (m.orgUnitId ? [m.orgUnitId] : [])))])
      ).map((unit) => [unit.id, unit]),
    );
    const routeCenters = new Map(
      (
        await this.org.unitsOf([
          ...new Set([...routes.values()].flatMap((r) => (r.serviceCenterId ? [r.serviceCenterId] : []))),
        ])
      ).map((unit) => [unit.id, unit]),
    );
    const staffRows = staffMembers.map((member): KpiRow => {
      const route = member.orgUnitId ? routes.get(member.orgUnitId) : undefined;
      const center = route?.serviceCenterId ? routeCenters.get(route.serviceCenterId) : undefined;
      return {
        subject: {
          level: 'delivery_staff',
          id: member.userId,
          code: member.username,
          name: member.displayName,
          departmentId,
          serviceCenterId: center?.id ?? null,
          serviceCenterName: center?.name ?? null,
          route: route?.type === 'route' ? { id: route.id, code: route.code, name: route.name } : null,
        },
        kpis: evaluate('delivery_staff', member.userId, targets.department),
      };
    });
    const notes: KpiNote[] = [];
    if (!period.over && sections.has('territories'))
      notes.push({ family: 'forecast', reason: 'Forecast accuracy is measured once the month is over' });
    if (collected.provisionalSampleUntil)
      notes.push({
        family: 'guidanceSample',
        reason: `The guidance check sample is provisional until the recording window closes on ${collected.provisionalSampleUntil}`,
        until: collected.provisionalSampleUntil,
      });
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
      version: null,
      correction: null,
      asOf: period.asOf,
      salesThrough: period.salesThrough,
      closedAt: null,
      notes,
      territories: territoryRows,
      serviceCenters: centerRows,
      squads: squadRows,
      deliveryStaff: staffRows,
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

  /**
   * A closed month as it was stored: its newest version, or the version asked for; null while the month is
   * open (or when it has no such version).
   */
  async snapshot(
    month: string,
    departmentId: number,
    manager: EntityManager = this.dataSource.manager,
    version?: number,
  ): Promise<KpiMonthReport | null> {
    const close = await manager.findOne(KpiMonthClose, {
      where: { month: `${month}-01`, departmentId, ...(version === undefined ? {} : { version }) },
      order: { version: 'DESC' },
      relations: { correction: true },
    });
    if (!close) return null;
    const rows = await manager.find(KpiSnapshotRow, {
      where: { month: `${month}-01`, departmentId, version: close.version },
      order: { id: 'ASC' },
    });
    const at = (level: KpiRowLevel) =>
      rows
        .filter((row) => row.level === level)
        .map((row): KpiRow => ({ subject: row.subject as KpiRowSubject, kpis: row.cells }));
    const [department] = at('department');
    return {
      month,
      departmentId,
      departmentName: department?.subject.name ?? '',
      source: 'snapshot',
      version: close.version,
      correction: close.correction ? { id: close.correction.id, reason: close.correction.reason } : null,
      asOf: close.asOf,
      salesThrough: close.asOf,
      closedAt: close.closedAt,
      notes: close.notes,
      territories: at('territory'),
      serviceCenters: at('service_center'),
      squads: at('squad'),
      deliveryStaff: at('delivery_staff'),
      department: department ?? null,
    };
  }

  /**
   * Closes a department's month inside the caller's transaction: counts it now (it must be over) and stores
   * every row as the month's immutable snapshot — version 1, or with an approved correction the next version
   * (the older ones stay as they were). The caller (the month close, or the correction's approval) holds the
   * lock.
   */
  async storeSnapshot(
    manager: EntityManager,
    month: string,
    departmentId: number,
    closedBy: number | null,
    correction: { id: number; reason: string } | null = null,
  ): Promise<KpiMonthReport> {
    const over = this.period(month);
    if (!over.over) throw kpiError('KPI_MONTH_NOT_OVER', { month });
    const closedAt = this.clock.now();
    // The close counts results up to the month's last moment (a rerun counts the same); a correction counts
    // them up to now: a late result is what it is for.
    const period = correction ? { ...over, resultsAsOf: closedAt } : over;
    const report = await this.compute(period, departmentId, { closing: true });
    const [{ latest }] = await manager.query(
      `SELECT max(version)::int AS latest FROM kpi_month_closes WHERE month = $1 AND department_id = $2`,
      [`${month}-01`, departmentId],
    );
    const version = correction ? (latest ?? 0) + 1 : 1;
    await manager.insert(KpiMonthClose, {
      month: `${month}-01`,
      departmentId,
      version,
      correctionId: correction?.id ?? null,
      asOf: period.asOf,
      closedAt,
      closedBy,
      notes: report.notes,
    });
    const rows = [
      ...report.territories,
      ...report.serviceCenters,
      ...report.squads,
      ...report.deliveryStaff,
      ...(report.department ? [report.department] : []),
    ];
    await manager.insert(
      KpiSnapshotRow,
      rows.map((row) => ({
        month: `${month}-01`,
        departmentId,
        version,
        level: row.subject.level,
        subjectId: row.subject.id,
        serviceCenterId: row.subject.serviceCenterId,
        subject: row.subject,
        cells: row.kpis,
      })),
    );
    return { ...report, source: 'snapshot', version, correction, closedAt };
  }

  /** The squads and delivery staff a department's rows are about: its own, and any with facts this month. */
  private async peopleOf(departmentId: number, people: CollectedPeople): Promise<[OrgUnit[], StaffMember[]]> {
    const [squads, routes] = await Promise.all([
      this.org.unitsOfType('squad', [departmentId]),
      this.org.unitsOfType('route', [departmentId]),
    ]);
    const placed = await this.staff.activeIn(
      'delivery_staff',
      routes.map((r) => r.id),
    );
    const extraSquads = [...people.squads.keys()].filter((id) => !squads.some((s) => s.id === id));
    const extraStaff = [...people.deliveryStaff.keys()].filter((id) => !placed.some((m) => m.userId === id));
    const [moreSquads, moreStaff] = await Promise.all([
      this.org.unitsOf(extraSquads),
      this.staff.membersOf(extraStaff),
    ]);
    return [
      [...squads, ...moreSquads].sort(byCode),
      [...placed, ...moreStaff].sort((a, b) => a.username.localeCompare(b.username)),
    ];
  }

  /**
   * The baselines rising targets compare with. Last month: its snapshot when closed, else recounted from the
   * facts (not for state-based families, which have no history). Same month last year: sales from the
   * ordering context's same days last year; other KPIs only from last year's snapshot.
   */
  private async baselines(
    period: KpiPeriod,
    departmentId: number,
    refs: readonly KpiTerritoryRef[],
    targets: DepartmentTargets,
    collected: CollectedKpis,
    complete: boolean,
  ): Promise<{ previousMonth: PartsTable | null; sameMonthLastYear: PartsTable; unavailable: KpiCode[] }> {
    const needed = risingBaselines(targets);
    const unavailable: KpiCode[] = [];
    let previousMonth: PartsTable | null = null;
    if (needed.previousMonth.size) {
      const month = addMonths(period.month, -1);
      previousMonth = await this.snapshotParts(month, departmentId);
      if (!previousMonth) {
        // Not closed: what the month's own scans counted of it, and a recount of any other family needed.
        const families = new Set<KpiFamily>();
        for (const code of needed.previousMonth) {
          const family = familyOf(code);
          if (family && STATE_FAMILIES.has(family)) unavailable.push(code);
          else if (family && !COUNTED_WITH_MONTH.has(family)) families.add(family);
        }
        const previous = this.period(month);
        const none: CollectedPeople = { squads: new Map(), deliveryStaff: new Map() };
        const [recount, people] = await Promise.all([
          families.size ? this.collector.collect(previous, refs, families) : undefined,
          complete && (families.has('leads') || families.has('delivery'))
            ? this.collector.collectPeople(previous, departmentId, families)
            : none,
        ]);
        const byTerritory = new Map(
          refs.map((ref) => [
            ref.territoryId,
            { ...collected.previousMonth.get(ref.territoryId), ...recount?.current.get(ref.territoryId) },
          ]),
        );
        previousMonth = partsTable(refs, byTerritory, people, departmentId, complete);
      }
    }
    const sameMonthLastYear = partsTable(
      refs,
      collected.lastYear,
      { squads: new Map(), deliveryStaff: new Map() },
      departmentId,
      complete,
    );
    const otherLastYear = [...needed.sameMonthLastYear].filter((code) => !YEAR_ON_YEAR_CODES.includes(code));
    if (otherLastYear.length) {
      const stored = await this.snapshotParts(addMonths(period.month, -12), departmentId);
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
        `SELECT level, subject_id AS "subjectId", cells FROM kpi_snapshot_rows
          WHERE month = $1 AND department_id = $2
            AND version = (SELECT max(version) FROM kpi_month_closes WHERE month = $1 AND department_id = $2)`,
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

/**
 * Every row's parts keyed by level and id: territories, their centers, squads, delivery staff, and (when the
 * whole department was counted) the department as the sum of territories, squads and delivery staff.
 */
function partsTable(
  refs: readonly KpiTerritoryRef[],
  byTerritory: Map<number, KpiPartsRow>,
  people: CollectedPeople,
  departmentId: number,
  withDepartment: boolean,
): PartsTable {
  const table: PartsTable = new Map();
  const centers = new Map<number, KpiPartsRow[]>();
  for (const ref of refs) {
    const row = byTerritory.get(ref.territoryId) ?? {};
    table.set(key('territory', ref.territoryId), row);
    const center = centers.get(ref.serviceCenterId);
    if (center) center.push(row);
    else centers.set(ref.serviceCenterId, [row]);
  }
  for (const [centerId, rows] of centers) table.set(key('service_center', centerId), rollUpParts(rows));
  for (const [squadId, row] of people.squads) table.set(key('squad', squadId), row);
  for (const [userId, row] of people.deliveryStaff) table.set(key('delivery_staff', userId), row);
  if (withDepartment) {
    table.set(
      key('department', departmentId),
      rollUpParts([
        ...[...centers.values()].flat(),
        ...people.squads.values(),
        ...people.deliveryStaff.values(),
      ]),
    );
  }
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

function byCode(a: { code: string }, b: { code: string }): number {
  return a.code.localeCompare(b.code);
}
