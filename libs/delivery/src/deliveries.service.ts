import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  Clock,
  type Page,
  pageOf,
  pageOffset,
  TransactionRunner,
} from '#libs/shared';
import { AttachmentOwners, AttachmentStore } from '#libs/attachments';
import { AuditService } from '#libs/audit';
import type { Retailer } from '#libs/retailers';
import { businessDate, orThrow } from '#libs/kernel';
import {
  checkStopCompletion,
  DEFAULT_STOP_COMPLETION_POLICY,
  type DeliveryEvent,
  maySign,
  OPEN_DELIVERY_STATES,
  recordCompletion,
  transitionDelivery,
} from './domain/index.js';
import { DoorCodes } from './door-codes.js';
import { Delivery, DeliveryFeedback } from './delivery.entity.js';
import {
  deliveryInScope,
  deliveryScopeCondition,
  type DeliveryView,
  toDeliveryView,
} from './delivery-access.js';
import { deliveryError } from './delivery.errors.js';
import type {
  CompleteDeliveryDto,
  DeliveryQuery,
  DeliveryRunQuery,
  DoorCodeView,
  FailDeliveryDto,
} from './dto/delivery.dto.js';

/** Who the driver hands the goods to, and where: what the run page calls and maps. */
export interface StopRetailerView {
  shopName: string;
  ownerName: string;
  phone: string | null;
  address: string;
}

/** A stop with the retailer's signature drawn on the driver's phone, if it signed. */
export type SignedDeliveryView = DeliveryView & { signatureAttachmentId: number | null };

export interface DriverRunView {
  /** The server's business date. */
  date: string;
  /** The stops of the driver's route on that date, in route order. */
  items: Array<SignedDeliveryView & { retailer: StopRetailerView }>;
}

/** Whose files a stop's attachments are (the retailer's signature): seen by whoever may see the stop. */
const DELIVERY = 'delivery';

export interface RetailerTodayView {
  /** The server's business date. */
  date: string;
  items: Array<DeliveryView & { doorCode: DoorCodeView }>;
}

/**
 * Delivery stops at the door: delivery staff of the route record arrival and receiver (a proxy receipt 代接货
 * only with name and reason, flagged) or a failed stop; the retailer confirms receipt on its own phone
 * 到户确认 (before the driver completes: its time is then the recorded one), or gives the driver its door code. A completion keeps the typed arrival as the driver's statement
 * and records the time punctuality is judged by (`recordCompletion`). Reads are scoped; every change is
 * audited in its transaction.
 */
@Injectable()
export class DeliveriesService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly doorCodes: DoorCodes,
    private readonly attachmentOwners: AttachmentOwners,
    private readonly attachments: AttachmentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.attachmentOwners.register(DELIVERY, {
      maySee: (actor, id) =>
        this.dataSource.manager
          .createQueryBuilder(Delivery, 'd')
          .where('d.id = :id', { id })
          .andWhere(...deliveryScopeCondition(actor))
          .getExists(),
    });
  }

  async list(actor: Actor, query: DeliveryQuery): Promise<Page<DeliveryView>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Delivery, 'd')
      .where(...deliveryScopeCondition(actor))
      .orderBy('d.delivery_date', 'DESC')
      .addOrderBy('d.route_id')
      .addOrderBy('d.position');
    if (query.date) qb.andWhere('d.delivery_date = :date', { date: query.date });
    if (query.routeId) qb.andWhere('d.route_id = :routeId', { routeId: query.routeId });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.retailerId) qb.andWhere('d.retailer_id = :retailerId', { retailerId: query.retailerId });
    if (query.proxyReceipt !== undefined)
      qb.andWhere(query.proxyReceipt ? `d.receiver = 'proxy'` : `d.receiver IS DISTINCT FROM 'proxy'`);
    const [items, total] = await qb.skip(pageOffset(query)).take(query.pageSize).getManyAndCount();
    return pageOf(items.map(toDeliveryView), total, query);
  }

  /** One stop with the feedback raised against it and the retailer's signature; out of scope is 404. */
  async get(actor: Actor, id: number) {
    const delivery = await deliveryInScope(this.dataSource.manager, actor, id);
    const feedback = await this.dataSource.manager.find(DeliveryFeedback, {
      where: { deliveryId: id },
      order: { raisedAt: 'ASC' },
    });
    const signatures = await this.signaturesOf([id]);
    return { ...toDeliveryView(delivery), signatureAttachmentId: signatures.get(id) ?? null, feedback };
  }

  /**
   * The retailer signs on the driver's phone for goods handed over: the drawing (PNG) is kept with the stop as
   * evidence of receipt, never of time (punctuality does not read it). After the completion only; a phone that
   * queued both sends the completion first. A later signature replaces none: the latest is the one shown.
   */
  async sign(actor: Actor, id: number, request: FastifyRequest): Promise<SignedDeliveryView> {
    const delivery = await deliveryInScope(this.dataSource.manager, actor, id);
    this.assertRouteStaff(actor, delivery);
    if (!maySign(delivery.status))
      throw deliveryError('DELIVERY_SIGNATURE_NOT_DELIVERED', { status: delivery.status });
    const signature = await this.attachments.prepareUpload(request, 'signature');
    return this.transactions.run(async (manager) => {
      const saved = await this.attachments.attach(
        manager,
        actor,
        signature,
        { kind: DELIVERY, id, departmentId: delivery.departmentId },
        'delivery.sign',
      );
      return { ...toDeliveryView(delivery), signatureAttachmentId: saved.id };
    });
  }

  /** The latest signature of each stop (one query for a list). */
  private async signaturesOf(ids: number[]): Promise<Map<number, number>> {
    const files = await this.attachments.summariesOf(DELIVERY, ids);
    return new Map(files.filter((f) => f.kind === 'signature').map((f) => [f.ownerId, f.id]));
  }

  /** The runs of a date with their stops by status (the supply point's and the route's day at a glance). */
  async runs(actor: Actor, query: DeliveryRunQuery) {
    const qb = this.dataSource
      .createQueryBuilder()
      .select([
        'd.run_id AS "runId"',
        'd.route_id AS "routeId"',
        `to_char(d.delivery_date, 'YYYY-MM-DD') AS "deliveryDate"`,
        'count(*)::int AS stops',
        'sum(d.cartons)::int AS cartons',
        // Still to be completed by the driver, whether or not the retailer has confirmed receipt already.
        `count(*) FILTER (WHERE d.status = ANY(:openStates))::int AS planned`,
        `count(*) FILTER (WHERE d.status IN ('delivered', 'confirmed'))::int AS delivered`,
        `count(*) FILTER (WHERE d.status = 'confirmed')::int AS confirmed`,
        `count(*) FILTER (WHERE d.status = 'failed')::int AS failed`,
        `count(*) FILTER (WHERE d.receiver = 'proxy')::int AS "proxyReceipts"`,
        'min(d.window_start) AS "firstWindowStart"',
        'max(d.window_end) AS "lastWindowEnd"',
      ])
      .from('deliveries', 'd')
      .where('d.delivery_date = :date', { date: query.date })
      .andWhere(...deliveryScopeCondition(actor))
      .setParameter('openStates', OPEN_DELIVERY_STATES)
      .groupBy('d.run_id, d.route_id, d.delivery_date')
      .orderBy('d.route_id');
    if (query.routeId) qb.andWhere('d.route_id = :routeId', { routeId: query.routeId });
    return qb.getRawMany();
  }

  async complete(actor: Actor, id: number, dto: CompleteDeliveryDto): Promise<DeliveryView> {
    return this.change(actor, id, 'complete', (delivery, now) => {
      this.assertRouteStaff(actor, delivery);
      const check = checkStopCompletion(dto, now);
      if (!check.ok) throw deliveryError(check.code, check.details, check.message);
      const { arrivedAt, receiver, receiverName, receiverRelation, reason } = check.value;
      const doorCodeAt = this.doorCodeTime(delivery, dto, now);
      const retailerConfirmedAt = delivery.status === 'received' ? delivery.confirmedAt : null;
      const recorded = recordCompletion(
        { receivedAt: now, statedArrivalAt: arrivedAt, doorCodeAt, retailerConfirmedAt },
        {
          statementToleranceMinutes: this.config.deliveryStatementToleranceMinutes,
          offlineBoundMinutes: this.config.deliveryOfflineBoundMinutes,
        },
      );
      return {
        arrivedAt,
        ...recorded,
        doorCodeAt,
        receiver,
        receiverName,
        receiverRelation,
        proxyReason: reason,
        completedBy: actor.userId,
        completedAt: now,
      };
    });
  }

  /**
   * The retailer's door code for its stop: given on the delivery date while the stop is not completed (the
   * retailer gives it to the driver at the door, whose phone may queue it offline); otherwise none, and why.
   */
  async doorCode(actor: Actor, id: number): Promise<DoorCodeView> {
    const delivery = await deliveryInScope(this.dataSource.manager, actor, id);
    return this.doorCodeOf(delivery, this.today());
  }

  /**
   * The retailer's stops of today (the server's business date), each with its door code: what the retailer's
   * phone shows to confirm receipt or to give the driver the code.
   */
  async retailerToday(actor: Actor): Promise<RetailerTodayView> {
    const today = this.today();
    const stops = await this.dataSource.manager
      .createQueryBuilder(Delivery, 'd')
      .where(...deliveryScopeCondition(actor))
      .andWhere('d.delivery_date = :today', { today })
      .orderBy('d.window_start')
      .addOrderBy('d.id')
      .getMany();
    return {
      date: today,
      items: stops.map((d) => ({ ...toDeliveryView(d), doorCode: this.doorCodeOf(d, today) })),
    };
  }

  /**
   * The driver's run of today (the server's business date): its route's stops in route order, each with the
   * retailer's shop, owner, phone and address, so the phone can call and map without another request.
   */
  async driverToday(actor: Actor): Promise<DriverRunView> {
    const today = this.today();
    const stops = await this.dataSource.manager
      .createQueryBuilder(Delivery, 'd')
      .innerJoinAndSelect('d.retailer', 'r')
      .where(...deliveryScopeCondition(actor))
      .andWhere('d.delivery_date = :today', { today })
      .orderBy('d.position')
      .addOrderBy('d.id')
      .getMany();
    const signatures = await this.signaturesOf(stops.map((d) => d.id));
    return {
      date: today,
      items: stops.map((d) => {
        const { shopName, ownerName, phone, address } = d.retailer as Retailer;
        return {
          ...toDeliveryView(d),
          signatureAttachmentId: signatures.get(d.id) ?? null,
          retailer: { shopName, ownerName, phone, address },
        };
      }),
    };
  }

  /** A code while the driver may still complete the stop, on its delivery date. */
  private doorCodeOf(delivery: Delivery, today: string): DoorCodeView {
    const unavailable =
      transitionDelivery(delivery.status, 'complete').ok === false
        ? 'completed'
        : delivery.deliveryDate !== today
          ? 'notDeliveryDate'
          : null;
    return {
      deliveryId: delivery.id,
      deliveryDate: delivery.deliveryDate,
      code: unavailable ? null : this.doorCodes.codeOf(delivery.id, delivery.deliveryDate),
      unavailable,
    };
  }

  private today(): string {
    return businessDate(this.clock.now(), this.config.timeZone);
  }

  /**
   * The phone's time of a door code that verifies: the code of this stop, entered on its delivery date and
   * not ahead of the server by more than a handheld clock's skew; a wrong code refuses the completion.
   */
  private doorCodeTime(delivery: Delivery, dto: CompleteDeliveryDto, now: Date): Date | null {
    if (dto.doorCode === undefined) {
      if (dto.doorCodeEnteredAt !== undefined)
        throw deliveryError('DELIVERY_DOOR_CODE_INVALID', { reason: 'missing' });
      return null;
    }
    const enteredAt = dto.doorCodeEnteredAt ?? now;
    const skewMs = DEFAULT_STOP_COMPLETION_POLICY.maxClockSkewMinutes * 60_000;
    const reason = !this.doorCodes.verifies(delivery.id, delivery.deliveryDate, dto.doorCode)
      ? 'wrong'
      : businessDate(enteredAt, this.config.timeZone) !== delivery.deliveryDate
        ? 'notDeliveryDate'
        : enteredAt.getTime() > now.getTime() + skewMs
          ? 'inFuture'
          : null;
    if (reason !== null) throw deliveryError('DELIVERY_DOOR_CODE_INVALID', { reason });
    return enteredAt;
  }

  /** Nobody to hand the goods to (the alternative to a proxy receipt): the stop fails, the goods go back. */
  async fail(actor: Actor, id: number, dto: FailDeliveryDto): Promise<DeliveryView> {
    return this.change(actor, id, 'fail', (delivery, now) => {
      this.assertRouteStaff(actor, delivery);
      return { failureReason: dto.reason.trim(), completedBy: actor.userId, completedAt: now };
    });
  }

  /**
   * 到户确认: the retailer confirms on its own phone that the goods arrived, on the delivery date only, before
   * the driver completes the stop (the server's time of it is then the stop's recorded time) or after.
   * Confirming again changes nothing: the first confirmation stands (a phone retrying is one confirmation).
   */
  async confirm(actor: Actor, id: number): Promise<DeliveryView> {
    return this.change(
      actor,
      id,
      'confirm',
      (delivery, now) => {
        if (businessDate(now, this.config.timeZone) !== delivery.deliveryDate)
          throw deliveryError('DELIVERY_CONFIRM_NOT_DELIVERY_DATE', { deliveryDate: delivery.deliveryDate });
        return { confirmedAt: now, confirmedBy: actor.userId };
      },
      (delivery) => delivery.confirmedAt !== null,
    );
  }

  /**
   * Load (locked, in scope: else 404) → check the lifecycle → apply → save and audit, in one transaction.
   * `done`: the change was made before (an idempotent event), so the stop is answered as it is.
   */
  private async change(
    actor: Actor,
    id: number,
    event: DeliveryEvent,
    decide: (delivery: Delivery, now: Date) => Partial<Delivery>,
    done: (delivery: Delivery) => boolean = () => false,
  ): Promise<DeliveryView> {
    return this.transactions.run(async (manager) => {
      const delivery = await deliveryInScope(manager, actor, id, true);
      if (done(delivery)) return toDeliveryView(delivery);
      const before = { ...delivery };
      const now = this.clock.now();
      const changes = decide(delivery, now);
      const status = orThrow(transitionDelivery(delivery.status, event), deliveryError);
      Object.assign(delivery, changes, { status });
      await manager.save(delivery);
      await this.audit.record(manager, actor, {
        action: `delivery.${event}`,
        entityType: 'delivery',
        entityId: delivery.id,
        before: outcomeOf(before),
        after: { ...outcomeOf(delivery), proxyReceipt: delivery.receiver === 'proxy' },
        departmentId: delivery.departmentId,
      });
      return toDeliveryView(delivery);
    });
  }

  private assertRouteStaff(actor: Actor, delivery: Delivery): void {
    if (actor.role !== 'delivery_staff' || actor.orgUnitId !== delivery.routeId)
      throw deliveryError('DELIVERY_NOT_YOUR_ROUTE', { routeId: delivery.routeId });
  }
}

/** What a stop's audit rows carry: its outcome, not the manifest. */
function outcomeOf(d: Delivery) {
  return {
    status: d.status,
    retailerId: d.retailerId,
    routeId: d.routeId,
    deliveryDate: d.deliveryDate,
    windowStart: d.windowStart,
    windowEnd: d.windowEnd,
    arrivedAt: d.arrivedAt,
    recordedAt: d.recordedAt,
    timeSource: d.timeSource,
    doorCodeAt: d.doorCodeAt,
    lateEntry: d.lateEntry,
    receiver: d.receiver,
    receiverName: d.receiverName,
    receiverRelation: d.receiverRelation,
    proxyReason: d.proxyReason,
    failureReason: d.failureReason,
    completedBy: d.completedBy,
    confirmedAt: d.confirmedAt,
  };
}
