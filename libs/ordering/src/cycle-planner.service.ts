import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { addDays, businessDate, firstDayOfMonth, lastDayOfMonth, mondayOf } from '#libs/kernel';
import { APP_CONFIG, type AppConfig, Clock } from '#libs/shared';
import { AuditService, type AuditActor } from '#libs/audit';
import {
  BusinessCalendarDirectory,
  type CalendarCycleEffect,
  CalendarCycles,
  type CycleChange,
  type CycleLeftAlone,
  type CycleReplanner,
  type DepartmentCalendar,
} from '#libs/calendar';
import { type OrgUnit, OrgDirectory } from '#libs/org';
import { CyclesLeft } from '#libs/quotas';
import {
  cyclesLeftInMonth,
  generationEnd,
  planCycles,
  type PlannedCycle,
  regularCycle,
  scheduleWeeklyCycles,
  type WeekCycle,
  type WeeklyCycleRule,
} from './domain/index.js';
import { type OrderCycle, TerritoryOrderSchedule } from './ordering.entity.js';

/** How far ahead cycles are generated from each territory's weekly order day (then to that month's end). */
export const GENERATION_WEEKS = 4;

/** Neighbours a plan looks at around its weeks: a moved cycle never travels further than that. */
const NEIGHBOUR_DAYS = 28;

type StoredCycle = Pick<
  OrderCycle,
  'id' | 'territoryId' | 'orderWeek' | 'orderDate' | 'opensAt' | 'cutoffAt' | 'status' | 'placedBy'
>;

/** A territory as its cycles are planned: its place, weekly rule, department calendar and cycles nearby. */
interface TerritoryPlan {
  territory: OrgUnit;
  rule: WeeklyCycleRule;
  calendar: DepartmentCalendar;
  cycles: StoredCycle[];
}

const live = (cycles: readonly StoredCycle[]) => cycles.filter((cycle) => cycle.status !== 'cancelled');

/**
 * Where cycles are made and re-made: generation weeks ahead, a territory's schedule change, a department's
 * calendar change, and the count of cycles left that pacing divides by. All place cycles with the one domain
 * rule (`planCycles`): a week's cycle on the territory's weekday, moved or cancelled for a day off by the
 * department's rule, fitted between its neighbours; a week that has its cycle (whatever became of it) is never
 * given another.
 */
@Injectable()
export class CyclePlanner implements CycleReplanner, OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly org: OrgDirectory,
    private readonly calendars: BusinessCalendarDirectory,
    private readonly calendarCycles: CalendarCycles,
    private readonly quotaCycles: CyclesLeft,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A calendar change re-places cycles here; the quota explanation counts cycles left here. */
  onModuleInit(): void {
    this.calendarCycles.register(this);
    this.quotaCycles.provide((territoryId, month, now) => this.cyclesLeft(territoryId, month, now));
  }

  /**
   * Makes the missing cycles of every scheduled territory (or of some) whose regular order day falls from
   * `from` through `GENERATION_WEEKS` weeks ahead and on to that month's end; weeks that have a cycle keep it.
   */
  async generate(
    manager: EntityManager,
    from: string,
    weeks = GENERATION_WEEKS,
    territoryIds?: readonly number[],
  ): Promise<number> {
    const to = generationEnd(from, weeks);
    const now = this.clock.now();
    const plans = await this.plans(manager, territoryIds, mondayOf(from), to);
    const rows = plans.flatMap((plan) => {
      const taken = new Set(plan.cycles.map((cycle) => cycle.orderWeek));
      const missing = scheduleWeeklyCycles(plan.rule, from, to).filter(
        (cycle) => !taken.has(cycle.orderWeek),
      );
      if (!missing.length) return [];
      return this.plan(plan, missing, live(plan.cycles), now).map((cycle) => ({
        territory_id: plan.territory.id,
        service_center_id: plan.territory.serviceCenterId,
        department_id: plan.territory.departmentId,
        order_week: cycle.orderWeek,
        order_date: cycle.orderDate,
        opens_at: cycle.opensAt.toISOString(),
        cutoff_at: cycle.cutoffAt.toISOString(),
        status: cycle.status,
        placed_by: cycle.placedBy,
      }));
    });
    if (!rows.length) return 0;
    const inserted: unknown[] = await manager.query(
      `INSERT INTO order_cycles (territory_id, service_center_id, department_id, order_week, order_date, opens_at,
                                 cutoff_at, status, placed_by)
       SELECT r.territory_id, r.service_center_id, r.department_id, r.order_week, r.order_date, r.opens_at,
              r.cutoff_at, r.status, r.placed_by
         FROM jsonb_to_recordset($1::jsonb) AS r(territory_id int, service_center_id int, department_id int,
              order_week date, order_date date, opens_at timestamptz, cutoff_at timestamptz, status text, placed_by text)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [JSON.stringify(rows)],
    );
    return inserted.length;
  }

  /**
   * A schedule change: the territory's cycles that have not opened (nor taken demand) make way for the new
   * rhythm, generated at once; cycles already open, cut off or consolidated stay, and their weeks with them.
   */
  async replaceFuture(
    manager: EntityManager,
    actor: AuditActor,
    territory: Pick<OrgUnit, 'id' | 'departmentId'>,
  ): Promise<{ removed: StoredCycle[]; created: number }> {
    const now = this.clock.now();
    const removed: StoredCycle[] = await manager
      .query(
        `DELETE FROM order_cycles c
        WHERE c.territory_id = $1 AND c.opens_at > $2 AND c.status IN ('scheduled', 'cancelled')
          AND NOT EXISTS (SELECT 1 FROM demands d WHERE d.cycle_id = c.id)
       RETURNING ${STORED_COLUMNS}`,
        [territory.id, now],
      )
      .then(([rows]: [StoredCycle[]]) => rows);
    const created = await this.generate(manager, this.today(), GENERATION_WEEKS, [territory.id]);
    await this.audit.record(manager, actor, {
      action: 'order_cycle.replace',
      entityType: 'territory_order_schedule',
      entityId: territory.id,
      before: { cycles: removed },
      after: { generated: created },
      departmentId: territory.departmentId,
    });
    return { removed, created };
  }

  /**
   * A department's calendar (or its rule for order days off) changed: its cycles not opened yet that the
   * schedule or the calendar placed are placed again; what a person placed and what has opened stays, and
   * those of them now on a day off are named. With `dryRun` nothing is written.
   */
  async replan(
    manager: EntityManager,
    calendar: DepartmentCalendar,
    options: { dryRun: boolean; actor: AuditActor },
  ): Promise<CalendarCycleEffect> {
    const now = this.clock.now();
    const today = this.today();
    const territoryIds = (await this.org.territoriesIn([calendar.departmentId])).map((t) => t.id);
    const plans = await this.plans(manager, territoryIds, addDays(mondayOf(today), -7), undefined, calendar);
    const changed: CycleChange[] = [];
    const leftAlone: CycleLeftAlone[] = [];
    for (const plan of plans) {
      const again = plan.cycles.filter(
        (c) =>
          c.opensAt > now &&
          (c.status === 'scheduled' || (c.status === 'cancelled' && c.placedBy === 'calendar')) &&
          c.placedBy !== 'hand',
      );
      const kept = live(plan.cycles).filter((c) => !again.includes(c));
      const planned = this.plan(
        plan,
        again.map((c) => regularCycle(plan.rule, c.orderWeek)),
        kept,
        now,
      );
      for (const cycle of planned) {
        const before = again.find((c) => c.orderWeek === cycle.orderWeek)!;
        if (samePlacement(before, cycle)) continue;
        changed.push({
          cycleId: before.id,
          territoryId: plan.territory.id,
          orderWeek: cycle.orderWeek,
          before: datesOf(before),
          after: datesOf(cycle),
        });
      }
      for (const cycle of kept) {
        if (cycle.orderDate < today || calendar.workingDays.isWorkingDay(cycle.orderDate)) continue;
        leftAlone.push({
          cycleId: cycle.id,
          territoryId: cycle.territoryId,
          orderWeek: cycle.orderWeek,
          orderDate: cycle.orderDate,
          reason: cycle.placedBy === 'hand' ? 'placedByHand' : 'alreadyOpen',
        });
      }
    }
    if (!options.dryRun && changed.length) await this.apply(manager, options.actor, changed, plans);
    return { changed, leftAlone };
  }

  /**
   * Cycles left in a territory's month at `now`, as the reservation counts them: its cycles (moved ones at their
   * new dates, cancelled ones out), and for weeks not generated yet — a month beyond the generation horizon —
   * the cycles generation will make there.
   */
  async cyclesLeft(territoryId: number, month: string, now: Date): Promise<number> {
    const manager = this.dataSource.manager;
    const from = addDays(firstDayOfMonth(month), -7);
    const to = addDays(lastDayOfMonth(month), 7);
    const [plan] = await this.plans(manager, [territoryId], mondayOf(from), to);
    if (!plan) {
      const cycles: StoredCycle[] = await manager.query(
        `SELECT ${STORED_COLUMNS} FROM order_cycles WHERE territory_id = $1 AND order_date BETWEEN $2 AND $3`,
        [territoryId, from, to],
      );
      return cyclesLeftInMonth(live(cycles), month, now);
    }
    const today = businessDate(now, this.config.timeZone);
    const taken = new Set(plan.cycles.map((cycle) => cycle.orderWeek));
    const missing = scheduleWeeklyCycles(plan.rule, today > from ? today : from, to).filter(
      (cycle) => !taken.has(cycle.orderWeek),
    );
    const projected = this.plan(plan, missing, live(plan.cycles), now).filter(
      (c) => c.status === 'scheduled',
    );
    return cyclesLeftInMonth([...live(plan.cycles), ...projected], month, now);
  }

  private plan(plan: TerritoryPlan, regular: readonly WeekCycle[], fixed: readonly WeekCycle[], now: Date) {
    return planCycles({
      rule: plan.rule,
      regular,
      workingDays: plan.calendar.workingDays,
      onDayOff: plan.calendar.orderDayOff,
      fixed,
      now,
    });
  }

  private async apply(
    manager: EntityManager,
    actor: AuditActor,
    changes: readonly CycleChange[],
    plans: readonly TerritoryPlan[],
  ): Promise<void> {
    const rows = changes.map((change) => ({
      id: change.cycleId,
      order_date: change.after.orderDate,
      opens_at: change.after.opensAt.toISOString(),
      cutoff_at: change.after.cutoffAt.toISOString(),
      status: change.after.status,
    }));
    // Out of the live order-date index first, so two cycles trading dates never collide half-way.
    await manager.query(`UPDATE order_cycles SET status = 'cancelled' WHERE id = ANY($1)`, [
      changes.map((change) => change.cycleId),
    ]);
    await manager.query(
      `UPDATE order_cycles c
          SET order_date = r.order_date, opens_at = r.opens_at, cutoff_at = r.cutoff_at, status = r.status,
              placed_by = 'calendar', updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS r(id int, order_date date, opens_at timestamptz, cutoff_at timestamptz,
              status text)
        WHERE c.id = r.id`,
      [JSON.stringify(rows)],
    );
    const departmentOf = new Map(plans.map((plan) => [plan.territory.id, plan.territory.departmentId]));
    await this.audit.recordBulk(
      manager,
      actor,
      changes.map((change) => ({
        action: 'order_cycle.calendar',
        entityType: 'order_cycle',
        entityId: change.cycleId,
        before: change.before,
        after: change.after,
        departmentId: departmentOf.get(change.territoryId),
      })),
    );
  }

  /**
   * What planning needs per territory with a schedule (active territories only), set-based: schedules, places,
   * department calendars (or the one given) and the cycles of weeks `fromWeek` … `to`, with neighbours.
   */
  private async plans(
    manager: EntityManager,
    territoryIds: readonly number[] | undefined,
    fromWeek: string,
    to: string | undefined,
    calendar?: DepartmentCalendar,
  ): Promise<TerritoryPlan[]> {
    const schedules = await manager.find(
      TerritoryOrderSchedule,
      territoryIds ? { where: { territoryId: In([...territoryIds]) } } : {},
    );
    const territories = (
      await this.org.territoriesByIds(
        schedules.map((s) => s.territoryId),
        manager,
      )
    ).filter((t) => t.active);
    if (!territories.length) return [];
    const calendars = calendar
      ? new Map([[calendar.departmentId, calendar]])
      : await this.calendars.calendarsOf(
          territories.map((t) => t.departmentId!),
          manager,
        );
    const cycles: StoredCycle[] = await manager.query(
      `SELECT ${STORED_COLUMNS} FROM order_cycles
        WHERE territory_id = ANY($1) AND order_week >= $2::date - $4::int
          AND ($3::date IS NULL OR order_week <= $3::date + $4::int)`,
      [territories.map((t) => t.id), fromWeek, to ?? null, NEIGHBOUR_DAYS],
    );
    return territories.flatMap((territory) => {
      const schedule = schedules.find((s) => s.territoryId === territory.id)!;
      const departmentCalendar = calendars.get(territory.departmentId!);
      if (!departmentCalendar) return [];
      return [
        {
          territory,
          rule: { ...schedule, timeZone: this.config.timeZone },
          calendar: departmentCalendar,
          cycles: cycles.filter((c) => c.territoryId === territory.id),
        },
      ];
    });
  }

  private today(): string {
    return businessDate(this.clock.now(), this.config.timeZone);
  }
}

const STORED_COLUMNS = `id, territory_id AS "territoryId", to_char(order_week, 'YYYY-MM-DD') AS "orderWeek",
  to_char(order_date, 'YYYY-MM-DD') AS "orderDate", opens_at AS "opensAt", cutoff_at AS "cutoffAt", status,
  placed_by AS "placedBy"`;

function datesOf(cycle: Pick<StoredCycle, 'orderDate' | 'opensAt' | 'cutoffAt' | 'status'>) {
  return {
    orderDate: cycle.orderDate,
    opensAt: cycle.opensAt,
    cutoffAt: cycle.cutoffAt,
    status: cycle.status,
  };
}

function samePlacement(stored: StoredCycle, planned: PlannedCycle): boolean {
  return (
    stored.orderDate === planned.orderDate &&
    stored.opensAt.getTime() === planned.opensAt.getTime() &&
    stored.cutoffAt.getTime() === planned.cutoffAt.getTime() &&
    stored.status === planned.status
  );
}
