import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, Clock } from '#libs/shared';
import { businessDate } from '#libs/kernel';
import { orgError } from './org.errors.js';

/**
 * Moving a unit in the org tree (`PATCH /api/org-units/:id {parentId}`): the rule every context follows.
 *
 * **History stays where it happened; current state follows the tree.** A row that records something done
 * under a unit (a consolidated cycle and its order lines and supply orders, a delivery made, a visit, a call,
 * a forecast, a KPI snapshot, a closed month, the audit log) keeps the department / center / supply point it
 * happened under. A row that describes what is live now or still to come (a retailer's place, a cycle not yet
 * cut off and its demand, this and next months' quotas, open leads and tasks, a territory's targets, planned
 * deliveries) takes the unit's new keys in the same transaction as the move, so scoping by the denormalised
 * keys stays right from the commit on. State caught half-way (a cycle cut off and awaiting consolidation) is
 * not split between two places: the move is refused with 409 `ORG_UNIT_MOVE_IN_FLIGHT`, naming what blocks it,
 * and nothing is written.
 *
 * The org context does not know the other contexts' tables: each owning context registers a participant here
 * (from its module's `onModuleInit`) that re-keys its own tables, set-based (one `UPDATE … FROM org_units` per
 * table, reading the tree as the move has just left it).
 */

/** Where a territory sits: its department, service center and that center's supply point (if it has one). */
export interface TerritoryPlace {
  departmentId: number;
  serviceCenterId: number;
  supplyPointId: number | null;
}

/** A territory whose department or center changed in the move: its new place and the one it left. */
export interface TerritoryMove extends TerritoryPlace {
  territoryId: number;
  previous: TerritoryPlace;
}

export interface OrgMove {
  /** The unit moved and every unit below it (territories, routes, the supply point of a moved center…). */
  unitIds: number[];
  /** The territories among them whose department or center changed (empty: nothing to re-key). */
  territories: TerritoryMove[];
  /** The business date of the move (Asia/Shanghai by default): where "current" begins for dated rows. */
  today: string;
}

/** Something in flight that a move would split between two places. */
export interface OrgMoveBlocker {
  /** The participant that refuses (`ordering`, …). */
  participant: string;
  /** What blocks, e.g. `order_cycle_cut_off`. */
  reason: string;
  /** The ids of the blocking rows (ascending). */
  ids: number[];
}

export interface OrgMoveParticipant {
  /** A short, unique name (the owning context): used in blockers and the audit entry. */
  readonly name: string;
  /**
   * What would be split by this move (nothing is written yet). Lock the rows examined (`FOR UPDATE`) so that
   * nothing moves them into a blocking state between this check and `apply`.
   */
  blockers?(manager: EntityManager, move: OrgMove): Promise<OrgMoveBlocker[]>;
  /** Re-keys the context's current rows; answers the rows changed per table (for the audit entry). */
  apply(manager: EntityManager, move: OrgMove): Promise<Record<string, number>>;
}

/** The registry of participants in a move; exported by OrgModule. */
@Injectable()
export class OrgMoveParticipants {
  private readonly participants: OrgMoveParticipant[] = [];

  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(participant: OrgMoveParticipant): void {
    if (this.participants.some((p) => p.name === participant.name))
      throw new Error(`org move participant ${participant.name} registered twice`);
    this.participants.push(participant);
  }

  /**
   * Inside the move's transaction, once the tree itself has been updated: first every participant's blockers
   * (any → `ORG_UNIT_MOVE_IN_FLIGHT`, the transaction rolls back), then every participant re-keys its rows.
   */
  async run(
    manager: EntityManager,
    move: Omit<OrgMove, 'today'>,
  ): Promise<Record<string, Record<string, number>>> {
    const full: OrgMove = { ...move, today: businessDate(this.clock.now(), this.config.timeZone) };
    const blockers: OrgMoveBlocker[] = [];
    for (const participant of this.participants) {
      if (participant.blockers) blockers.push(...(await participant.blockers(manager, full)));
    }
    if (blockers.length) {
      throw orgError(
        'ORG_UNIT_MOVE_IN_FLIGHT',
        { blockers },
        `The move would split work in flight: ${blockers.map((b) => `${b.reason} ${b.ids.join(', ')}`).join('; ')}`,
      );
    }
    const changed: Record<string, Record<string, number>> = {};
    for (const participant of this.participants)
      changed[participant.name] = await participant.apply(manager, full);
    return changed;
  }
}
