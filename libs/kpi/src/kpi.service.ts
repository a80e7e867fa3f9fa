import { Injectable } from '@nestjs/common';
import { type Actor, type Role } from '#libs/shared';
import { OrgDirectory } from '#libs/org';
import { KPI_CODES, KPI_DEFINITIONS } from './domain/index.js';
import {
  type KpiMonthReport,
  KpiMonthService,
  type KpiRow,
  type KpiSection,
} from './month/kpi-month.service.js';
import type { KpiMonthQuery } from './dto/kpi-query.dto.js';

/** A month's KPI rows as an endpoint answers them, with where they come from. */
export interface KpiRowsView extends Omit<
  KpiMonthReport,
  'territories' | 'serviceCenters' | 'squads' | 'deliveryStaff' | 'department'
> {
  items: KpiRow[];
}

/** Roles that see a whole department. */
const DEPARTMENT_WIDE: readonly Role[] = ['department_head', 'inspector', 'admin'];

/**
 * The KPI endpoints' scoping: an account manager reads its own territory's row, a market manager its center
 * (its territories, the center's roll-up and the delivery staff of its routes), an enforcement officer its
 * squad, delivery staff their own row, department heads and inspectors their department, admins any
 * department. Months not closed are counted only over what the caller may see.
 */
@Injectable()
export class KpiService {
  constructor(
    private readonly months: KpiMonthService,
    private readonly org: OrgDirectory,
  ) {}

  definitions() {
    return KPI_CODES.map((code) => ({ code, ...KPI_DEFINITIONS[code] }));
  }

  async accountManagers(actor: Actor, query: KpiMonthQuery): Promise<KpiRowsView> {
    const report = await this.report(actor, query, 'territories');
    const visible = this.visibleTerritories(actor);
    return view(
      report,
      report.territories.filter((row) => visible === null || visible.has(row.subject.id)),
    );
  }

  async serviceCenters(actor: Actor, query: KpiMonthQuery): Promise<KpiRowsView> {
    const report = await this.report(actor, query, 'territories');
    const items = DEPARTMENT_WIDE.includes(actor.role)
      ? report.serviceCenters
      : report.serviceCenters.filter((row) => row.subject.id === actor.orgUnitId);
    return view(report, items);
  }

  async departments(actor: Actor, query: KpiMonthQuery): Promise<KpiRowsView> {
    const report = await this.report(actor, query);
    return view(report, report.department ? [report.department] : []);
  }

  /** 查实率 and the on-time rate per squad: an enforcement officer sees its own squad. */
  async squads(actor: Actor, query: KpiMonthQuery): Promise<KpiRowsView> {
    const report = await this.report(actor, query, 'people');
    const items = DEPARTMENT_WIDE.includes(actor.role)
      ? report.squads
      : report.squads.filter((row) => row.subject.id === actor.orgUnitId);
    return view(report, items);
  }

  /** 送货及时率 and proxy receipts per delivery staff member: one's own row, a center's, or the department's. */
  async delivery(actor: Actor, query: KpiMonthQuery): Promise<KpiRowsView> {
    const report = await this.report(actor, query, 'people');
    const items = report.deliveryStaff.filter((row) => {
      if (DEPARTMENT_WIDE.includes(actor.role)) return true;
      if (actor.role === 'market_manager') return row.subject.serviceCenterId === actor.orgUnitId;
      return row.subject.id === actor.userId;
    });
    return view(report, items);
  }

  private async report(actor: Actor, query: KpiMonthQuery, section?: KpiSection): Promise<KpiMonthReport> {
    const departmentId = await this.org.resolveDepartment(actor, query.departmentId);
    const visible = section === 'territories' ? this.visibleTerritories(actor) : null;
    return this.months.report(query.month ?? this.months.currentMonth(), departmentId, {
      territoryIds: visible ? [...visible] : undefined,
      sections: section ? new Set([section]) : undefined,
    });
  }

  /** The territories the caller sees; null for the whole department. */
  private visibleTerritories(actor: Actor): Set<number> | null {
    if (DEPARTMENT_WIDE.includes(actor.role) || actor.scope.kind === 'all') return null;
    return new Set(actor.scope.kind === 'territories' ? actor.scope.territoryIds : []);
  }
}

function view(report: KpiMonthReport, items: KpiRow[]): KpiRowsView {
  const {
    territories: _territories,
    serviceCenters: _centers,
    squads: _squads,
    deliveryStaff: _staff,
    department: _department,
    ...rest
  } = report;
  return { ...rest, items };
}
