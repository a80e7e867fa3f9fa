import { Injectable } from '@nestjs/common';
import { StaffDirectory } from '#libs/auth';
import { BrandDirectory } from '#libs/catalog';
import { PunctualityService } from '#libs/delivery';
import { type LeadTally, LeadRatesService } from '#libs/enforcement';
import { type ActualCartons, FieldFacts, type ForecastTally } from '#libs/field';
import { OrderingFacts, type TerritoryBrandSales } from '#libs/ordering';
import { RetailerDirectory } from '#libs/retailers';
import { type KpiCode, type KpiMonthPeriod, type KpiParts, type KpiPartsRow } from '../domain/index.js';
import { addMonths } from '#libs/kernel';

/** A group of KPIs counted by one set-based fact query over the month (one per owning context). */
export type KpiFamily =
  | 'guidance'
  | 'awareness'
  | 'channel'
  | 'attainment'
  | 'shelf'
  | 'price'
  | 'forecast'
  | 'ordering'
  | 'leads'
  | 'delivery';

export const KPI_FAMILIES: Record<KpiFamily, readonly KpiCode[]> = {
  guidance: ['guidanceCoverage', 'guidanceCoverageYearToDate', 'effectiveGuidance'],
  awareness: ['policyAwareness'],
  channel: ['channelCoverage'],
  attainment: ['visitAttainment', 'callAttainment'],
  shelf: ['keyBrandShelfRate'],
  price: ['guidePriceComplianceCarton', 'guidePriceCompliancePack'],
  forecast: ['forecastAccuracy', 'keyBrandForecastAccuracy'],
  ordering: [
    'selfReportedDemandShare',
    'salesCartons',
    'salesAmount',
    'averagePricePerCarton',
    'salesCartonsYearToDate',
    'salesAmountYearToDate',
    'averagePricePerCartonYearToDate',
  ],
  leads: ['leadAuthenticity', 'leadVerificationRate', 'leadOnTimeRate'],
  delivery: ['deliveryPunctuality', 'proxyReceipts'],
};

export const ALL_FAMILIES = Object.keys(KPI_FAMILIES) as KpiFamily[];

/**
 * Families whose facts are current state rather than dated history (whether a retailer is reachable on a
 * message channel is a flag on the retailer as it stands): a past month cannot be recounted from them, so a
 * baseline for them comes only from a closed month's snapshot.
 */
export const STATE_FAMILIES: ReadonlySet<KpiFamily> = new Set<KpiFamily>(['channel']);

/** Families whose previous month `collect` counts in the same scans as the month itself. */
export const COUNTED_WITH_MONTH: ReadonlySet<KpiFamily> = new Set<KpiFamily>(['ordering', 'forecast']);

export function familyOf(code: KpiCode): KpiFamily | undefined {
  return ALL_FAMILIES.find((family) => KPI_FAMILIES[family].includes(code));
}

export interface KpiTerritoryRef {
  readonly territoryId: number;
  readonly serviceCenterId: number;
  readonly departmentId: number;
}

/**
 * Where a month's counting stops (see the domain's `kpiMonthPeriod`: field work through `asOf`, sales through
 * `salesThrough`, forecast accuracy once `over`).
 */
export interface KpiPeriod extends KpiMonthPeriod {
  /** Lead results recorded up to this instant count: now while the month runs, else its last moment. */
  readonly resultsAsOf: Date;
}

/** KPIs of people and squads rather than territories: the three-role interaction 三员互动. */
export interface CollectedPeople {
  /** Per squad: 查实率 and the on-time rate of the leads it received. */
  readonly squads: Map<number, KpiPartsRow>;
  /** Per delivery staff member: punctuality, proxy receipts, and the authenticity of the leads it reported. */
  readonly deliveryStaff: Map<number, KpiPartsRow>;
}

export interface CollectedKpis {
  /** Per territory: the parts of every KPI of the families asked for. */
  readonly current: Map<number, KpiPartsRow>;
  /** Per territory: sales parts of the same days last year (同比), from the ordering context. */
  readonly lastYear: Map<number, KpiPartsRow>;
  /**
   * Per territory: what the same scans tell of the previous month (whole once this one is over, else its
   * same days): sales, self-reported share and, once over, forecast accuracy (see `COUNTED_WITH_MONTH`).
   */
  readonly previousMonth: Map<number, KpiPartsRow>;
  /**
   * When effective guidance was counted on a provisional check sample (not frozen yet): the date its
   * recording window closes and the sample freezes. Null when frozen, or not counted.
   */
  readonly provisionalSampleUntil: string | null;
}

/**
 * Counts a month's KPIs per territory from the facts each context exports — one set-based query per family
 * over all territories at once, run side by side — and turns them into KPI parts. Nothing here reads another
 * context's tables.
 */
@Injectable()
export class KpiFactsCollector {
  constructor(
    private readonly retailers: RetailerDirectory,
    private readonly field: FieldFacts,
    private readonly ordering: OrderingFacts,
    private readonly brands: BrandDirectory,
    private readonly staff: StaffDirectory,
    private readonly leads: LeadRatesService,
    private readonly deliveries: PunctualityService,
  ) {}

  async collect(
    period: KpiPeriod,
    territories: readonly KpiTerritoryRef[],
    families: ReadonlySet<KpiFamily> = new Set(ALL_FAMILIES),
    /** `freezeSamples`: the month is being closed, so its guidance check samples are frozen now. */
    options: { freezeSamples?: boolean } = {},
  ): Promise<CollectedKpis> {
    const current = new Map<number, KpiPartsRow>(territories.map((t) => [t.territoryId, {}]));
    const lastYear = new Map<number, KpiPartsRow>(territories.map((t) => [t.territoryId, {}]));
    const previousMonth = new Map<number, KpiPartsRow>(territories.map((t) => [t.territoryId, {}]));
    if (!territories.length) return { current, lastYear, previousMonth, provisionalSampleUntil: null };
    const ids = territories.map((t) => t.territoryId);
    const fieldPeriod = { from: `${period.month}-01`, to: period.asOf };
    const needsRetailers = families.has('channel') || families.has('shelf');
    const set = (territoryId: number, code: KpiCode, parts: KpiParts | null) => {
      const row = current.get(territoryId);
      if (row) row[code] = parts;
    };
    const rate = (numerator: number, denominator: number): KpiParts => ({ numerator, denominator });

    const departmentIds = [...new Set(territories.map((t) => t.departmentId))];
    const needsSales = families.has('ordering') || (families.has('forecast') && period.over);
    const [
      profiles,
      guidance,
      awareness,
      prices,
      attainment,
      shelf,
      forecasts,
      demands,
      yearToDate,
      reporters,
    ] = await Promise.all([
      needsRetailers ? this.retailers.territoryProfiles(ids) : undefined,
      families.has('guidance')
        ? this.field.guidance(
            period.month,
            { asOf: period.asOf, checksAsOf: period.resultsAsOf },
            territories,
            { freezeSample: options.freezeSamples },
          )
        : undefined,
      families.has('awareness') ? this.field.awareness(fieldPeriod, ids) : undefined,
      families.has('price') ? this.field.priceCompliance(fieldPeriod, ids) : undefined,
      families.has('attainment') ? this.field.attainment(period.month, period.asOf, territories) : undefined,
      families.has('shelf') ? this.shelf(period, territories) : undefined,
      // One scan of the order lines gives sales, last year's, last month's and the forecast actuals.
      needsSales
        ? this.ordering
            .salesByBrand(period.month, ids, { through: period.salesThrough })
            .then(async (sales) => ({
              sales,
              accuracy:
                families.has('forecast') && period.over
                  ? await Promise.all([
                      this.field.forecastAccuracy(period.month, territories, actuals(sales, 'current')),
                      this.field.forecastAccuracy(
                        addMonths(period.month, -1),
                        territories,
                        actuals(sales, 'previousMonth'),
                      ),
                    ])
                  : undefined,
            }))
        : undefined,
      families.has('ordering')
        ? this.ordering.demandsByTerritory(period.month, ids, { through: period.salesThrough })
        : undefined,
      families.has('ordering') ? this.ordering.salesYearToDate(ids, period.salesThrough) : undefined,
      families.has('leads') ? this.accountManagerReports(period, ids, departmentIds) : undefined,
    ]);
    const active = new Map(profiles?.map((p) => [p.territoryId, p]));

    if (guidance) {
      const byTerritory = new Map(guidance.territories.map((g) => [g.territoryId, g]));
      for (const id of ids) {
        const g = byTerritory.get(id);
        set(id, 'guidanceCoverage', rate(g?.guidedRetailers ?? 0, g?.activeRetailers ?? 0));
        set(
          id,
          'guidanceCoverageYearToDate',
          rate(g?.guidedRetailersYearToDate ?? 0, g?.activeRetailers ?? 0),
        );
        set(id, 'effectiveGuidance', {
          numerator: g?.effectiveSampledVisits ?? 0,
          denominator: g?.checkedSampledVisits ?? 0,
          details: { sampled: g?.sampledVisits ?? 0, guidanceVisits: g?.guidanceVisits ?? 0 },
        });
      }
    }
    if (awareness) {
      const byTerritory = new Map(awareness.map((a) => [a.territoryId, a]));
      for (const id of ids) {
        const a = byTerritory.get(id);
        set(id, 'policyAwareness', {
          numerator: a?.awareRetailers ?? 0,
          denominator: a?.surveyedRetailers ?? 0,
          details: {
            awareFloatingQuota: a?.awareFloatingQuota ?? 0,
            awareSelfReporting: a?.awareSelfReporting ?? 0,
          },
        });
      }
    }
    if (prices) {
      const byTerritory = new Map(prices.map((p) => [p.territoryId, p]));
      for (const id of ids) {
        const p = byTerritory.get(id);
        set(id, 'guidePriceComplianceCarton', rate(p?.cartonCompliant ?? 0, p?.cartonChecked ?? 0));
        set(id, 'guidePriceCompliancePack', rate(p?.packCompliant ?? 0, p?.packChecked ?? 0));
      }
    }
    if (families.has('channel')) {
      for (const id of ids) {
        const p = active.get(id);
        set(id, 'channelCoverage', rate(p?.reachableRetailers ?? 0, p?.activeRetailers ?? 0));
      }
    }
    if (attainment) {
      for (const a of attainment) {
        set(a.territoryId, 'visitAttainment', rate(a.visits, a.visitTarget));
        set(a.territoryId, 'callAttainment', rate(a.calls, a.callTarget));
      }
    }
    if (shelf) {
      for (const t of territories) {
        const brands = shelf.keyBrandsOf(t.departmentId);
        const onShelf = shelf.presence
          .filter((p) => p.territoryId === t.territoryId && brands.has(p.brandId))
          .reduce((sum, p) => sum + p.retailersOnShelf, 0);
        set(
          t.territoryId,
          'keyBrandShelfRate',
          rate(onShelf, (active.get(t.territoryId)?.activeRetailers ?? 0) * brands.size),
        );
      }
    }
    if (families.has('forecast')) {
      const [accuracy, previous] = forecasts?.accuracy ?? [];
      const byTerritory = new Map(accuracy?.territories.map((t) => [t.territoryId, t]));
      const previousByTerritory = new Map(previous?.territories.map((t) => [t.territoryId, t]));
      for (const id of ids) {
        const t = byTerritory.get(id);
        // A month still running has no accuracy yet: "not measured", not zero.
        set(id, 'forecastAccuracy', t ? forecastParts(t.overall) : null);
        set(id, 'keyBrandForecastAccuracy', t ? forecastParts(t.keyBrands) : null);
        const p = previousByTerritory.get(id);
        if (p) {
          previousMonth.get(id)!.forecastAccuracy = forecastParts(p.overall);
          previousMonth.get(id)!.keyBrandForecastAccuracy = forecastParts(p.keyBrands);
        }
      }
    }
    if (families.has('ordering')) {
      const sales = totalsByTerritory(forecasts?.sales ?? []);
      const demandOf = new Map(demands?.map((d) => [d.territoryId, d]));
      const yearToDateOf = new Map(yearToDate?.map((y) => [y.territoryId, y]));
      for (const id of ids) {
        const o = sales.get(id) ?? NO_SALES;
        const d = demandOf.get(id);
        const y = yearToDateOf.get(id) ?? NO_SALES;
        set(id, 'selfReportedDemandShare', rate(d?.selfDemands ?? 0, d?.demands ?? 0));
        set(id, 'salesCartons', { numerator: o.cartons, denominator: 0 });
        set(id, 'salesAmount', { numerator: o.amountFen, denominator: 0 });
        set(id, 'averagePricePerCarton', { numerator: o.amountFen, denominator: o.cartons });
        set(id, 'salesCartonsYearToDate', { numerator: y.cartons, denominator: 0 });
        set(id, 'salesAmountYearToDate', { numerator: y.amountFen, denominator: 0 });
        set(id, 'averagePricePerCartonYearToDate', { numerator: y.amountFen, denominator: y.cartons });
        lastYear.set(id, {
          salesCartons: { numerator: o.cartonsLastYear, denominator: 0 },
          salesAmount: { numerator: o.amountFenLastYear, denominator: 0 },
          averagePricePerCarton: { numerator: o.amountFenLastYear, denominator: o.cartonsLastYear },
          salesCartonsYearToDate: { numerator: y.cartonsLastYear, denominator: 0 },
          salesAmountYearToDate: { numerator: y.amountFenLastYear, denominator: 0 },
          averagePricePerCartonYearToDate: { numerator: y.amountFenLastYear, denominator: y.cartonsLastYear },
        });
        Object.assign(previousMonth.get(id)!, {
          selfReportedDemandShare: rate(d?.selfDemandsPreviousMonth ?? 0, d?.demandsPreviousMonth ?? 0),
          salesCartons: { numerator: o.cartonsPreviousMonth, denominator: 0 },
          salesAmount: { numerator: o.amountFenPreviousMonth, denominator: 0 },
          averagePricePerCarton: { numerator: o.amountFenPreviousMonth, denominator: o.cartonsPreviousMonth },
        });
      }
    }
    if (reporters) {
      for (const id of ids) {
        // 线索真实性: of the leads the territory's account manager reported, those found true among those verified.
        set(id, 'leadAuthenticity', authenticityParts(reporters.get(id)));
      }
    }
    const provisional = guidance?.samples.find((sample) => !sample.frozen);
    return { current, lastYear, previousMonth, provisionalSampleUntil: provisional?.windowClosesOn ?? null };
  }

  /**
   * The three-role KPIs of a department: per squad from the leads it received, per delivery staff member from
   * the stops it completed and the leads it reported. One GROUP BY per family in the owning context.
   */
  async collectPeople(
    period: KpiPeriod,
    departmentId: number,
    families: ReadonlySet<KpiFamily> = new Set(ALL_FAMILIES),
  ): Promise<CollectedPeople> {
    const squads = new Map<number, KpiPartsRow>();
    const deliveryStaff = new Map<number, KpiPartsRow>();
    const staffRow = (userId: number) => {
      let row = deliveryStaff.get(userId);
      if (!row) deliveryStaff.set(userId, (row = {}));
      return row;
    };
    const query = { month: period.month, asOf: period.resultsAsOf, departmentIds: [departmentId] };
    const [squadTallies, reporterTallies, stops] = await Promise.all([
      families.has('leads') ? this.leads.squadTallies(query) : undefined,
      families.has('leads') ? this.leads.reporterTallies(query) : undefined,
      families.has('delivery') ? this.deliveries.staffTallies(query) : undefined,
    ]);
    for (const tally of squadTallies ?? []) {
      squads.set(tally.squadId, {
        leadVerificationRate: {
          numerator: tally.verified,
          denominator: tally.due,
          details: {
            confirmed: tally.confirmed,
            unfounded: tally.unfounded,
            unverifiable: tally.unverifiable,
            unanswered: tally.unanswered,
          },
        },
        leadOnTimeRate: { numerator: tally.verifiedOnTime, denominator: tally.due },
      });
    }
    for (const tally of reporterTallies ?? []) {
      if (tally.reporterRole !== 'delivery_staff') continue;
      staffRow(tally.reporterId).leadAuthenticity = authenticityParts(tally);
    }
    for (const tally of stops ?? []) {
      const row = staffRow(tally.deliveryStaffId);
      row.deliveryPunctuality = {
        numerator: tally.onTime,
        denominator: tally.deliveries,
        details: {
          early: tally.early,
          late: tally.late,
          failed: tally.failed,
          unfinished: tally.unfinished,
          lateEntries: tally.lateEntries,
        },
      };
      row.proxyReceipts = { numerator: tally.proxyReceipts, denominator: 0 };
    }
    return { squads, deliveryStaff };
  }

  /** The lead tallies of each territory's active account manager as a reporter, by territory. */
  private async accountManagerReports(period: KpiPeriod, territoryIds: number[], departmentIds: number[]) {
    const [managers, tallies] = await Promise.all([
      this.staff.accountManagersOf(territoryIds),
      this.leads.reporterTallies({ month: period.month, asOf: period.resultsAsOf, departmentIds }),
    ]);
    const byReporter = new Map(
      tallies.filter((t) => t.reporterRole === 'account_manager').map((t) => [t.reporterId, t]),
    );
    const byTerritory = new Map<number, LeadTally>();
    for (const manager of managers) {
      const tally = byReporter.get(manager.userId);
      if (tally && manager.orgUnitId !== null) byTerritory.set(manager.orgUnitId, tally);
    }
    return byTerritory;
  }

  /** The year's key brands of each department and what the month's shelf checks found of them. */
  private async shelf(period: KpiPeriod, territories: readonly KpiTerritoryRef[]) {
    const departmentIds = [...new Set(territories.map((t) => t.departmentId))];
    const designations = await this.brands.keyBrandsOf(Number(period.month.slice(0, 4)), departmentIds);
    const presence = await this.field.shelfPresence(
      { from: `${period.month}-01`, to: period.asOf },
      territories.map((t) => t.territoryId),
      [...new Set(designations.map((d) => d.brandId))],
    );
    const byDepartment = new Map<number, Set<number>>();
    return {
      presence: presence.brands,
      keyBrandsOf(departmentId: number): Set<number> {
        let set = byDepartment.get(departmentId);
        if (!set) {
          set = new Set(
            designations
              .filter((d) => d.kind === 'national_top20' || d.departmentId === departmentId)
              .map((d) => d.brandId),
          );
          byDepartment.set(departmentId, set);
        }
        return set;
      },
    };
  }
}

interface SalesTotals {
  cartons: number;
  amountFen: number;
  cartonsPreviousMonth: number;
  amountFenPreviousMonth: number;
  cartonsLastYear: number;
  amountFenLastYear: number;
}

const NO_SALES: SalesTotals = {
  cartons: 0,
  amountFen: 0,
  cartonsPreviousMonth: 0,
  amountFenPreviousMonth: 0,
  cartonsLastYear: 0,
  amountFenLastYear: 0,
};

/** A territory's sales: its specs' lines added up. */
function totalsByTerritory(
  lines: ReadonlyArray<SalesTotals & { territoryId: number }>,
): Map<number, SalesTotals> {
  const totals = new Map<number, SalesTotals>();
  for (const line of lines) {
    const total = totals.get(line.territoryId) ?? { ...NO_SALES };
    for (const key of Object.keys(NO_SALES) as Array<keyof SalesTotals>) total[key] += line[key];
    totals.set(line.territoryId, total);
  }
  return totals;
}

/** Forecast actuals per territory and spec out of the sales lines: asked for (A), and supplied after rationing. */
function actuals(lines: readonly TerritoryBrandSales[], month: 'current' | 'previousMonth'): ActualCartons[] {
  return lines
    .map((line) =>
      month === 'current'
        ? { demandCartons: line.requested, orderedCartons: line.cartons, ...line }
        : { demandCartons: line.requestedPreviousMonth, orderedCartons: line.cartonsPreviousMonth, ...line },
    )
    .filter((line) => line.demandCartons > 0)
    .map(({ territoryId, brandId, demandCartons, orderedCartons }) => ({
      territoryId,
      brandId,
      demandCartons,
      orderedCartons,
    }));
}

/** Forecast accuracy's parts: the error over the demand, with the forecast and the rationed cartons beside. */
function forecastParts(tally: ForecastTally): KpiParts {
  return {
    numerator: tally.errorCartons,
    denominator: tally.demandCartons,
    details: { forecastCartons: tally.forecastCartons, orderedCartons: tally.orderedCartons },
  };
}

/** 线索真实性: the reporter's leads found true among those verified, 无法查实 beside them (no verdict on the reporter). */
function authenticityParts(tally: LeadTally | undefined): KpiParts {
  return {
    numerator: tally?.confirmed ?? 0,
    denominator: tally?.verified ?? 0,
    details: { unverifiable: tally?.unverifiable ?? 0 },
  };
}
