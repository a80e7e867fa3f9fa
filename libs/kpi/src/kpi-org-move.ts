import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type OrgMove, OrgMoveParticipants } from '#libs/org';

/**
 * When territories change center or department (see OrgMoveParticipants):
 * - an `open` cultivation task is work still to do in the territory: it takes the new center and department
 *   (the new market manager follows it up); a `submitted` one is history and keeps its keys;
 * - a target set for one territory (`kpi_targets.territory_id`) describes the territory (its market, e.g. a
 *   shelf-rate target), not the department that set it: it follows the territory to its new department, where
 *   that department's head sees and may change it (the department-wide targets stay with their department);
 * - closed months (`kpi_month_closes`, `kpi_snapshot_rows`) are immutable history and are not touched.
 */
@Injectable()
export class KpiOrgMove implements OnModuleInit {
  constructor(private readonly participants: OrgMoveParticipants) {}

  onModuleInit(): void {
    this.participants.register({ name: 'kpi', apply: (manager, move) => this.apply(manager, move) });
  }

  private async apply(manager: EntityManager, move: OrgMove): Promise<Record<string, number>> {
    if (!move.territories.length) return {};
    const territoryIds = move.territories.map((m) => m.territoryId);
    const [, cultivationTasks]: [unknown, number] = await manager.query(
      `UPDATE cultivation_tasks k SET service_center_id = t.service_center_id, department_id = t.department_id
         FROM org_units t
        WHERE t.id = k.territory_id AND k.territory_id = ANY($1::int[]) AND k.status = 'open'
          AND (k.service_center_id, k.department_id) IS DISTINCT FROM (t.service_center_id, t.department_id)`,
      [territoryIds],
    );
    const [, kpiTargets]: [unknown, number] = await manager.query(
      `UPDATE kpi_targets k SET department_id = t.department_id
         FROM org_units t
        WHERE t.id = k.territory_id AND k.territory_id = ANY($1::int[])
          AND k.department_id IS DISTINCT FROM t.department_id`,
      [territoryIds],
    );
    return { cultivation_tasks: cultivationTasks, kpi_targets: kpiTargets };
  }
}
