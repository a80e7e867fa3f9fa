import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditActor } from '#libs/audit';
import type { DepartmentCalendar } from './business-calendar-directory.js';

/** A cycle's dates and state, before or after a calendar change. */
export interface CycleDates {
  orderDate: string;
  opensAt: Date;
  cutoffAt: Date;
  status: string;
}

export interface CycleChange {
  cycleId: number;
  territoryId: number;
  /** The cycle's order week (its Monday): it never changes. */
  orderWeek: string;
  before: CycleDates;
  after: CycleDates;
}

/** A cycle on a day off that the calendar does not move: it has opened already, or a person placed it. */
export interface CycleLeftAlone {
  cycleId: number;
  territoryId: number;
  orderWeek: string;
  orderDate: string;
  reason: 'alreadyOpen' | 'placedByHand';
}

export interface CalendarCycleEffect {
  changed: CycleChange[];
  leftAlone: CycleLeftAlone[];
}

/** The ordering context's side of a calendar change: re-places the department's cycles not opened yet. */
export interface CycleReplanner {
  replan(
    manager: EntityManager,
    calendar: DepartmentCalendar,
    options: { dryRun: boolean; actor: AuditActor },
  ): Promise<CalendarCycleEffect>;
}

/**
 * Where the calendar context reaches the cycles a change affects, without knowing ordering's tables: ordering
 * registers its replanner here from its module's `onModuleInit` (the calendar cannot import ordering, which
 * reads the calendar). The replan runs in the saving transaction, so the days and the cycles change together.
 */
@Injectable()
export class CalendarCycles {
  private replanner: CycleReplanner | null = null;

  register(replanner: CycleReplanner): void {
    this.replanner = replanner;
  }

  replan(
    manager: EntityManager,
    calendar: DepartmentCalendar,
    options: { dryRun: boolean; actor: AuditActor },
  ): Promise<CalendarCycleEffect> {
    return this.replanner
      ? this.replanner.replan(manager, calendar, options)
      : Promise.resolve({ changed: [], leftAlone: [] });
  }
}
