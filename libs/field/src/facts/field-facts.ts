import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BrandDirectory } from '#libs/catalog';
import { RetailerDirectory } from '#libs/retailers';
import { callTarget, type PriceComplianceTally, type TerritoryMarket, visitTarget } from '../domain/index.js';
import { fieldError } from '../field.errors.js';
import {
  type ActualCartons,
  ACTUAL_VOLUMES,
  type ActualVolumesProvider,
} from '../forecasts/actual-volumes.js';
import { accuracyReport, type AccuracyReport, type CartonsLine } from '../forecasts/accuracy-report.js';
import { FieldPolicyService } from '../policy/field-policy.service.js';
import { fieldTargetPolicy } from '../policy/field-policy.values.js';
import { firstDayOfMonth, lastDayOfMonth, periodContaining } from '#libs/kernel';
import { BusinessCalendarDirectory } from '#libs/calendar';
import type { GuidanceTopic } from '../domain/index.js';
import { type DepartmentSample, GuidanceSamples } from '../visits/guidance-samples.js';

/** Business dates, both included. */
export interface FieldPeriod {
  readonly from: string;
  readonly to: string;
}

export interface FieldTerritory {
  readonly territoryId: number;
  readonly departmentId: number;
}

/**
 * 经营指导面 and 有效指导 of a territory. Coverage counts the territory's active retailers (as they stand) with a
 * guidance visit in the month, and since 1 January (the seed's 60 % is for the year). Effective guidance
 * counts the visits of the system-drawn check sample only (see `GuidanceSamples`): how many of the territory's
 * guidance visits were drawn, and of those how many a market manager checked (by `checksAsOf`) and found
 * effective.
 */
export interface TerritoryGuidance {
  territoryId: number;
  activeRetailers: number;
  guidedRetailers: number;
  guidedRetailersYearToDate: number;
  guidanceVisits: number;
  sampledVisits: number;
  checkedSampledVisits: number;
  effectiveSampledVisits: number;
}

export interface GuidanceFacts {
  territories: TerritoryGuidance[];
  /** The check samples the counts were made on, per department (provisional or frozen). */
  samples: DepartmentSample[];
}

/**
 * 知晓率: retailers surveyed in the period and, by their latest answer, those aware of both floating quotas and
 * self-reporting (the KPI), and of each on its own.
 */
export interface TerritoryAwareness {
  territoryId: number;
  surveyedRetailers: number;
  awareRetailers: number;
  awareFloatingQuota: number;
  awareSelfReporting: number;
}

/** 零售指导价落实 of a territory: the price checks of the period (see the domain's `tallyPriceChecks`). */
export interface TerritoryPriceCompliance extends PriceComplianceTally {
  territoryId: number;
}

/** Visits and calls of a territory against its targets to date (a retailer counts once a day). */
export interface TerritoryAttainment {
  territoryId: number;
  market: TerritoryMarket;
  workingDays: number;
  visits: number;
  visitTarget: number;
  calls: number;
  callTarget: number;
}

/** 上柜: what the latest shelf check of each retailer in the period found. */
export interface ShelfPresence {
  /** Per territory: retailers shelf-checked at least once in the period. */
  territories: Array<{ territoryId: number; checkedRetailers: number }>;
  /** Per territory and asked-for spec: retailers whose latest shelf check of the period found it. */
  brands: Array<{ territoryId: number; brandId: number; retailersOnShelf: number }>;
}

/** A guidance visit with its check, for the monthly guidance detail 经营指导明细. */
export interface GuidanceVisitFact {
  visitId: number;
  /** Its place in its account manager's check sample (1 = drawn first); null when not drawn. */
  sampleDraw: number | null;
  visitedOn: string;
  territoryId: number;
  accountManagerId: number;
  retailerId: number;
  topics: GuidanceTopic[];
  advice: string;
  check: { effective: boolean; note: string; checkedBy: number; checkedAt: Date } | null;
}

/**
 * Field-work facts for other contexts (KPIs, brand cultivation, reports): one set-based statement per family
 * over a period and a set of territories, attributed to the territory a fact was recorded in (copied at write
 * time), never a loop per retailer or per account manager.
 */
@Injectable()
export class FieldFacts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly retailers: RetailerDirectory,
    private readonly brands: BrandDirectory,
    private readonly policies: FieldPolicyService,
    private readonly calendars: BusinessCalendarDirectory,
    private readonly samples: GuidanceSamples,
    @Optional() @Inject(ACTUAL_VOLUMES) private readonly actuals?: ActualVolumesProvider,
  ) {}

  /** Whether forecast accuracy can be measured: actual volumes are wired in (see `FieldModule.register`). */
  get measuresForecastAccuracy(): boolean {
    return this.actuals !== undefined;
  }

  /**
   * Guidance coverage (month and year to date) and effective guidance on the check sample, per territory of a
   * month counted through `asOf`. `freezeSample` freezes the departments' samples now (the month close).
   */
  async guidance(
    month: string,
    counted: { asOf: string; checksAsOf: Date },
    territories: readonly FieldTerritory[],
    options: { freezeSample?: boolean } = {},
  ): Promise<GuidanceFacts> {
    if (!territories.length) return { territories: [], samples: [] };
    const territoryIds = territories.map((t) => t.territoryId);
    const [active, samples] = await Promise.all([
      this.retailers.activeByTerritory(territoryIds),
      this.samples.of(
        month,
        territories.map((t) => t.departmentId),
        { freeze: options.freezeSample },
      ),
    ]);
    const sampled = samples.flatMap((sample) => sample.accountManagers.flatMap((m) => m.visitIds));
    const [coverage, visits]: [
      Array<
        Pick<
          TerritoryGuidance,
          'territoryId' | 'activeRetailers' | 'guidedRetailers' | 'guidedRetailersYearToDate'
        >
      >,
      Array<Omit<TerritoryGuidance, 'activeRetailers' | 'guidedRetailers' | 'guidedRetailersYearToDate'>>,
    ] = await Promise.all([
      this.dataSource.query(
        `SELECT r.territory_id AS "territoryId", count(*)::int AS "activeRetailers",
                count(*) FILTER (WHERE g.last_on >= $3::date)::int AS "guidedRetailers",
                count(g.last_on)::int AS "guidedRetailersYearToDate"
           FROM unnest($1::int[], $2::int[]) AS r(id, territory_id)
           LEFT JOIN LATERAL (
             SELECT max(v.visited_on) AS last_on FROM visits v
              WHERE v.retailer_id = r.id AND v.kind = 'guidance' AND v.visited_on BETWEEN $4::date AND $5::date) g ON TRUE
          GROUP BY r.territory_id`,
        [
          active.ids,
          active.territoryIds,
          firstDayOfMonth(month),
          periodContaining(counted.asOf, 'year').from,
          counted.asOf,
        ],
      ),
      this.dataSource.query(
        `SELECT v.territory_id AS "territoryId", count(*)::int AS "guidanceVisits",
                count(*) FILTER (WHERE v.id = ANY($4::int[]))::int AS "sampledVisits",
                count(*) FILTER (WHERE v.id = ANY($4::int[]) AND c.checked_at <= $5)::int AS "checkedSampledVisits",
                count(*) FILTER (WHERE v.id = ANY($4::int[]) AND c.checked_at <= $5 AND c.effective)::int
                  AS "effectiveSampledVisits"
           FROM visits v LEFT JOIN visit_checks c ON c.visit_id = v.id
          WHERE v.territory_id = ANY($1::int[]) AND v.kind = 'guidance' AND v.visited_on BETWEEN $2::date AND $3::date
          GROUP BY v.territory_id`,
        [territoryIds, firstDayOfMonth(month), lastDayOfMonth(month), sampled, counted.checksAsOf],
      ),
    ]);
    const coverageOf = new Map(coverage.map((row) => [row.territoryId, row]));
    const visitsOf = new Map(visits.map((row) => [row.territoryId, row]));
    return {
      samples,
      territories: territoryIds.map((territoryId) => ({
        territoryId,
        activeRetailers: coverageOf.get(territoryId)?.activeRetailers ?? 0,
        guidedRetailers: coverageOf.get(territoryId)?.guidedRetailers ?? 0,
        guidedRetailersYearToDate: coverageOf.get(territoryId)?.guidedRetailersYearToDate ?? 0,
        guidanceVisits: visitsOf.get(territoryId)?.guidanceVisits ?? 0,
        sampledVisits: visitsOf.get(territoryId)?.sampledVisits ?? 0,
        checkedSampledVisits: visitsOf.get(territoryId)?.checkedSampledVisits ?? 0,
        effectiveSampledVisits: visitsOf.get(territoryId)?.effectiveSampledVisits ?? 0,
      })),
    };
  }

  /** The check samples of some departments' month (see `GuidanceSamples`): provisional, or frozen. */
  async checkSamples(month: string, departmentIds: readonly number[]): Promise<DepartmentSample[]> {
    return this.samples.of(month, departmentIds);
  }

  async awareness(period: FieldPeriod, territoryIds: readonly number[]): Promise<TerritoryAwareness[]> {
    if (!territoryIds.length) return [];
    return this.dataSource.query(
      `SELECT territory_id AS "territoryId", count(*)::int AS "surveyedRetailers",
              count(*) FILTER (WHERE aware_floating_quota AND aware_self_reporting)::int AS "awareRetailers",
              count(*) FILTER (WHERE aware_floating_quota)::int AS "awareFloatingQuota",
              count(*) FILTER (WHERE aware_self_reporting)::int AS "awareSelfReporting"
         FROM (SELECT DISTINCT ON (v.territory_id, v.retailer_id) v.territory_id, v.aware_floating_quota,
                      v.aware_self_reporting
                 FROM visits v
                WHERE v.territory_id = ANY($1::int[]) AND v.aware_floating_quota IS NOT NULL
                  AND v.visited_on BETWEEN $2::date AND $3::date
                ORDER BY v.territory_id, v.retailer_id, v.visited_at DESC, v.id DESC) latest
        GROUP BY territory_id ORDER BY territory_id`,
      [territoryIds, period.from, period.to],
    );
  }

  /**
   * The price checks of a period per territory: carton and pack prices observed, and those at or below the
   * guide price (within the tolerance copied onto each check) — the domain's `tallyPriceChecks` in SQL.
   */
  async priceCompliance(
    period: FieldPeriod,
    territoryIds: readonly number[],
  ): Promise<TerritoryPriceCompliance[]> {
    if (!territoryIds.length) return [];
    const atOrBelow = (observed: string, guide: string) =>
      `${observed}::bigint * 10000 <= ${guide}::bigint * (10000 + tolerance_bp)`;
    return this.dataSource.query(
      `SELECT territory_id AS "territoryId",
              count(observed_carton_fen)::int AS "cartonChecked",
              count(*) FILTER (WHERE ${atOrBelow('observed_carton_fen', 'guide_carton_fen')})::int AS "cartonCompliant",
              count(observed_pack_fen)::int AS "packChecked",
              count(*) FILTER (WHERE ${atOrBelow('observed_pack_fen', 'guide_pack_fen')})::int AS "packCompliant"
         FROM visit_price_checks
        WHERE territory_id = ANY($1::int[]) AND visited_on BETWEEN $2::date AND $3::date
        GROUP BY territory_id ORDER BY territory_id`,
      [territoryIds, period.from, period.to],
    );
  }

  /**
   * Visits and calls of each territory in a month up to `asOf` (a retailer counted once a day), against the
   * department's daily targets × working days elapsed, for the territory's market — the rule of
   * `GET /api/visits/attainment`, counted by territory instead of by the person who recorded.
   */
  async attainment(
    month: string,
    asOf: string,
    territories: readonly FieldTerritory[],
  ): Promise<TerritoryAttainment[]> {
    if (!territories.length) return [];
    const from = firstDayOfMonth(month);
    const to = asOf < lastDayOfMonth(month) ? asOf : lastDayOfMonth(month);
    const territoryIds = territories.map((t) => t.territoryId);
    const [counts, profiles, policies] = await Promise.all([
      this.dataSource.query(
        `SELECT t.id AS "territoryId",
                (SELECT count(DISTINCT (v.retailer_id, v.visited_on))::int FROM visits v
                  WHERE v.territory_id = t.id AND v.visited_on BETWEEN $2::date AND $3::date) AS visits,
                (SELECT count(DISTINCT (c.retailer_id, c.called_on))::int FROM calls c
                  WHERE c.territory_id = t.id AND c.called_on BETWEEN $2::date AND $3::date) AS calls
           FROM unnest($1::int[]) AS t(id)`,
        [territoryIds, from, to],
      ) as Promise<Array<{ territoryId: number; visits: number; calls: number }>>,
      this.retailers.territoryProfiles(territoryIds),
      this.policies.valuesOf(territories.map((t) => t.departmentId)),
    ]);
    const calendars = await this.calendars.calendarsOf(territories.map((t) => t.departmentId));
    const done = new Map(counts.map((row) => [row.territoryId, row]));
    const markets = new Map(profiles.map((p) => [p.territoryId, p.market]));
    return territories.map((t) => {
      const targets = fieldTargetPolicy(policies.get(t.departmentId)!);
      const market = markets.get(t.territoryId) ?? 'urban';
      // The department's working days: its holidays off, its swapped weekend days worked.
      const workingDays = calendars.get(t.departmentId)!.workingDays.countWorkingDays(from, to);
      return {
        territoryId: t.territoryId,
        market,
        workingDays,
        visits: done.get(t.territoryId)?.visits ?? 0,
        visitTarget: visitTarget(workingDays, market, targets),
        calls: done.get(t.territoryId)?.calls ?? 0,
        callTarget: callTarget(workingDays, targets),
      };
    });
  }

  /**
   * What each retailer's latest shelf check of the period found, counted per territory and spec for the
   * specs asked about (a retailer not checked in the period is not found stocking anything).
   */
  async shelfPresence(
    period: FieldPeriod,
    territoryIds: readonly number[],
    brandIds: readonly number[],
  ): Promise<ShelfPresence> {
    if (!territoryIds.length) return { territories: [], brands: [] };
    // One pass: the latest check of each retailer, its items among the asked-for specs, counted per territory
    // (retailers checked) and per territory and spec (retailers stocking it).
    const rows: Array<{
      territoryId: number;
      brandId: number | null;
      retailers: number;
      perTerritory: boolean;
    }> = await this.dataSource.query(
      `WITH latest AS (
         SELECT DISTINCT ON (v.retailer_id) v.id, v.territory_id, v.retailer_id
           FROM visits v
          WHERE v.territory_id = ANY($1::int[]) AND v.shelf_checked AND v.visited_on BETWEEN $2::date AND $3::date
          ORDER BY v.retailer_id, v.visited_at DESC, v.id DESC)
       SELECT l.territory_id AS "territoryId", s.brand_id AS "brandId", count(DISTINCT l.retailer_id)::int AS retailers,
              GROUPING(s.brand_id) = 1 AS "perTerritory"
         FROM latest l LEFT JOIN visit_shelf_items s ON s.visit_id = l.id AND s.brand_id = ANY($4::int[])
        GROUP BY GROUPING SETS ((l.territory_id), (l.territory_id, s.brand_id))`,
      [territoryIds, period.from, period.to, brandIds],
    );
    return {
      territories: rows
        .filter((r) => r.perTerritory)
        .map((r) => ({ territoryId: r.territoryId, checkedRetailers: r.retailers })),
      brands: rows
        .filter((r) => !r.perTerritory && r.brandId !== null)
        .map((r) => ({ territoryId: r.territoryId, brandId: r.brandId!, retailersOnShelf: r.retailers })),
    };
  }

  /**
   * Forecast accuracy of a month per territory, per spec and for the key brands, against the ordering
   * context's consolidated orders (never estimated: without them, FORECAST_ACTUALS_UNAVAILABLE).
   */
  async forecastAccuracy(
    month: string,
    territories: ReadonlyArray<FieldTerritory & { readonly accountManagerId?: number | null }>,
    /** The month's actuals when the caller already holds them (read from the same provider's facts). */
    known?: readonly ActualCartons[],
  ): Promise<AccuracyReport> {
    if (!known && !this.actuals) throw fieldError('FORECAST_ACTUALS_UNAVAILABLE');
    const territoryIds = territories.map((t) => t.territoryId);
    const [forecasts, actuals, keyBrands] = await Promise.all([
      territoryIds.length
        ? (this.dataSource.query(
            `SELECT f.territory_id AS "territoryId", l.brand_id AS "brandId", l.cartons
               FROM forecasts f JOIN forecast_lines l ON l.forecast_id = f.id
              WHERE f.territory_id = ANY($1::int[]) AND f.month = $2`,
            [territoryIds, firstDayOfMonth(month)],
          ) as Promise<CartonsLine[]>)
        : Promise.resolve([]),
      known ??
        (territoryIds.length ? this.actuals!.actualCartonsByBrand(territoryIds, month) : Promise.resolve([])),
      this.brands.keyBrandsOf(Number(month.slice(0, 4)), [
        ...new Set(territories.map((t) => t.departmentId)),
      ]),
    ]);
    return accuracyReport({
      month,
      territories: territories.map((t) => ({ ...t, accountManagerId: t.accountManagerId ?? null })),
      forecasts,
      actuals,
      keyBrands,
    });
  }

  /** The guidance visits of a period with their checks and their place in the given samples, oldest first. */
  async guidanceVisits(
    period: FieldPeriod,
    territoryIds: readonly number[],
    samples: readonly DepartmentSample[],
  ): Promise<GuidanceVisitFact[]> {
    if (!territoryIds.length) return [];
    const drawOf = new Map(
      samples.flatMap((sample) =>
        sample.accountManagers.flatMap((m) => m.visitIds.map((id, index) => [id, index + 1] as const)),
      ),
    );
    const rows: Array<
      Omit<GuidanceVisitFact, 'check' | 'sampleDraw'> & {
        effective: boolean | null;
        note: string | null;
        checkedBy: number | null;
        checkedAt: Date | null;
      }
    > = await this.dataSource.query(
      `SELECT v.id AS "visitId", v.visited_on::text AS "visitedOn", v.territory_id AS "territoryId",
              v.account_manager_id AS "accountManagerId", v.retailer_id AS "retailerId",
              v.guidance_topics AS topics, v.guidance_advice AS advice,
              c.effective, c.note, c.checked_by AS "checkedBy", c.checked_at AS "checkedAt"
         FROM visits v LEFT JOIN visit_checks c ON c.visit_id = v.id
        WHERE v.territory_id = ANY($1::int[]) AND v.kind = 'guidance' AND v.visited_on BETWEEN $2::date AND $3::date
        ORDER BY v.visited_on, v.territory_id, v.id`,
      [territoryIds, period.from, period.to],
    );
    return rows.map(({ effective, note, checkedBy, checkedAt, ...visit }) => ({
      ...visit,
      sampleDraw: drawOf.get(visit.visitId) ?? null,
      check:
        effective === null
          ? null
          : { effective, note: note ?? '', checkedBy: checkedBy!, checkedAt: checkedAt! },
    }));
  }
}
