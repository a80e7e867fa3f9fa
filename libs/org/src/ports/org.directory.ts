import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { type Actor, ExpiringCache, notFound, type Role, scopeCondition } from '#libs/shared';
import { OrgUnit } from '../org-unit.entity.js';
import { orgError } from '../org.errors.js';

export interface TerritoryView {
  id: number;
  code: string;
  name: string;
  active: boolean;
  departmentId: number;
  serviceCenterId: number;
  serviceCenterName: string;
  squadId: number | null;
  routeIds: number[];
}

/**
 * The org tree as other contexts read it: who may see which territories (the one scoping rule), the units'
 * places and labels, and which department a request is about.
 */
@Injectable()
export class OrgDirectory {
  private readonly territorySets = new ExpiringCache<string, number[]>(30_000);

  constructor(@InjectRepository(OrgUnit) private readonly units: Repository<OrgUnit>) {}

  /**
   * The territories a user of `role` placed at `orgUnitId` may see: the one scoping rule every query uses.
   * Admins and retailers are scoped elsewhere (everything / their own retailer).
   */
  async territoryIdsFor(role: Role, orgUnitId: number | null): Promise<number[]> {
    if (orgUnitId === null) return [];
    // Read on every request, changed rarely: cached briefly (another replica's change shows within 30 s).
    return this.territorySets.get(`${role}:${orgUnitId}`, () => this.loadTerritoryIds(role, orgUnitId));
  }

  private async loadTerritoryIds(role: Role, orgUnitId: number): Promise<number[]> {
    const byRole: Partial<Record<Role, string>> = {
      department_head: 't.department_id = $1',
      inspector: 't.department_id = $1',
      market_manager: 't.service_center_id = $1',
      supply_clerk: 't.service_center_id = (SELECT service_center_id FROM org_units WHERE id = $1)',
      account_manager: 't.id = $1',
      enforcement_officer: 't.squad_id = $1',
      delivery_staff: 't.id IN (SELECT territory_id FROM territory_routes WHERE route_id = $1)',
    };
    const condition = byRole[role];
    if (!condition) return [];
    const rows: Array<{ id: number }> = await this.units.query(
      `SELECT t.id FROM org_units t WHERE t.type = 'territory' AND ${condition} ORDER BY t.id`,
      [orgUnitId],
    );
    return rows.map((row) => row.id);
  }

  /** The supply point 支点 of each service center (a center has at most one). */
  async supplyPointsByCenter(
    centerIds: number[],
    manager: EntityManager = this.units.manager,
  ): Promise<Map<number, number>> {
    const rows: Array<{ id: number; service_center_id: number }> = await manager.query(
      `SELECT id, service_center_id FROM org_units WHERE type = 'supply_point' AND service_center_id = ANY($1)`,
      [centerIds],
    );
    return new Map(rows.map((row) => [row.service_center_id, row.id]));
  }

  /** Territories (id, center, department) by id, for contexts that store the org keys on their facts. */
  async territoriesByIds(ids: number[], manager: EntityManager = this.units.manager): Promise<OrgUnit[]> {
    return ids.length ? manager.findBy(OrgUnit, { id: In(ids), type: 'territory' }) : [];
  }

  /** The delivery routes serving each territory (ids ascending); territories without a route are absent. */
  async routesOfTerritories(
    territoryIds: number[],
    manager: EntityManager = this.units.manager,
  ): Promise<Map<number, number[]>> {
    if (!territoryIds.length) return new Map();
    const rows: Array<{ territory_id: number; route_ids: number[] }> = await manager.query(
      `SELECT territory_id, array_agg(route_id ORDER BY route_id) AS route_ids
         FROM territory_routes WHERE territory_id = ANY($1) GROUP BY territory_id`,
      [territoryIds],
    );
    return new Map(rows.map((row) => [row.territory_id, row.route_ids]));
  }

  /** The department of a unit (its own id when it is one); null for the company. */
  async departmentOf(orgUnitId: number | null): Promise<number | null> {
    if (orgUnitId === null) return null;
    const unit = await this.units.findOne({ where: { id: orgUnitId }, select: { departmentId: true } });
    return unit?.departmentId ?? null;
  }

  /** Code and name of units by id (for labelling other contexts' rows; no scoping: callers scope rows). */
  async labels(ids: number[]): Promise<Map<number, { code: string; name: string }>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows: Array<{ id: number; code: string; name: string }> = await this.units.query(
      'SELECT id, code, name FROM org_units WHERE id = ANY($1::int[])',
      [unique],
    );
    return new Map(rows.map((row) => [row.id, { code: row.code, name: row.name }]));
  }

  async get(id: number, manager: EntityManager = this.units.manager): Promise<OrgUnit | null> {
    return manager.findOneBy(OrgUnit, { id });
  }

  /** Territories the caller may see, with their center, squad and routes. */
  async territories(actor: Actor): Promise<TerritoryView[]> {
    const [condition, params] = scopeCondition(actor.scope, 't.id');
    return this.territoryViews().andWhere(condition, params).getRawMany<TerritoryView>();
  }

  /**
   * Territories of some departments (every department when omitted), as `territories` shows them: for jobs
   * and reports that work outside a request (a month's KPIs are closed for every department).
   */
  async territoriesIn(departmentIds?: readonly number[]): Promise<TerritoryView[]> {
    const qb = this.territoryViews();
    if (departmentIds) qb.andWhere('t.department_id = ANY(:departmentIds)', { departmentIds });
    return qb.getRawMany<TerritoryView>();
  }

  /** Some units by id (any type), for reports that name departments, centers, squads and routes. */
  async unitsOf(ids: readonly number[]): Promise<OrgUnit[]> {
    return ids.length ? this.units.findBy({ id: In([...ids]) }) : [];
  }

  /** The units of a type in some departments (every department when omitted), by code. */
  async unitsOfType(type: OrgUnit['type'], departmentIds?: readonly number[]): Promise<OrgUnit[]> {
    const qb = this.units.createQueryBuilder('u').where('u.type = :type', { type }).orderBy('u.code');
    if (departmentIds) qb.andWhere('u.department_id = ANY(:departmentIds)', { departmentIds });
    return qb.getMany();
  }

  private territoryViews() {
    return this.units
      .createQueryBuilder('t')
      .innerJoin(OrgUnit, 'sc', 'sc.id = t.service_center_id')
      .select([
        't.id AS id',
        't.code AS code',
        't.name AS name',
        't.active AS active',
        't.department_id AS "departmentId"',
        't.service_center_id AS "serviceCenterId"',
        'sc.name AS "serviceCenterName"',
        't.squad_id AS "squadId"',
        `COALESCE((SELECT array_agg(tr.route_id ORDER BY tr.route_id) FROM territory_routes tr WHERE tr.territory_id = t.id), '{}') AS "routeIds"`,
      ])
      .where(`t.type = 'territory'`)
      .orderBy('t.code');
  }

  /**
   * The department a request is about, one answer for every context: anyone but an admin works on its own
   * (naming another, or having none, is 404 like any id out of scope); an admin names one that exists (404
   * otherwise). An admin naming none works on the only department when the company has one (a county company
   * usually does); with several it must name one (400 DEPARTMENT_REQUIRED, with their ids).
   */
  async resolveDepartment(actor: Actor, requested?: number | null): Promise<number> {
    const departmentId = await this.departmentFilter(actor, requested);
    if (departmentId !== undefined) return departmentId;
    const departments = await this.units.find({ where: { type: 'department' }, select: { id: true } });
    if (departments.length === 1) return departments[0].id;
    throw orgError('DEPARTMENT_REQUIRED', { departmentIds: departments.map((unit) => unit.id) });
  }

  /**
   * As `resolveDepartment`, for a request where an admin may name no department (company-wide rows, every
   * department): then undefined.
   */
  async departmentFilter(actor: Actor, requested?: number | null): Promise<number | undefined> {
    const named = requested ?? undefined;
    if (actor.role !== 'admin') {
      if (actor.departmentId === null || (named !== undefined && named !== actor.departmentId))
        throw notFound('department', named);
      return actor.departmentId;
    }
    if (named === undefined) return undefined;
    const unit = await this.units.findOneBy({ id: named });
    if (unit?.type !== 'department') throw notFound('department', named);
    return named;
  }

  /** Drops this process's cached territory sets (the tree changed). */
  forgetTerritorySets(): void {
    this.territorySets.clear();
  }
}
