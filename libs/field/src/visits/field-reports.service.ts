import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '#libs/shared';
import { RetailerDirectory } from '#libs/retailers';
import { callTarget, visitTarget } from '../domain/index.js';
import { fieldError } from '../field.errors.js';
import { FieldScope, type ScopedTerritory } from '../field-scope.js';
import { FieldWorkRecording } from '../field-work-recording.js';
import { GuidanceSamples } from './guidance-samples.js';
import { VisitPhotos } from './visit-photos.js';
import { FieldPolicyService } from '../policy/field-policy.service.js';
import { DEFAULT_FIELD_POLICY, fieldTargetPolicy } from '../policy/field-policy.values.js';
import { firstDayOfMonth, lastDayOfMonth, monthOf } from '#libs/kernel';
import { BusinessCalendarDirectory } from '#libs/calendar';
import { VISIT_SUMMARY_COLUMNS, type VisitSummary, type VisitSummaryRow } from './visit.view.js';
import type { CheckSampleQuery, DueSoonQuery, MonthQuery, OverdueQuery } from './dto/field-report.dto.js';

/** A retailer on a visit-cadence list. */
export interface CadenceRetailer {
  retailerId: number;
  territoryId: number;
  accountManagerId: number | null;
  bigAccount: boolean;
  /** The cadence that applies: visit at least every this many days. */
  maxDaysBetweenVisits: number;
}

export interface OverdueRetailer extends CadenceRetailer {
  /** Null: never visited (listed first). */
  lastVisitOn: string | null;
  dueOn: string | null;
  daysOverdue: number | null;
}

export interface DueSoonRetailer extends CadenceRetailer {
  lastVisitOn: string;
  dueOn: string;
  /** Days from `on` to the due day (0: due on `on`). */
  daysLeft: number;
}

export interface DueSoonReport {
  on: string;
  withinDays: number;
  items: DueSoonRetailer[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OverdueSummary {
  territoryId: number;
  accountManagerId: number | null;
  /** Active retailers of the territory. */
  retailers: number;
  overdue: number;
  neverVisited: number;
}

export interface OverdueReport {
  on: string;
  summary: OverdueSummary[];
  items: OverdueRetailer[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Attainment {
  done: number;
  perWorkingDay: number;
  targetToDate: number;
  targetMonth: number;
  /** done ÷ target to date (null when the target is 0). */
  attainment: { numerator: number; denominator: number; ratio: number | null };
}

export interface AttainmentRow {
  accountManagerId: number;
  territoryId: number;
  departmentId: number;
  market: 'urban' | 'rural';
  workingDaysInMonth: number;
  workingDaysElapsed: number;
  visits: Attainment;
  calls: Attainment;
}

export interface AttainmentReport {
  month: string;
  /** Counted up to this business date (the month's last day once it is over). */
  asOf: string;
  items: AttainmentRow[];
  total: { visits: Attainment['attainment']; calls: Attainment['attainment'] };
}

export interface CheckSampleReport {
  month: string;
  departments: Array<{
    departmentId: number;
    /** Visits drawn per account manager (department policy). */
    size: number;
    /** Frozen: the stored sample, final. Otherwise provisional until `windowClosesOn`. */
    frozen: boolean;
    frozenAt: Date | null;
    windowClosesOn: string;
    accountManagers: Array<{
      accountManagerId: number;
      guidanceVisits: number;
      /** The sample in draw order (the visits in the caller's scope). */
      sample: VisitSummary[];
    }>;
  }>;
}

/** What both visit-cadence lists say of a retailer (over the `status` and `t` rows of `cadence`). */
const CADENCE_COLUMNS = `s.retailer_id AS "retailerId", s.territory_id AS "territoryId",
       t.account_manager_id AS "accountManagerId", s.big_account AS "bigAccount",
       s.max_days::int AS "maxDaysBetweenVisits", s.last_on::text AS "lastVisitOn",
       (s.last_on + s.max_days)::text AS "dueOn"`;

/** Overdue and coming-due visits, visit/call attainment and check samples: each a few set-based statements over the scope. */
@Injectable()
export class FieldReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: FieldScope,
    private readonly retailers: RetailerDirectory,
    private readonly recording: FieldWorkRecording,
    private readonly policies: FieldPolicyService,
    private readonly calendars: BusinessCalendarDirectory,
    private readonly samples: GuidanceSamples,
    private readonly photos: VisitPhotos,
  ) {}

  /**
   * Retailers whose next visit was due before `on`: big accounts after their cadence's days (default 7),
   * others after theirs (default 14), counted from the last visit of any kind by anyone; never-visited
   * retailers first. Mirrors `visitCadenceStatus` of the domain in SQL, so a department is one statement.
   */
  async overdue(actor: Actor, query: OverdueQuery): Promise<OverdueReport> {
    const { on, base, params } = await this.cadence(actor, query);
    const summary: OverdueSummary[] = await this.dataSource.query(
      `${base}
       SELECT t.territory_id AS "territoryId", t.account_manager_id AS "accountManagerId",
              count(s.retailer_id)::int AS retailers,
              count(s.retailer_id) FILTER (WHERE s.last_on IS NULL OR s.last_on + s.max_days < $3::date)::int AS overdue,
              count(s.retailer_id) FILTER (WHERE s.last_on IS NULL)::int AS "neverVisited"
         FROM t LEFT JOIN status s ON s.territory_id = t.territory_id
        GROUP BY t.territory_id, t.account_manager_id
        ORDER BY t.territory_id`,
      params,
    );
    const items: OverdueRetailer[] = await this.dataSource.query(
      `${base}
       SELECT ${CADENCE_COLUMNS}, ($3::date - (s.last_on + s.max_days))::int AS "daysOverdue"
         FROM status s JOIN t ON t.territory_id = s.territory_id
        WHERE s.last_on IS NULL OR s.last_on + s.max_days < $3::date
        ORDER BY s.last_on IS NULL DESC, "daysOverdue" DESC, s.retailer_id
        LIMIT $6 OFFSET $7`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const total = summary.reduce((sum, row) => sum + row.overdue, 0);
    return { on, summary, items, total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Retailers on schedule whose next visit comes due within `withinDays` of `on` (the due day itself is the
   * last day on time): the ones to plan before they join the overdue list, soonest first. Same cadence and
   * scope as `overdue`; never-visited retailers are overdue already, so they are not here.
   */
  async dueSoon(actor: Actor, query: DueSoonQuery): Promise<DueSoonReport> {
    const { on, base, params } = await this.cadence(actor, query);
    const due = `FROM status s JOIN t ON t.territory_id = s.territory_id
        WHERE s.last_on + s.max_days BETWEEN $3::date AND $3::date + $6::int`;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `${base}
         SELECT ${CADENCE_COLUMNS}, ((s.last_on + s.max_days) - $3::date)::int AS "daysLeft" ${due}
          ORDER BY "dueOn", s.retailer_id
          LIMIT $7 OFFSET $8`,
        [...params, query.withinDays, query.pageSize, (query.page - 1) * query.pageSize],
      ) as Promise<DueSoonRetailer[]>,
      this.dataSource.query(`${base} SELECT count(*)::int AS total ${due}`, [
        ...params,
        query.withinDays,
      ]) as Promise<Array<{ total: number }>>,
    ]);
    return { on, withinDays: query.withinDays, items, total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * The visit cadence of every active retailer in the caller's territories as of a day: `t` (territory,
   * account manager) and `status` (last visit on or before the day, the days its cadence allows) for the
   * statements above, with $1–$5 bound. Mirrors `visitCadenceStatus` of the domain in SQL.
   */
  private async cadence(actor: Actor, query: OverdueQuery) {
    const on = query.on ?? this.recording.today();
    const territories = await this.scope.territories(actor, query);
    const base = `
      WITH t AS (
        SELECT * FROM unnest($1::int[], $2::int[]) AS t(territory_id, account_manager_id)
      ), status AS (
        SELECT r.id AS retailer_id, r.territory_id, r.big_account, lv.last_on,
               CASE WHEN r.big_account THEN COALESCE(p.big_account_visit_days, $4)
                    ELSE COALESCE(p.regular_visit_days, $5) END AS max_days
          FROM retailers r
          LEFT JOIN field_policies p ON p.department_id = r.department_id
          LEFT JOIN LATERAL (
            SELECT max(v.visited_on) AS last_on FROM visits v WHERE v.retailer_id = r.id AND v.visited_on <= $3::date
          ) lv ON TRUE
         WHERE r.territory_id = ANY($1::int[]) AND r.status = 'active'
      )`;
    const params: unknown[] = [
      territories.map((t) => t.territoryId),
      territories.map((t) => t.accountManagerId),
      on,
      DEFAULT_FIELD_POLICY.bigAccountVisitDays,
      DEFAULT_FIELD_POLICY.regularVisitDays,
    ];
    return { on, base, params };
  }

  /**
   * Visits and calls of each account manager in a month against its targets: the department's working days
   * (its holiday calendar: days off left out, swapped weekend days counted) × the department's daily target for the territory's market. A visit counts once per retailer and day,
   * and so does a call, so repeated entries do not inflate attainment.
   */
  async attainment(actor: Actor, query: MonthQuery): Promise<AttainmentReport> {
    const today = this.recording.today();
    const month = this.monthNotAfterToday(query.month, today);
    const from = firstDayOfMonth(month);
    const monthEnd = lastDayOfMonth(month);
    const asOf = monthEnd < today ? monthEnd : today;
    const territories = (await this.scope.territories(actor, query)).filter(
      (t): t is ScopedTerritory & { accountManagerId: number } => t.accountManagerId !== null,
    );
    const managerIds = territories.map((t) => t.accountManagerId);
    const [profiles, policies, calendars, counts] = await Promise.all([
      this.retailers.territoryProfiles(territories.map((t) => t.territoryId)),
      this.policies.valuesOf(territories.map((t) => t.departmentId)),
      this.calendars.calendarsOf(territories.map((t) => t.departmentId)),
      this.dataSource.query(
        `SELECT m.id AS "accountManagerId",
                (SELECT count(DISTINCT (v.retailer_id, v.visited_on))::int FROM visits v
                  WHERE v.account_manager_id = m.id AND v.visited_on BETWEEN $2::date AND $3::date) AS visits,
                (SELECT count(DISTINCT (c.retailer_id, c.called_on))::int FROM calls c
                  WHERE c.account_manager_id = m.id AND c.called_on BETWEEN $2::date AND $3::date) AS calls
           FROM unnest($1::int[]) AS m(id)`,
        [managerIds, from, asOf],
      ) as Promise<Array<{ accountManagerId: number; visits: number; calls: number }>>,
    ]);
    const done = new Map(counts.map((row) => [row.accountManagerId, row]));
    const markets = new Map(profiles.map((p) => [p.territoryId, p.market]));
    const items = territories.map((t): AttainmentRow => {
      const targets = fieldTargetPolicy(policies.get(t.departmentId)!);
      const { workingDays } = calendars.get(t.departmentId)!;
      const workingDaysInMonth = workingDays.countWorkingDays(from, monthEnd);
      const workingDaysElapsed = workingDays.countWorkingDays(from, asOf);
      const market = markets.get(t.territoryId) ?? 'urban';
      return {
        accountManagerId: t.accountManagerId,
        territoryId: t.territoryId,
        departmentId: t.departmentId,
        market,
        workingDaysInMonth,
        workingDaysElapsed,
        visits: attainment(
          done.get(t.accountManagerId)?.visits ?? 0,
          targets.visitsPerWorkingDay[market],
          visitTarget(workingDaysElapsed, market, targets),
          visitTarget(workingDaysInMonth, market, targets),
        ),
        calls: attainment(
          done.get(t.accountManagerId)?.calls ?? 0,
          targets.callsPerWorkingDay,
          callTarget(workingDaysElapsed, targets),
          callTarget(workingDaysInMonth, targets),
        ),
      };
    });
    return {
      month,
      asOf,
      items,
      total: {
        visits: sumRates(items.map((item) => item.visits.attainment)),
        calls: sumRates(items.map((item) => item.calls.attainment)),
      },
    };
  }

  /**
   * Which guidance visits of each account manager the market managers check in a month: the department's
   * system-drawn sample (`GuidanceSamples`, its size department policy), the same for everyone and every call,
   * provisional until the month's recording window closes and then frozen; shown within the caller's scope.
   */
  async checkSample(actor: Actor, query: CheckSampleQuery): Promise<CheckSampleReport> {
    const month = this.monthNotAfterToday(query.month, this.recording.today());
    const territories = await this.scope.territories(actor, query);
    const visible = new Set(territories.map((t) => t.territoryId));
    const samples = await this.samples.of(
      month,
      territories.map((t) => t.departmentId),
    );
    const ids = samples.flatMap((sample) => sample.accountManagers.flatMap((m) => m.visitIds));
    const rows: VisitSummaryRow[] = await this.dataSource.query(
      `SELECT ${VISIT_SUMMARY_COLUMNS} FROM visits v LEFT JOIN visit_checks c ON c.visit_id = v.id WHERE v.id = ANY($1::int[])`,
      [ids],
    );
    const summaries = await this.photos.summaries(rows.filter((row) => visible.has(row.territoryId)));
    const byId = new Map(summaries.map((summary) => [summary.id, summary]));
    return {
      month,
      departments: samples.map(({ accountManagers, month: _month, ...sample }) => ({
        ...sample,
        accountManagers: accountManagers
          .filter(
            (m) => query.accountManagerId === undefined || m.accountManagerId === query.accountManagerId,
          )
          .map((m) => ({
            accountManagerId: m.accountManagerId,
            guidanceVisits: m.guidanceVisits,
            sample: m.visitIds.flatMap((id) => byId.get(id) ?? []),
          }))
          .filter((m) => m.sample.length > 0),
      })),
    };
  }

  private monthNotAfterToday(month: string | undefined, today: string): string {
    const current = monthOf(today);
    if (month === undefined) return current;
    if (month > current) throw fieldError('FIELD_PERIOD_NOT_STARTED', { month });
    return month;
  }
}

function attainment(
  done: number,
  perWorkingDay: number,
  targetToDate: number,
  targetMonth: number,
): Attainment {
  return { done, perWorkingDay, targetToDate, targetMonth, attainment: ratioOf(done, targetToDate) };
}

function ratioOf(numerator: number, denominator: number) {
  return { numerator, denominator, ratio: denominator === 0 ? null : numerator / denominator };
}

/** Rolls rates up by adding their parts (never by averaging ratios). */
function sumRates(parts: Array<{ numerator: number; denominator: number }>) {
  return ratioOf(
    parts.reduce((sum, part) => sum + part.numerator, 0),
    parts.reduce((sum, part) => sum + part.denominator, 0),
  );
}
