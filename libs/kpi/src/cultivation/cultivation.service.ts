import { Injectable } from '@nestjs/common';
import { type Actor, isInScope, notFound } from '#libs/shared';
import { OrgDirectory, type TerritoryView } from '#libs/org';
import { StaffDirectory } from '#libs/auth';
import {
  BrandDirectory,
  type BrandFacts,
  FocusTiersService,
  type FocusTiers,
  isInFocusTier,
} from '#libs/catalog';
import { FieldFacts } from '#libs/field';
import { OrderingFacts } from '#libs/ordering';
import { RetailerDirectory } from '#libs/retailers';
import { addDays } from '#libs/kernel';
import { periodChange, rate, type Rate } from '../domain/index.js';
import { kpiError } from '../kpi.errors.js';
import { KpiMonthService } from '../month/kpi-month.service.js';
import type { KeyBrandCultivationQuery, NewSpecAnalysisQuery } from './dto/cultivation.dto.js';

/** A spec's figures in a territory (or in total) for a month. */
export interface BrandCultivationFigures {
  brandId: number;
  cartons: number;
  amountFen: number;
  orderingRetailers: number;
  /** 上柜率: retailers whose latest shelf check of the month found the spec ÷ active retailers. */
  shelf: Rate;
  /** The spec's cartons ÷ all cartons of the territory (null when nothing was sold). */
  share: number | null;
  /** 环比: against the same days of the previous month. */
  previousMonth: { cartons: number; change: number | null };
  /** 同比: against the same days of the month last year. */
  lastYear: { cartons: number; change: number | null };
}

export interface TerritoryCultivation {
  territoryId: number;
  code: string;
  name: string;
  serviceCenterId: number;
  serviceCenterName: string;
  accountManager: { userId: number; displayName: string } | null;
  market: 'urban' | 'rural';
  activeRetailers: number;
  shelfCheckedRetailers: number;
  totalCartons: number;
  /** Cartons of specs in the territory's focus price tier (by retail guide price per pack) and their share. */
  focusTier: { cartons: number; share: number | null };
  brands: BrandCultivationFigures[];
}

export interface KeyBrandCultivationReport {
  month: string;
  departmentId: number;
  asOf: string;
  salesThrough: string;
  focusTiers: FocusTiers;
  keyBrands: Array<{
    brandId: number;
    code: string;
    name: string;
    kind: 'national_top20' | 'equivalent';
    retailPricePackFen: number;
    focusTier: { urban: boolean; rural: boolean };
  }>;
  territories: TerritoryCultivation[];
  /** Every territory above together (parts added, never ratios averaged). */
  total: Omit<
    TerritoryCultivation,
    'territoryId' | 'code' | 'name' | 'serviceCenterId' | 'serviceCenterName' | 'accountManager' | 'market'
  >;
}

export interface NewSpecWeek {
  week: number;
  from: string;
  to: string;
  cartons: number;
  orderingRetailers: number;
}

export interface NewSpecTerritory {
  territoryId: number;
  code: string;
  name: string;
  accountManager: { userId: number; displayName: string } | null;
  weeks: NewSpecWeek[];
  cartons: number;
  orderingRetailers: number;
  repeatRetailers: number;
  /** Retailers that ordered the spec on two or more order days ÷ retailers that ordered it. */
  repeatOrderRate: Rate;
  /** Active retailers of the territory: how far the spec reached. */
  activeRetailers: number;
  reach: Rate;
}

export interface NewSpecAnalysis {
  brand: { brandId: number; code: string; name: string; launchDate: string; retailPricePackFen: number };
  /** The first 30 days from launch, counted through the last consolidated order day. */
  window: { from: string; to: string; countedThrough: string };
  /** True once the 30 days are over: the figures will not change any more. */
  complete: boolean;
  territories: NewSpecTerritory[];
  total: Omit<NewSpecTerritory, 'territoryId' | 'code' | 'name' | 'accountManager'>;
}

/** Days a new spec is followed from its launch: its analysis and the account managers' written ones. */
export const NEW_SPEC_DAYS = 30;

/** Roles that see a whole department. */
const DEPARTMENT_WIDE = new Set(['admin', 'department_head', 'inspector']);

/**
 * Brand cultivation 品牌培育: how the key brands do per territory in a month (volume, ordering retailers,
 * shelf rate, share, change on last month and last year, focus price tiers), and how a new spec was taken up in
 * its first 30 days. Every figure comes from the facts the owning contexts export, one query per family.
 */
@Injectable()
export class CultivationService {
  constructor(
    private readonly months: KpiMonthService,
    private readonly org: OrgDirectory,
    private readonly staff: StaffDirectory,
    private readonly brands: BrandDirectory,
    private readonly field: FieldFacts,
    private readonly ordering: OrderingFacts,
    private readonly retailers: RetailerDirectory,
    private readonly focusTiers: FocusTiersService,
  ) {}

  async keyBrands(actor: Actor, query: KeyBrandCultivationQuery): Promise<KeyBrandCultivationReport> {
    const departmentId = await this.org.resolveDepartment(actor, query.departmentId);
    return this.keyBrandsOf(
      query.month ?? this.months.currentMonth(),
      departmentId,
      this.territoryFilter(actor),
    );
  }

  /** The key brands' month in a department's territories (all, or those `visible` says). */
  async keyBrandsOf(
    month: string,
    departmentId: number,
    visible: (territory: TerritoryView) => boolean = () => true,
  ): Promise<KeyBrandCultivationReport> {
    const period = this.months.period(month);
    const territories = (await this.org.territoriesIn([departmentId])).filter(visible);
    const ids = territories.map((t) => t.id);
    const designations = (await this.brands.keyBrandsOf(Number(month.slice(0, 4)), [departmentId])).filter(
      (d, index, all) => all.findIndex((other) => other.brandId === d.brandId) === index,
    );
    const keyIds = designations.map((d) => d.brandId);
    const [volumes, shelf, profiles, managers, tiers] = await Promise.all([
      this.ordering.brandMonthByTerritory(month, ids, { through: period.salesThrough }),
      this.field.shelfPresence({ from: `${month}-01`, to: period.asOf }, ids, keyIds),
      this.retailers.territoryProfiles(ids),
      this.staff.accountManagersOf(ids),
      this.focusTiers.tiersFor(departmentId),
    ]);
    const facts = new Map(
      (await this.brands.factsOf([...new Set([...keyIds, ...volumes.map((v) => v.brandId)])])).map((b) => [
        b.id,
        b,
      ]),
    );
    const profileOf = new Map(profiles.map((p) => [p.territoryId, p]));
    const managerOf = new Map(managers.map((m) => [m.orgUnitId, m]));
    const checkedOf = new Map(shelf.territories.map((s) => [s.territoryId, s.checkedRetailers]));
    const onShelf = new Map(shelf.brands.map((s) => [`${s.territoryId}:${s.brandId}`, s.retailersOnShelf]));
    const volumesOf = groupBy(volumes, (v) => v.territoryId);

    const rows = territories.map((t): TerritoryCultivation => {
      const profile = profileOf.get(t.id);
      const market = profile?.market ?? 'urban';
      const lines = volumesOf.get(t.id) ?? [];
      const totalCartons = sum(lines.map((l) => l.cartons));
      const focusCartons = sum(
        lines.filter((l) => inFocus(facts.get(l.brandId), market, tiers)).map((l) => l.cartons),
      );
      const manager = managerOf.get(t.id);
      return {
        territoryId: t.id,
        code: t.code,
        name: t.name,
        serviceCenterId: t.serviceCenterId,
        serviceCenterName: t.serviceCenterName,
        accountManager: manager ? { userId: manager.userId, displayName: manager.displayName } : null,
        market,
        activeRetailers: profile?.activeRetailers ?? 0,
        shelfCheckedRetailers: checkedOf.get(t.id) ?? 0,
        totalCartons,
        focusTier: { cartons: focusCartons, share: rate(focusCartons, totalCartons).ratio },
        brands: keyIds.map((brandId) => {
          const line = lines.find((l) => l.brandId === brandId);
          return figures(brandId, {
            cartons: line?.cartons ?? 0,
            amountFen: line?.amountFen ?? 0,
            orderingRetailers: line?.orderingRetailers ?? 0,
            onShelf: onShelf.get(`${t.id}:${brandId}`) ?? 0,
            activeRetailers: profile?.activeRetailers ?? 0,
            totalCartons,
            cartonsPreviousMonth: line?.cartonsPreviousMonth ?? 0,
            cartonsLastYear: line?.cartonsLastYear ?? 0,
          });
        }),
      };
    });
    const totalCartons = sum(rows.map((r) => r.totalCartons));
    const focusCartons = sum(rows.map((r) => r.focusTier.cartons));
    const activeRetailers = sum(rows.map((r) => r.activeRetailers));
    return {
      month,
      departmentId,
      asOf: period.asOf,
      salesThrough: period.salesThrough,
      focusTiers: tiers,
      keyBrands: designations.map((d) => {
        const brand = facts.get(d.brandId);
        return {
          brandId: d.brandId,
          code: brand?.code ?? '',
          name: brand?.name ?? '',
          kind: d.kind,
          retailPricePackFen: brand?.retailPricePackFen ?? 0,
          focusTier: { urban: inFocus(brand, 'urban', tiers), rural: inFocus(brand, 'rural', tiers) },
        };
      }),
      territories: rows,
      total: {
        activeRetailers,
        shelfCheckedRetailers: sum(rows.map((r) => r.shelfCheckedRetailers)),
        totalCartons,
        focusTier: { cartons: focusCartons, share: rate(focusCartons, totalCartons).ratio },
        brands: keyIds.map((brandId) => {
          const parts = rows.map((r) => r.brands.find((b) => b.brandId === brandId)!);
          return figures(brandId, {
            cartons: sum(parts.map((p) => p.cartons)),
            amountFen: sum(parts.map((p) => p.amountFen)),
            orderingRetailers: sum(parts.map((p) => p.orderingRetailers)),
            onShelf: sum(parts.map((p) => p.shelf.numerator)),
            activeRetailers,
            totalCartons,
            cartonsPreviousMonth: sum(parts.map((p) => p.previousMonth.cartons)),
            cartonsLastYear: sum(parts.map((p) => p.lastYear.cartons)),
          });
        }),
      },
    };
  }

  /**
   * A new spec's first 30 days per territory: weekly sales, retailers ordering, repeat-order rate, reach.
   * Available from launch (`complete` once the 30 days are over).
   */
  async newSpecAnalysis(
    actor: Actor,
    brandId: number,
    query: NewSpecAnalysisQuery,
  ): Promise<NewSpecAnalysis> {
    const departmentId = await this.org.resolveDepartment(actor, query.departmentId);
    const brand = await this.brands.facts(brandId);
    if (!brand) throw notFound('brand', brandId);
    if (!brand.launchDate) throw kpiError('CULTIVATION_NOT_A_NEW_SPEC', { brandId });
    const today = this.months.today();
    if (brand.launchDate > today)
      throw kpiError('CULTIVATION_NOT_LAUNCHED', { brandId, launchDate: brand.launchDate });
    const windowEnd = addDays(brand.launchDate, NEW_SPEC_DAYS - 1);
    const yesterday = addDays(today, -1);
    const countedThrough = yesterday < windowEnd ? yesterday : windowEnd;
    const territories = (await this.org.territoriesIn([departmentId])).filter(this.territoryFilter(actor));
    const ids = territories.map((t) => t.id);
    const [uptake, profiles, managers] = await Promise.all([
      this.ordering.brandUptake(brandId, { from: brand.launchDate, to: countedThrough }, ids),
      this.retailers.territoryProfiles(ids),
      this.staff.accountManagersOf(ids),
    ]);
    const weekCount = Math.ceil(NEW_SPEC_DAYS / 7);
    const weekOf = (week: number, cartons: number, orderingRetailers: number): NewSpecWeek => ({
      week: week + 1,
      from: addDays(brand.launchDate!, week * 7),
      to: minDate(addDays(brand.launchDate!, week * 7 + 6), windowEnd),
      cartons,
      orderingRetailers,
    });
    const managerOf = new Map(managers.map((m) => [m.orgUnitId, m]));
    const activeOf = new Map(profiles.map((p) => [p.territoryId, p.activeRetailers]));
    const rows = territories.map((t): NewSpecTerritory => {
      const weeks = Array.from({ length: weekCount }, (_, week) => {
        const found = uptake.weeks.find((w) => w.territoryId === t.id && w.week === week);
        return weekOf(week, found?.cartons ?? 0, found?.orderingRetailers ?? 0);
      });
      const retailers = uptake.retailers.find((r) => r.territoryId === t.id);
      const ordering = retailers?.orderingRetailers ?? 0;
      const repeat = retailers?.repeatRetailers ?? 0;
      const active = activeOf.get(t.id) ?? 0;
      const manager = managerOf.get(t.id);
      return {
        territoryId: t.id,
        code: t.code,
        name: t.name,
        accountManager: manager ? { userId: manager.userId, displayName: manager.displayName } : null,
        weeks,
        cartons: sum(weeks.map((w) => w.cartons)),
        orderingRetailers: ordering,
        repeatRetailers: repeat,
        repeatOrderRate: rate(repeat, ordering),
        activeRetailers: active,
        reach: rate(ordering, active),
      };
    });
    const ordering = sum(rows.map((r) => r.orderingRetailers));
    const repeat = sum(rows.map((r) => r.repeatRetailers));
    const active = sum(rows.map((r) => r.activeRetailers));
    return {
      brand: {
        brandId,
        code: brand.code,
        name: brand.name,
        launchDate: brand.launchDate,
        retailPricePackFen: brand.retailPricePackFen,
      },
      window: { from: brand.launchDate, to: windowEnd, countedThrough },
      complete: today > windowEnd,
      territories: rows,
      total: {
        // A retailer orders in one territory, so retailers add up across territories.
        weeks: Array.from({ length: weekCount }, (_, week) =>
          weekOf(
            week,
            sum(rows.map((r) => r.weeks[week].cartons)),
            sum(rows.map((r) => r.weeks[week].orderingRetailers)),
          ),
        ),
        cartons: sum(rows.map((r) => r.cartons)),
        orderingRetailers: ordering,
        repeatRetailers: repeat,
        repeatOrderRate: rate(repeat, ordering),
        activeRetailers: active,
        reach: rate(ordering, active),
      },
    };
  }

  private territoryFilter(actor: Actor): (territory: TerritoryView) => boolean {
    return DEPARTMENT_WIDE.has(actor.role) ? () => true : (territory) => isInScope(actor.scope, territory.id);
  }
}

function figures(
  brandId: number,
  input: {
    cartons: number;
    amountFen: number;
    orderingRetailers: number;
    onShelf: number;
    activeRetailers: number;
    totalCartons: number;
    cartonsPreviousMonth: number;
    cartonsLastYear: number;
  },
): BrandCultivationFigures {
  return {
    brandId,
    cartons: input.cartons,
    amountFen: input.amountFen,
    orderingRetailers: input.orderingRetailers,
    shelf: rate(input.onShelf, input.activeRetailers),
    share: rate(input.cartons, input.totalCartons).ratio,
    previousMonth: {
      cartons: input.cartonsPreviousMonth,
      change: periodChange(input.cartons, input.cartonsPreviousMonth).ratio,
    },
    lastYear: {
      cartons: input.cartonsLastYear,
      change: periodChange(input.cartons, input.cartonsLastYear).ratio,
    },
  };
}

function inFocus(brand: BrandFacts | undefined, market: 'urban' | 'rural', tiers: FocusTiers): boolean {
  return (
    brand !== undefined &&
    brand.retailPricePackFen > 0 &&
    isInFocusTier(brand.retailPricePackFen, market, tiers)
  );
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}
