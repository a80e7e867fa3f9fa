import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, Clock, notFound, type Page, pageOf, pageOffset, TransactionRunner } from '#libs/shared';
import { AuditService } from '#libs/audit';
import { orThrow } from '#libs/kernel';
import {
  FEEDBACK_KIND_LABELS,
  FEEDBACK_STATE_LABELS,
  type FeedbackEvent,
  type FeedbackRaiserRole,
  OPEN_FEEDBACK_STATES,
  transitionFeedback,
} from './domain/index.js';
import { DeliveryFeedback } from './delivery.entity.js';
import { deliveryInScope, deliveryScopeCondition } from './delivery-access.js';
import { deliveryError } from './delivery.errors.js';
import type { AnswerFeedbackDto, FeedbackQuery, RaiseFeedbackDto } from './dto/delivery.dto.js';

const HOUR_MS = 3_600_000;

export interface FeedbackView {
  id: number;
  deliveryId: number;
  retailerId: number;
  territoryId: number;
  routeId: number;
  kind: DeliveryFeedback['kind'];
  kindLabel: string;
  description: string;
  status: DeliveryFeedback['status'];
  statusLabel: string;
  raisedBy: number;
  raiserRole: DeliveryFeedback['raiserRole'];
  raisedAt: Date;
  answer: string | null;
  answeredBy: number | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  /** Whole hours since it was raised (until closed: then how long it stayed open). */
  ageHours: number;
}

/**
 * Feedback on a delivery: raised against a stop in the raiser's scope (the account manager's territory, the
 * driver's route, the retailer's own), read by the account manager and the supply point, answered by the
 * route's delivery staff or the supply point, closed by whoever raised it. Open items are listed oldest first with their age.
 */
@Injectable()
export class DeliveryFeedbackService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async raise(actor: Actor, deliveryId: number, dto: RaiseFeedbackDto): Promise<FeedbackView> {
    return this.transactions.run(async (manager) => {
      const delivery = await deliveryInScope(manager, actor, deliveryId);
      const now = this.clock.now();
      const feedback = manager.create(DeliveryFeedback, {
        deliveryId,
        retailerId: delivery.retailerId,
        territoryId: delivery.territoryId,
        serviceCenterId: delivery.serviceCenterId,
        departmentId: delivery.departmentId,
        routeId: delivery.routeId,
        kind: dto.kind,
        description: dto.description.trim(),
        status: 'open',
        raisedBy: actor.userId,
        raiserRole: actor.role as FeedbackRaiserRole,
        raisedAt: now,
      });
      await manager.save(feedback);
      await this.audit.record(manager, actor, {
        action: 'delivery_feedback.raise',
        entityType: 'delivery_feedback',
        entityId: feedback.id,
        after: { ...feedback },
        departmentId: feedback.departmentId,
      });
      return toFeedbackView(feedback, now);
    });
  }

  /** The delivery side answers: the route's delivery staff, or the supply point of the center. */
  async answer(actor: Actor, id: number, dto: AnswerFeedbackDto): Promise<FeedbackView> {
    return this.change(actor, id, 'answer', (feedback, now) => {
      if (
        actor.role === 'delivery_staff' ? actor.orgUnitId !== feedback.routeId : actor.role !== 'supply_clerk'
      )
        throw deliveryError('FEEDBACK_NOT_DELIVERY_SIDE', { routeId: feedback.routeId });
      return { answer: dto.answer.trim(), answeredBy: actor.userId, answeredAt: now };
    });
  }

  /** Whoever raised it closes it: settled, or withdrawn before an answer. */
  async close(actor: Actor, id: number): Promise<FeedbackView> {
    return this.change(actor, id, 'close', (feedback, now) => {
      if (feedback.raisedBy !== actor.userId) throw deliveryError('FEEDBACK_NOT_RAISER');
      return { closedBy: actor.userId, closedAt: now };
    });
  }

  async list(actor: Actor, query: FeedbackQuery): Promise<Page<FeedbackView>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(DeliveryFeedback, 'd')
      .where(...deliveryScopeCondition(actor));
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.open !== undefined)
      qb.andWhere(query.open ? 'd.status = ANY(:openStates)' : 'd.status <> ALL(:openStates)', {
        openStates: OPEN_FEEDBACK_STATES,
      });
    if (query.routeId) qb.andWhere('d.route_id = :routeId', { routeId: query.routeId });
    // Open items: the oldest first (they need attention); otherwise the newest first.
    qb.orderBy('d.raised_at', query.open ? 'ASC' : 'DESC').addOrderBy('d.id', query.open ? 'ASC' : 'DESC');
    const [items, total] = await qb.skip(pageOffset(query)).take(query.pageSize).getManyAndCount();
    const now = this.clock.now();
    return pageOf(
      items.map((item) => toFeedbackView(item, now)),
      total,
      query,
    );
  }

  private async change(
    actor: Actor,
    id: number,
    event: FeedbackEvent,
    decide: (feedback: DeliveryFeedback, now: Date) => Partial<DeliveryFeedback>,
  ): Promise<FeedbackView> {
    return this.transactions.run(async (manager) => {
      const feedback = await manager
        .createQueryBuilder(DeliveryFeedback, 'd')
        .setLock('pessimistic_write')
        .where('d.id = :id', { id })
        .andWhere(...deliveryScopeCondition(actor))
        .getOne();
      if (!feedback) throw notFound('delivery feedback', id);
      const before = { ...feedback };
      const now = this.clock.now();
      const changes = decide(feedback, now);
      const status = orThrow(transitionFeedback(feedback.status, event), deliveryError);
      Object.assign(feedback, changes, { status });
      await manager.save(feedback);
      await this.audit.record(manager, actor, {
        action: `delivery_feedback.${event}`,
        entityType: 'delivery_feedback',
        entityId: feedback.id,
        before,
        after: { ...feedback },
        departmentId: feedback.departmentId,
      });
      return toFeedbackView(feedback, now);
    });
  }
}

function toFeedbackView(f: DeliveryFeedback, now: Date): FeedbackView {
  const until = f.closedAt ?? now;
  return {
    id: f.id,
    deliveryId: f.deliveryId,
    retailerId: f.retailerId,
    territoryId: f.territoryId,
    routeId: f.routeId,
    kind: f.kind,
    kindLabel: FEEDBACK_KIND_LABELS[f.kind],
    description: f.description,
    status: f.status,
    statusLabel: FEEDBACK_STATE_LABELS[f.status],
    raisedBy: f.raisedBy,
    raiserRole: f.raiserRole,
    raisedAt: f.raisedAt,
    answer: f.answer,
    answeredBy: f.answeredBy,
    answeredAt: f.answeredAt,
    closedAt: f.closedAt,
    ageHours: Math.max(0, Math.floor((until.getTime() - f.raisedAt.getTime()) / HOUR_MS)),
  };
}
