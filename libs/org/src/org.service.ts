import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, In, Repository } from 'typeorm';
import {
  type Actor,
  containsPattern,
  notFound,
  type Page,
  pageOf,
  pageOffset,
  type Role,
  scopeCondition,
  TransactionRunner,
} from '#libs/shared';
import { AuditService } from '#libs/audit';
import { checkPlacement } from './domain/org-tree.js';
import { OrgMoveParticipants, type TerritoryMove, type TerritoryPlace } from './org-move-participants.js';
import { OrgUnit, TerritoryRoute } from './org-unit.entity.js';
import { OrgDirectory } from './ports/org.directory.js';
import { orgError } from './org.errors.js';
import type { CreateOrgUnitDto, OrgUnitQuery, UpdateOrgUnitDto } from './dto/org-unit.dto.js';

/** The roles whose scope is a whole department. */
const DEPARTMENT_WIDE: readonly Role[] = ['department_head', 'inspector'];

/** The org tree's administration: the admin's list, create, change and move of units (reads for other contexts are `OrgDirectory`). */
@Injectable()
export class OrgService {
  constructor(
    @InjectRepository(OrgUnit) private readonly units: Repository<OrgUnit>,
    private readonly directory: OrgDirectory,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly moveParticipants: OrgMoveParticipants,
  ) {}

  async list(actor: Actor, query: OrgUnitQuery): Promise<Page<OrgUnit>> {
    const qb = this.units.createQueryBuilder('u').orderBy('u.type').addOrderBy('u.code');
    this.restrictToVisible(qb, actor);
    if (query.type) qb.andWhere('u.type = :type', { type: query.type });
    if (query.parentId) qb.andWhere('u.parent_id = :parentId', { parentId: query.parentId });
    if (query.search) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('u.name ILIKE :search', { search: containsPattern(query.search!) })
            .orWhere('u.code ILIKE :search'),
        ),
      );
    }
    const [items, total] = await qb.skip(pageOffset(query)).take(query.pageSize).getManyAndCount();
    return pageOf(items, total, query);
  }

  async getVisible(actor: Actor, id: number): Promise<OrgUnit & { routeIds: number[] }> {
    const qb = this.units.createQueryBuilder('u').where('u.id = :id', { id });
    this.restrictToVisible(qb, actor);
    const unit = await qb.getOne();
    if (!unit) throw notFound('org unit', id);
    const routes = await this.units.manager.find(TerritoryRoute, { where: { territoryId: id } });
    return { ...unit, routeIds: routes.map((r) => r.routeId) };
  }

  async create(actor: Actor, dto: CreateOrgUnitDto): Promise<OrgUnit> {
    return this.changeTree(async (manager) => {
      const parent = dto.parentId ? await this.requireUnit(manager, dto.parentId) : null;
      this.assertPlacement(dto.type, parent);
      await this.assertCodeFree(manager, dto.code);
      const unit = manager.create(OrgUnit, {
        type: dto.type,
        code: dto.code,
        name: dto.name,
        parentId: parent?.id ?? null,
        active: true,
      });
      Object.assign(unit, ancestorsFor(dto.type, parent));
      await manager.save(unit);
      if (dto.type === 'department' || dto.type === 'service_center') {
        // A department or center is its own ancestor at its level.
        await manager.update(OrgUnit, unit.id, ancestorsFor(dto.type, parent, unit.id));
        Object.assign(unit, ancestorsFor(dto.type, parent, unit.id));
      }
      await this.applyTerritoryLinks(manager, unit, dto.squadId, dto.routeIds);
      await this.audit.record(manager, actor, {
        action: 'org_unit.create',
        entityType: 'org_unit',
        entityId: unit.id,
        after: { ...unit, routeIds: dto.routeIds ?? [] },
        departmentId: unit.departmentId,
      });
      return unit;
    });
  }

  async update(actor: Actor, id: number, dto: UpdateOrgUnitDto): Promise<OrgUnit> {
    return this.changeTree(async (manager) => {
      const unit = await manager.findOne(OrgUnit, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw notFound('org unit', id);
      const before = { ...unit };
      if (dto.code !== undefined && dto.code !== unit.code) await this.assertCodeFree(manager, dto.code);
      const moved = dto.parentId !== undefined && dto.parentId !== unit.parentId;
      const placesBefore = moved ? await this.placesBelow(manager, id) : [];
      if (moved) {
        const parent = await this.requireUnit(manager, dto.parentId!);
        this.assertPlacement(unit.type, parent);
        unit.parentId = parent.id;
        Object.assign(unit, ancestorsFor(unit.type, parent, unit.id));
      }
      if (dto.code !== undefined) unit.code = dto.code;
      if (dto.name !== undefined) unit.name = dto.name;
      if (dto.active !== undefined) unit.active = dto.active;
      await manager.save(unit);
      if (moved) await this.moveDescendants(manager, unit);
      const unlinked = moved ? await this.unlinkWhatNoLongerFits(manager) : null;
      if (unlinked?.squads.some((link) => link.territoryId === unit.id)) unit.squadId = null;
      // The current state of other contexts follows the tree in this transaction (or the move is refused).
      const followed = moved ? await this.moveCurrentState(manager, unit, placesBefore) : null;
      await this.applyTerritoryLinks(manager, unit, dto.squadId, dto.routeIds);
      await this.audit.record(manager, actor, {
        action: 'org_unit.update',
        entityType: 'org_unit',
        entityId: unit.id,
        before,
        after: { ...unit, ...(dto.routeIds ? { routeIds: dto.routeIds } : {}) },
        departmentId: unit.departmentId,
      });
      if (followed) {
        await this.audit.record(manager, actor, {
          action: 'org_unit.move',
          entityType: 'org_unit',
          entityId: unit.id,
          before: {
            parentId: before.parentId,
            departmentId: before.departmentId,
            serviceCenterId: before.serviceCenterId,
          },
          after: {
            parentId: unit.parentId,
            departmentId: unit.departmentId,
            serviceCenterId: unit.serviceCenterId,
            unlinked,
            ...followed,
          },
          departmentId: unit.departmentId,
        });
      }
      return unit;
    });
  }

  /**
   * A change of the tree; this process's cached territory sets are dropped once it commits. (The only other
   * in-process cache, quota policies, is keyed by department and does not depend on the tree.)
   */
  private async changeTree<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.transactions.run(work);
    this.directory.forgetTerritorySets();
    return result;
  }

  private restrictToVisible(qb: ReturnType<Repository<OrgUnit>['createQueryBuilder']>, actor: Actor) {
    if (actor.role === 'admin') return;
    if (DEPARTMENT_WIDE.includes(actor.role)) {
      qb.andWhere('u.department_id = :department', { department: actor.departmentId ?? -1 });
      return;
    }
    // Everyone else: the territories in scope and the unit they sit in.
    const [condition, params] = scopeCondition(actor.scope, 'u.id');
    qb.andWhere(
      new Brackets((w) =>
        w
          .where(`(u.type = 'territory' AND ${condition})`, params)
          .orWhere('u.id = :ownUnit', { ownUnit: actor.orgUnitId ?? -1 }),
      ),
    );
  }

  private async requireUnit(manager: EntityManager, id: number): Promise<OrgUnit> {
    const unit = await manager.findOneBy(OrgUnit, { id });
    if (!unit) throw notFound('org unit', id);
    return unit;
  }

  private assertPlacement(type: OrgUnit['type'], parent: OrgUnit | null) {
    const problem = checkPlacement(type, parent?.type ?? null);
    if (problem) throw orgError(problem.code, problem);
  }

  private async assertCodeFree(manager: EntityManager, code: string) {
    if (await manager.existsBy(OrgUnit, { code })) throw orgError('ORG_CODE_TAKEN', { code });
  }

  /** Squad and routes belong to territories; both must sit in the territory's own department / center. */
  private async applyTerritoryLinks(
    manager: EntityManager,
    unit: OrgUnit,
    squadId?: number,
    routeIds?: number[],
  ) {
    if (squadId === undefined && routeIds === undefined) return;
    if (unit.type !== 'territory') throw orgError('ORG_TERRITORY_ONLY');
    if (squadId !== undefined) {
      const squad = await manager.findOneBy(OrgUnit, { id: squadId });
      if (!squad || squad.type !== 'squad' || squad.departmentId !== unit.departmentId) {
        throw orgError('ORG_SQUAD_INVALID', { squadId });
      }
      await manager.update(OrgUnit, unit.id, { squadId });
      unit.squadId = squadId;
    }
    if (routeIds !== undefined) {
      const routes = routeIds.length ? await manager.findBy(OrgUnit, { id: In(routeIds) }) : [];
      const valid = routes.filter((r) => r.type === 'route' && r.serviceCenterId === unit.serviceCenterId);
      if (valid.length !== routeIds.length) throw orgError('ORG_ROUTE_INVALID', { routeIds });
      await manager.delete(TerritoryRoute, { territoryId: unit.id });
      if (routeIds.length) {
        await manager.insert(
          TerritoryRoute,
          routeIds.map((routeId) => ({ territoryId: unit.id, routeId })),
        );
      }
    }
  }

  /**
   * The place of a unit and of every unit below it (for a territory: department, center, supply point), read
   * before and after a move to see which territories changed place.
   */
  private async placesBelow(
    manager: EntityManager,
    unitId: number,
  ): Promise<Array<TerritoryPlace & { id: number; type: OrgUnit['type'] }>> {
    return manager.query(
      `WITH RECURSIVE sub AS (
         SELECT id FROM org_units WHERE id = $1
         UNION ALL SELECT o.id FROM org_units o JOIN sub ON o.parent_id = sub.id)
       SELECT u.id, u.type, u.department_id AS "departmentId", u.service_center_id AS "serviceCenterId",
              sp.id AS "supplyPointId"
         FROM sub JOIN org_units u ON u.id = sub.id
         LEFT JOIN org_units sp ON sp.type = 'supply_point' AND sp.service_center_id = u.service_center_id
        ORDER BY u.id`,
      [unitId],
    );
  }

  /**
   * History stays where it happened, current state follows the tree (see OrgMoveParticipants): the contexts
   * that registered a participant re-key their current rows of the territories that changed place, or refuse
   * the move (`ORG_UNIT_MOVE_IN_FLIGHT`, rolling back the whole transaction). Answers what the audit records.
   */
  private async moveCurrentState(
    manager: EntityManager,
    unit: OrgUnit,
    placesBefore: Array<TerritoryPlace & { id: number }>,
  ): Promise<{ territoryIds: number[]; rekeyed: Record<string, Record<string, number>> }> {
    const previous = new Map(placesBefore.map((p) => [p.id, p]));
    const after = await this.placesBelow(manager, unit.id);
    const territories: TerritoryMove[] = after.flatMap((place) => {
      const was = previous.get(place.id);
      if (place.type !== 'territory' || !was) return [];
      if (was.departmentId === place.departmentId && was.serviceCenterId === place.serviceCenterId) return [];
      return [
        {
          territoryId: place.id,
          departmentId: place.departmentId,
          serviceCenterId: place.serviceCenterId,
          supplyPointId: place.supplyPointId,
          previous: {
            departmentId: was.departmentId,
            serviceCenterId: was.serviceCenterId,
            supplyPointId: was.supplyPointId,
          },
        },
      ];
    });
    const rekeyed = await this.moveParticipants.run(manager, {
      unitIds: after.map((place) => place.id),
      territories,
    });
    return { territoryIds: territories.map((m) => m.territoryId), rekeyed };
  }

  /**
   * After a move, a territory's squad must still be of its department and its routes of its center, or the
   * old department's officers and the old center's delivery staff would keep seeing it: links that no longer
   * fit are dropped (the same request, or the next, sets new ones).
   */
  private async unlinkWhatNoLongerFits(manager: EntityManager) {
    // UPDATE and DELETE answer [rows, count] through TypeORM.
    const [squads]: [Array<{ territoryId: number; squadId: number }>, number] = await manager.query(
      `UPDATE org_units t SET squad_id = NULL, updated_at = now() FROM org_units s
        WHERE s.id = t.squad_id AND t.type = 'territory' AND s.department_id IS DISTINCT FROM t.department_id
       RETURNING t.id AS "territoryId", s.id AS "squadId"`,
    );
    const [routes]: [Array<{ territoryId: number; routeId: number }>, number] = await manager.query(
      `DELETE FROM territory_routes tr USING org_units t, org_units r
        WHERE t.id = tr.territory_id AND r.id = tr.route_id AND r.service_center_id IS DISTINCT FROM t.service_center_id
       RETURNING tr.territory_id AS "territoryId", tr.route_id AS "routeId"`,
    );
    return { squads, routes };
  }

  /** After a move, every unit below takes its new department / center in one statement. */
  private async moveDescendants(manager: EntityManager, unit: OrgUnit) {
    await manager.query(
      `WITH RECURSIVE below AS (
         SELECT id FROM org_units WHERE parent_id = $1
         UNION ALL SELECT o.id FROM org_units o JOIN below b ON o.parent_id = b.id)
       UPDATE org_units o SET
         department_id = $2,
         service_center_id = CASE WHEN o.type = 'service_center' THEN o.id ELSE COALESCE($3, o.service_center_id) END,
         updated_at = now()
       FROM below WHERE o.id = below.id`,
      [unit.id, unit.departmentId, unit.serviceCenterId],
    );
  }
}

/** The denormalised ancestors of a unit of `type` placed under `parent` (`selfId` once it is known). */
function ancestorsFor(
  type: OrgUnit['type'],
  parent: OrgUnit | null,
  selfId?: number,
): Pick<OrgUnit, 'departmentId' | 'serviceCenterId'> {
  if (type === 'company') return { departmentId: null, serviceCenterId: null };
  if (type === 'department') return { departmentId: selfId ?? null, serviceCenterId: null };
  if (type === 'squad') return { departmentId: parent?.departmentId ?? null, serviceCenterId: null };
  if (type === 'service_center')
    return { departmentId: parent?.departmentId ?? null, serviceCenterId: selfId ?? null };
  return { departmentId: parent?.departmentId ?? null, serviceCenterId: parent?.serviceCenterId ?? null };
}
