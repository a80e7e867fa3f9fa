import type { EntityManager } from 'typeorm';
import { type Actor, notFound, scopeCondition } from '#libs/shared';
import {
  type ArrivalTiming,
  arrivalTiming,
  DELIVERY_STATE_LABELS,
  RECEIVER_KIND_LABELS,
  TIME_SOURCE_LABELS,
  type TimeSource,
} from './domain/index.js';
import { Delivery } from './delivery.entity.js';

/**
 * Who sees which stops: delivery staff the stops of their route; a retailer its own; everyone else the
 * territories of its scope (an account manager its territory, a supply clerk or market manager its
 * center, department heads and inspectors the department).
 */
export function deliveryScopeCondition(actor: Actor, alias = 'd'): [string, Record<string, unknown>] {
  if (actor.role === 'delivery_staff')
    return [`${alias}.route_id = :deliveryScopeRoute`, { deliveryScopeRoute: actor.orgUnitId ?? -1 }];
  return scopeCondition(actor.scope, `${alias}.territory_id`, `${alias}.retailer_id`);
}

/** One stop the caller may see (locked for a change when asked); out of scope is 404. */
export async function deliveryInScope(
  manager: EntityManager,
  actor: Actor,
  id: number,
  lock = false,
): Promise<Delivery> {
  const qb = manager
    .createQueryBuilder(Delivery, 'd')
    .where('d.id = :id', { id })
    .andWhere(...deliveryScopeCondition(actor));
  if (lock) qb.setLock('pessimistic_write');
  const delivery = await qb.getOne();
  if (!delivery) throw notFound('delivery', id);
  return delivery;
}

export interface DeliveryView {
  id: number;
  runId: number;
  routeId: number;
  deliveryDate: string;
  position: number;
  retailerId: number;
  territoryId: number;
  serviceCenterId: number;
  supplyPointId: number;
  orderDate: string;
  attempt: number;
  cartons: number;
  lines: Array<{ brandId: number; cartons: number }>;
  windowStart: Date;
  windowEnd: Date;
  status: Delivery['status'];
  statusLabel: string;
  /** The driver's typed arrival: a statement. */
  arrivedAt: Date | null;
  /** What punctuality is judged by: the server's completion time or the retailer's door code. */
  recordedAt: Date | null;
  timeSource: TimeSource | null;
  timeSourceLabel: string | null;
  doorCodeAt: Date | null;
  /** The recorded time against the planned window: early, on time or late; null until delivered. */
  timing: ArrivalTiming | null;
  /** 补录: the typed arrival differs from the recorded time by more than the tolerance (never on time). */
  lateEntry: boolean;
  receiver: Delivery['receiver'];
  receiverLabel: string | null;
  receiverName: string | null;
  receiverRelation: string | null;
  /** 代接货: received by someone other than the licence holder (flagged, counted). */
  proxyReceipt: boolean;
  proxyReason: string | null;
  failureReason: string | null;
  completedBy: number | null;
  completedAt: Date | null;
  confirmedAt: Date | null;
  confirmedBy: number | null;
}

export function toDeliveryView(d: Delivery): DeliveryView {
  return {
    id: d.id,
    runId: d.runId,
    routeId: d.routeId,
    deliveryDate: d.deliveryDate,
    position: d.position,
    retailerId: d.retailerId,
    territoryId: d.territoryId,
    serviceCenterId: d.serviceCenterId,
    supplyPointId: d.supplyPointId,
    orderDate: d.orderDate,
    attempt: d.attempt,
    cartons: d.cartons,
    lines: d.lines,
    windowStart: d.windowStart,
    windowEnd: d.windowEnd,
    status: d.status,
    statusLabel: DELIVERY_STATE_LABELS[d.status],
    arrivedAt: d.arrivedAt,
    recordedAt: d.recordedAt,
    timeSource: d.timeSource,
    timeSourceLabel: d.timeSource ? TIME_SOURCE_LABELS[d.timeSource] : null,
    doorCodeAt: d.doorCodeAt,
    timing: d.recordedAt ? arrivalTiming(d.recordedAt, { start: d.windowStart, end: d.windowEnd }) : null,
    lateEntry: d.lateEntry,
    receiver: d.receiver,
    receiverLabel: d.receiver ? RECEIVER_KIND_LABELS[d.receiver] : null,
    receiverName: d.receiverName,
    receiverRelation: d.receiverRelation,
    proxyReceipt: d.receiver === 'proxy',
    proxyReason: d.proxyReason,
    failureReason: d.failureReason,
    completedBy: d.completedBy,
    completedAt: d.completedAt,
    confirmedAt: d.confirmedAt,
    confirmedBy: d.confirmedBy,
  };
}
