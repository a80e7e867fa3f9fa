import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type OrgMove, OrgMoveParticipants } from '#libs/org';
import { OPEN_DELIVERY_STATES, OPEN_FEEDBACK_STATES } from './domain/index.js';

/**
 * When units move (see OrgMoveParticipants): the goods of a planned delivery were ordered from a supply point
 * and loaded on a route's run; they stay with that route whatever happens to the territory. So what is still
 * to be done follows its **route**: a delivery the driver has not completed (planned, or received by the
 * retailer), a run with such a stop and feedback not yet closed
 * take the center and department the route is in now. That changes only when the route itself moved (a center
 * moving to another department takes its routes and supply point along); a territory moving alone leaves its
 * planned deliveries with the route and center carrying them. Deliveries made (delivered, failed, confirmed),
 * finished runs and closed feedback are history and keep their keys.
 */
@Injectable()
export class DeliveryOrgMove implements OnModuleInit {
  constructor(private readonly participants: OrgMoveParticipants) {}

  onModuleInit(): void {
    this.participants.register({ name: 'delivery', apply: (manager, move) => this.apply(manager, move) });
  }

  private async apply(manager: EntityManager, move: OrgMove): Promise<Record<string, number>> {
    const routes = move.unitIds;
    const [, deliveryRuns]: [unknown, number] = await manager.query(
      `UPDATE delivery_runs x SET service_center_id = r.service_center_id, department_id = r.department_id
         FROM org_units r
        WHERE r.id = x.route_id AND x.route_id = ANY($1::int[])
          AND EXISTS (SELECT 1 FROM deliveries d WHERE d.run_id = x.id AND d.status = ANY($2::text[]))
          AND (x.service_center_id, x.department_id) IS DISTINCT FROM (r.service_center_id, r.department_id)`,
      [routes, OPEN_DELIVERY_STATES],
    );
    const [, deliveries]: [unknown, number] = await manager.query(
      `UPDATE deliveries x SET service_center_id = r.service_center_id, department_id = r.department_id, updated_at = now()
         FROM org_units r
        WHERE r.id = x.route_id AND x.route_id = ANY($1::int[]) AND x.status = ANY($2::text[])
          AND (x.service_center_id, x.department_id) IS DISTINCT FROM (r.service_center_id, r.department_id)`,
      [routes, OPEN_DELIVERY_STATES],
    );
    const [, deliveryFeedback]: [unknown, number] = await manager.query(
      `UPDATE delivery_feedback x SET service_center_id = r.service_center_id, department_id = r.department_id, updated_at = now()
         FROM org_units r
        WHERE r.id = x.route_id AND x.route_id = ANY($1::int[]) AND x.status = ANY($2::text[])
          AND (x.service_center_id, x.department_id) IS DISTINCT FROM (r.service_center_id, r.department_id)`,
      [routes, OPEN_FEEDBACK_STATES],
    );
    return { delivery_runs: deliveryRuns, deliveries, delivery_feedback: deliveryFeedback };
  }
}
