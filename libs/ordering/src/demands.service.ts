import { orThrow } from '#libs/kernel';
import { createHash, randomInt } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource, type EntityManager, In } from 'typeorm';
import {
  type Actor,
  preparedQuery,
  Clock,
  commonError,
  DomainError,
  isInScope,
  notFound,
  type Page,
  pageOf,
  pageOffset,
  scopeCondition,
  TransactionRunner,
} from '#libs/shared';
import { AuditService } from '#libs/audit';
import { AttachmentOwners, AttachmentStore } from '#libs/attachments';
import { BrandDirectory } from '#libs/catalog';
import { type RetailerFacts, RetailerDirectory } from '#libs/retailers';
import { QuotaLedger } from '#libs/quotas';
import {
  demandWindowRefusal,
  INITIAL_DEMAND_STATE,
  transitionDemand,
  type DemandEvent,
  type DemandState,
} from './domain/index.js';
import { Demand, DemandConfirmationCode, DemandLine, OrderCycle } from './ordering.entity.js';
import { orderingError } from './ordering.errors.js';
import { type CycleContext, OrderCyclesService } from './order-cycles.service.js';
import type { CreateDemandDto, DemandLineDto, DemandQuery } from './dto/ordering.dto.js';
import type { DemandDecisionResult, DemandDecisionsResponse } from './dto/approvals.dto.js';

export interface DemandView {
  id: number;
  cycleId: number;
  retailerId: number;
  territoryId: number;
  channel: Demand['channel'];
  status: DemandState;
  totalCartons: number;
  lines: Array<{ brandId: number; cartons: number }>;
  submittedBy: number;
  submittedByRole: string;
  confirmedAt: Date | null;
  confirmedVia: Demand['confirmedVia'];
  /** The retailer's signature (`GET /api/attachments/{id}`) when it confirmed by signing. */
  signatureAttachmentId: number | null;
  approvedBy: number | null;
  approvedAt: Date | null;
  approvalComment: string | null;
  rejectedBy: number | null;
  rejectedAt: Date | null;
  rejectReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const CODE_TTL_MINUTES = 30;

/** The attachment store's name for a demand. */
const DEMAND = 'demand';

function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

function isLiveDemandConflict(error: unknown): boolean {
  const cause = (error as { driverError?: unknown })?.driverError ?? error;
  return (cause as { constraint?: string })?.constraint === 'uq_demands_live_per_cycle';
}

/**
 * Demand is the retailer's own (rule 6): it submits, amends and cancels its demand; an account manager may
 * only collect demand for a retailer that cannot order itself, which then needs the retailer's confirmation
 * and a market manager's signed approval before the cutoff. Every submission reserves quota in the same
 * transaction; a refused one reserves nothing.
 */
@Injectable()
export class DemandsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly retailers: RetailerDirectory,
    private readonly brands: BrandDirectory,
    private readonly ledger: QuotaLedger,
    private readonly cycles: OrderCyclesService,
    private readonly clock: Clock,
    private readonly attachmentOwners: AttachmentOwners,
    private readonly attachments: AttachmentStore,
  ) {}

  /** A demand's attachments (its signature) are seen by whoever may read the demand. */
  onModuleInit(): void {
    this.attachmentOwners.register(DEMAND, {
      maySee: (actor, demandId) =>
        this.dataSource.manager
          .createQueryBuilder(Demand, 'd')
          .where('d.id = :demandId', { demandId })
          .andWhere(...scopeCondition(actor.scope, 'd.territory_id', 'd.retailer_id'))
          .getExists(),
    });
  }

  async submit(actor: Actor, dto: CreateDemandDto, ip: string): Promise<DemandView> {
    this.assertChannelAllowed(actor, dto.channel);
    const [retailer, scarceBrandIds] = await Promise.all([
      this.retailerInScope(actor, dto.retailerId),
      this.assertLinesOrderable(dto.lines),
    ]);
    this.assertRetailerMayOrder(retailer);
    try {
      return await this.transactions.run(async (manager) => {
        const now = this.clock.now();
        const context = await this.cycleFor(manager, retailer, dto.channel, now);
        const { cycle } = context;
        if (context.hasLiveDemand) throw orderingError('DEMAND_ALREADY_EXISTS', { cycleId: cycle.id });
        const late = cycle.cutoffAt <= now;
        const confirmedByCode =
          dto.channel === 'collected' && dto.confirmationCode
            ? await this.useCode(manager, retailer.id, dto.confirmationCode, now)
            : false;
        const status: DemandState = confirmedByCode ? 'pending_approval' : INITIAL_DEMAND_STATE[dto.channel];
        await this.reserve(manager, retailer, context, dto.lines, 0, scarceBrandIds);
        const demand = manager.create(Demand, {
          cycleId: cycle.id,
          retailerId: retailer.id,
          territoryId: retailer.territoryId,
          serviceCenterId: retailer.serviceCenterId,
          departmentId: retailer.departmentId,
          channel: dto.channel,
          status,
          totalCartons: total(dto.lines),
          submittedBy: actor.userId,
          submittedByRole: actor.role,
          submittedFromIp: ip,
          confirmedAt: confirmedByCode ? now : null,
          confirmedVia: confirmedByCode ? 'code' : null,
        });
        await this.insertDemand(manager, demand, dto.lines);
        // The retailer has demand in the cycle after all: a no-demand record its account manager made before
        // the cutoff, or the cutoff made (collected late), gives way to it.
        await manager.query('DELETE FROM no_demand_records WHERE cycle_id = $1 AND retailer_id = $2', [
          cycle.id,
          retailer.id,
        ]);
        await this.audit.record(manager, actor, {
          action: 'demand.submit',
          entityType: 'demand',
          entityId: demand.id,
          after: {
            channel: dto.channel,
            status,
            retailerId: retailer.id,
            cycleId: cycle.id,
            lines: dto.lines,
            ...(late ? { afterCutoff: true } : {}),
          },
          departmentId: retailer.departmentId,
        });
        // The answer is built from what was written: no second round trip to read it back.
        return viewOf(demand, dto.lines, null);
      });
    } catch (error) {
      // Two submissions racing for one retailer: the unique index lets one through.
      if (isLiveDemandConflict(error)) throw orderingError('DEMAND_ALREADY_EXISTS');
      throw error;
    }
  }

  /** Replaces the lines before the cutoff: the retailer its own demand; the collecting account manager its collected one. */
  async amend(actor: Actor, id: number, lines: DemandLineDto[]): Promise<DemandView> {
    const scarceBrandIds = await this.assertLinesOrderable(lines);
    await this.change(actor, id, 'amend', async (manager, demand) => {
      const retailer = (await this.retailers.facts(demand.retailerId, manager))!;
      this.assertRetailerMayOrder(retailer);
      const context = (await this.cycles.cycleContext(
        manager,
        { cycleId: demand.cycleId },
        demand.retailerId,
      ))!;
      await this.reserve(manager, retailer, context, lines, demand.totalCartons, scarceBrandIds);
      const before = await manager.findBy(DemandLine, { demandId: id });
      await manager.delete(DemandLine, { demandId: id });
      await manager.insert(
        DemandLine,
        lines.map((line) => ({ demandId: id, brandId: line.brandId, cartons: line.cartons })),
      );
      demand.totalCartons = total(lines);
      // An amended collected demand goes back to the retailer: nothing it did not confirm is approved.
      Object.assign(demand, {
        confirmedAt: null,
        confirmedVia: null,
        confirmedFromIp: null,
        approvedBy: null,
        approvedAt: null,
        approvalComment: null,
      });
      return {
        before: { lines: before.map(({ brandId, cartons }) => ({ brandId, cartons })) },
        after: { lines },
      };
    });
    return this.get(actor, id);
  }

  async cancel(actor: Actor, id: number): Promise<DemandView> {
    await this.change(actor, id, 'cancel', async (manager, demand, cycle) => {
      await this.ledger.release(manager, demand.retailerId, cycle.orderDate.slice(0, 7), demand.totalCartons);
      return {};
    });
    return this.get(actor, id);
  }

  /** The retailer confirms, in its own account, demand its account manager collected for it. */
  async confirm(actor: Actor, id: number, ip: string): Promise<DemandView> {
    await this.change(actor, id, 'confirm', async (_manager, demand) => {
      Object.assign(demand, { confirmedAt: this.clock.now(), confirmedVia: 'account', confirmedFromIp: ip });
      return {};
    });
    return this.get(actor, id);
  }

  /**
   * The retailer confirms collected demand on its account manager's phone by signing on the screen: the
   * drawing (PNG) goes into the attachment store with the confirmation, in one transaction.
   */
  async confirmBySignature(actor: Actor, id: number, request: FastifyRequest): Promise<DemandView> {
    await this.get(actor, id);
    const signature = await this.attachments.prepareUpload(request, 'signature');
    await this.change(
      actor,
      id,
      'confirm',
      async (manager, demand) => {
        const saved = await this.attachments.save(manager, signature, {
          ownerKind: DEMAND,
          ownerId: id,
          uploadedBy: actor.userId,
        });
        Object.assign(demand, {
          confirmedAt: this.clock.now(),
          confirmedVia: 'signature',
          confirmedFromIp: request.ip,
        });
        return { after: { confirmedVia: 'signature', signatureAttachmentId: saved.id } };
      },
      'signature',
    );
    return this.get(actor, id);
  }

  /** A market manager of the center signs the approval: who and when are recorded. */
  async approve(actor: Actor, id: number, comment?: string): Promise<DemandView> {
    await this.change(actor, id, 'approve', async (_manager, demand) => {
      Object.assign(demand, {
        approvedBy: actor.userId,
        approvedAt: this.clock.now(),
        approvalComment: comment ?? null,
      });
      return { after: { approvedBy: actor.userId, comment: comment ?? null } };
    });
    return this.get(actor, id);
  }

  async reject(actor: Actor, id: number, reason: string): Promise<DemandView> {
    await this.change(actor, id, 'reject', async (manager, demand, cycle) => {
      Object.assign(demand, { rejectedBy: actor.userId, rejectedAt: this.clock.now(), rejectReason: reason });
      await this.ledger.release(manager, demand.retailerId, cycle.orderDate.slice(0, 7), demand.totalCartons);
      return { after: { reason } };
    });
    return this.get(actor, id);
  }

  /** A one-time code the retailer reads out to its account manager to confirm collected demand. */
  async issueConfirmationCode(actor: Actor, ip: string): Promise<{ code: string; expiresAt: Date }> {
    if (actor.scope.kind !== 'retailer') throw commonError('FORBIDDEN');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(this.clock.now().getTime() + CODE_TTL_MINUTES * 60_000);
    await this.dataSource.manager.insert(DemandConfirmationCode, {
      retailerId: actor.scope.retailerId,
      codeHash: hashCode(code),
      expiresAt,
      issuedFromIp: ip,
    });
    return { code, expiresAt };
  }

  async list(actor: Actor, query: DemandQuery): Promise<Page<DemandView>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Demand, 'd')
      .where(...scopeCondition(actor.scope, 'd.territory_id', 'd.retailer_id'))
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC');
    if (query.cycleId) qb.andWhere('d.cycle_id = :cycleId', { cycleId: query.cycleId });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.channel) qb.andWhere('d.channel = :channel', { channel: query.channel });
    if (query.territoryId) qb.andWhere('d.territory_id = :territoryId', { territoryId: query.territoryId });
    if (query.retailerId) qb.andWhere('d.retailer_id = :retailerId', { retailerId: query.retailerId });
    const [demands, count] = await qb.skip(pageOffset(query)).take(query.pageSize).getManyAndCount();
    return pageOf(await this.withLines(demands), count, query);
  }

  async get(actor: Actor, id: number): Promise<DemandView> {
    const demand = await this.dataSource.manager
      .createQueryBuilder(Demand, 'd')
      .where('d.id = :id', { id })
      .andWhere(...scopeCondition(actor.scope, 'd.territory_id', 'd.retailer_id'))
      .getOne();
    if (!demand) throw notFound('demand', id);
    return (await this.withLines([demand]))[0];
  }

  /**
   * One state change of a demand: locked, checked against the lifecycle table, who may do it and whether its
   * cycle is still open, then changed and audited in one transaction. Concurrent changes queue on the row lock,
   * so exactly one of them finds the state it needs.
   */
  private async change(
    actor: Actor,
    id: number,
    event: DemandEvent,
    apply: (
      manager: EntityManager,
      demand: Demand,
      cycle: OrderCycle,
    ) => Promise<{ before?: object; after?: object }>,
    confirmedVia?: 'signature',
  ): Promise<void> {
    await this.transactions.run(async (manager) => {
      const demand = await manager.findOne(Demand, { where: { id }, lock: { mode: 'pessimistic_write' } });
      // Shared lock: a cutoff running now waits for this change, or this change sees the cycle closed.
      const cycle = demand
        ? await manager.findOne(OrderCycle, {
            where: { id: demand.cycleId },
            lock: { mode: 'pessimistic_read' },
          })
        : null;
      const next = this.nextState(actor, id, demand, cycle, event, confirmedVia);
      const statusBefore = demand!.status;
      const { before, after } = await apply(manager, demand!, cycle!);
      demand!.status = next;
      await manager.save(demand);
      await this.audit.record(manager, actor, {
        action: `demand.${event}`,
        entityType: 'demand',
        entityId: id,
        before: { status: statusBefore, ...before },
        after: { status: next, ...after },
        departmentId: demand!.departmentId,
      });
    });
  }

  /**
   * A market manager's decision on many collected demands in one transaction: every demand gets the checks
   * one demand's request would make and its own result (a refused one says why and changes nothing); those
   * that pass are decided by one update, released (rejections) and audited one row each, set-based.
   */
  async decideMany(
    actor: Actor,
    ids: number[],
    event: 'approve' | 'reject',
    note: { comment?: string; reason?: string },
  ): Promise<DemandDecisionsResponse> {
    return this.transactions.run(async (manager) => {
      // Locked in id order, then their cycles shared, as one demand's change locks them: no deadlock between the two.
      const demands = await manager
        .createQueryBuilder(Demand, 'd')
        .where('d.id = ANY(:ids)', { ids })
        .orderBy('d.id')
        .setLock('pessimistic_write')
        .getMany();
      const cycleIds = [...new Set(demands.map((d) => d.cycleId))].sort((a, b) => a - b);
      const cycles = cycleIds.length
        ? await manager
            .createQueryBuilder(OrderCycle, 'c')
            .where('c.id = ANY(:cycleIds)', { cycleIds })
            .orderBy('c.id')
            .setLock('pessimistic_read')
            .getMany()
        : [];
      const demandById = new Map(demands.map((d) => [d.id, d]));
      const cycleById = new Map(cycles.map((c) => [c.id, c]));
      const outcome = event === 'approve' ? 'approved' : 'rejected';
      const decided: Array<{ demand: Demand; cycle: OrderCycle; next: DemandState }> = [];
      const results = ids.map((id): DemandDecisionResult => {
        const demand = demandById.get(id) ?? null;
        const cycle = demand ? (cycleById.get(demand.cycleId) ?? null) : null;
        try {
          const next = this.nextState(actor, id, demand, cycle, event);
          decided.push({ demand: demand!, cycle: cycle!, next });
          return { demandId: id, outcome, status: next };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return {
            demandId: id,
            outcome: 'refused',
            code: error.code,
            message: error.message,
            details: error.details,
          };
        }
      });
      if (decided.length) {
        const now = this.clock.now();
        const fields =
          event === 'approve'
            ? { approvedBy: actor.userId, approvedAt: now, approvalComment: note.comment ?? null }
            : { rejectedBy: actor.userId, rejectedAt: now, rejectReason: note.reason! };
        const next = decided[0].next;
        await manager.update(
          Demand,
          { id: In(decided.map(({ demand }) => demand.id)) },
          { ...fields, status: next },
        );
        if (event === 'reject') {
          await this.ledger.releaseMany(
            manager,
            decided.map(({ demand, cycle }) => ({
              retailerId: demand.retailerId,
              month: cycle.orderDate.slice(0, 7),
              cartons: demand.totalCartons,
            })),
          );
        }
        const after =
          event === 'approve'
            ? { approvedBy: actor.userId, comment: note.comment ?? null }
            : { reason: note.reason };
        await this.audit.record(
          manager,
          actor,
          ...decided.map(({ demand }) => ({
            action: `demand.${event}`,
            entityType: 'demand',
            entityId: demand.id,
            before: { status: demand.status },
            after: { status: next, ...after },
            departmentId: demand.departmentId,
          })),
        );
      }
      return { results, decided: decided.length, refused: ids.length - decided.length };
    });
  }

  /**
   * The state `event` leads to, or why not: out of scope (404), not this role's to do, after the cycle's unified
   * order (collected demand), not from this state, or outside the time the demand's channel may change in it
   * (demand-window.rule.ts).
   */
  private nextState(
    actor: Actor,
    id: number,
    demand: Demand | null,
    cycle: OrderCycle | null,
    event: DemandEvent,
    confirmedVia?: 'signature',
  ): DemandState {
    if (!demand || !cycle || !isInScope(actor.scope, demand.territoryId, demand.retailerId))
      throw notFound('demand', id);
    this.assertActorMay(actor, demand, event, confirmedVia);
    const refusal = demandWindowRefusal(demand.channel, cycle, this.clock.now());
    const refused = () => orderingError(refusal!, { cycleId: cycle.id, cutoffAt: cycle.cutoffAt });
    // After the unified order, collected demand is refused by that, whatever state it ended in.
    if (refusal === 'CYCLE_CONSOLIDATED') throw refused();
    const next = orThrow(transitionDemand(demand.channel, demand.status, event), orderingError);
    if (refusal) throw refused();
    return next;
  }

  /** Who may trigger what; the lifecycle table only knows the order of events. */
  private assertActorMay(actor: Actor, demand: Demand, event: DemandEvent, confirmedVia?: 'signature'): void {
    const ownRetailer = actor.scope.kind === 'retailer' && actor.scope.retailerId === demand.retailerId;
    switch (event) {
      case 'amend':
      case 'cancel':
        if (demand.channel === 'self') {
          // The retailer's own demand: no account manager may change it (rule 6); a phone clerk may, for the retailer.
          if (ownRetailer || actor.role === 'supply_clerk') return;
          throw orderingError('DEMAND_NOT_EDITABLE');
        }
        if (actor.role === 'account_manager' || (event === 'cancel' && ownRetailer)) return;
        throw orderingError('DEMAND_NOT_EDITABLE');
      case 'confirm':
        // In its own account; or by its signature, drawn on the collecting account manager's screen.
        if (ownRetailer || (confirmedVia === 'signature' && actor.role === 'account_manager')) return;
        throw commonError('FORBIDDEN', undefined, 'Only the retailer confirms demand collected for it');
      case 'approve':
      case 'reject':
        if (actor.role === 'market_manager') return;
        throw commonError(
          'FORBIDDEN',
          undefined,
          'Only a market manager of the center approves collected demand',
        );
      default:
        throw commonError('FORBIDDEN');
    }
  }

  /**
   * The cycle a new demand goes into: the territory's open one; for collected demand with none open, the
   * latest cycle cut off and not yet consolidated (rule 6: the retailer who missed its window).
   */
  private async cycleFor(
    manager: EntityManager,
    retailer: RetailerFacts,
    channel: CreateDemandDto['channel'],
    now: Date,
  ): Promise<CycleContext> {
    const open = await this.cycles.cycleContext(
      manager,
      { territoryId: retailer.territoryId, now },
      retailer.id,
    );
    if (open) return open;
    const late =
      channel === 'collected'
        ? await this.cycles.cycleContext(
            manager,
            { territoryId: retailer.territoryId, cutOffBy: now },
            retailer.id,
          )
        : null;
    if (!late) throw orderingError('CYCLE_CLOSED', { territoryId: retailer.territoryId });
    const refusal = demandWindowRefusal(channel, late.cycle, now);
    if (refusal) throw orderingError(refusal, { cycleId: late.cycle.id, cutoffAt: late.cycle.cutoffAt });
    return late;
  }

  private assertChannelAllowed(actor: Actor, channel: CreateDemandDto['channel']): void {
    const allowed =
      channel === 'self'
        ? actor.role === 'retailer' || actor.role === 'supply_clerk'
        : actor.role === 'account_manager';
    if (!allowed) throw orderingError('DEMAND_CHANNEL_NOT_ALLOWED', { channel, role: actor.role });
  }

  private assertRetailerMayOrder(retailer: RetailerFacts): void {
    if (retailer.status !== 'active') throw orderingError('RETAILER_SUSPENDED', { status: retailer.status });
    const today = this.cycles.today();
    if (retailer.licenseValidTo !== null && retailer.licenseValidTo < today) {
      throw orderingError('RETAILER_LICENSE_EXPIRED', { licenseValidTo: retailer.licenseValidTo });
    }
  }

  /** Checks the lines' specs exist, are on sale and appear once; returns those that are scarce. */
  private async assertLinesOrderable(lines: DemandLineDto[]): Promise<number[]> {
    const ids = lines.map((line) => line.brandId);
    const duplicate = ids.find((brandId, index) => ids.indexOf(brandId) !== index);
    if (duplicate !== undefined) {
      throw commonError('VALIDATION_FAILED', [
        { field: 'lines', errors: [`specification ${duplicate} is listed twice`] },
      ]);
    }
    const brands = await this.brands.factsOf(ids);
    const unknown = ids.filter((brandId) => !brands.some((brand) => brand.id === brandId));
    if (unknown.length) throw orderingError('BRAND_UNKNOWN', { brandIds: unknown });
    const inactive = brands.filter((brand) => !brand.active).map((brand) => brand.id);
    if (inactive.length) throw orderingError('BRAND_INACTIVE', { brandIds: inactive });
    return brands.filter((brand) => brand.scarce).map((brand) => brand.id);
  }

  private async reserve(
    manager: EntityManager,
    retailer: RetailerFacts,
    { cycle, position }: CycleContext,
    lines: DemandLineDto[],
    previousCartons: number,
    scarceBrandIds: number[],
  ) {
    await this.ledger.reserve(manager, {
      retailer,
      month: position.month,
      // Scarce limits are per order week: a cycle moved into the week before still orders its own week's.
      weekStart: cycle.orderWeek,
      remainingCycles: position.remainingCycles,
      lines,
      previousCartons,
      scarceBrandIds,
    });
  }

  /** The demand and its lines in one prepared statement: this runs for every submission. */
  private async insertDemand(manager: EntityManager, demand: Demand, lines: DemandLineDto[]): Promise<void> {
    const [row] = await preparedQuery<{ id: number; created_at: Date; updated_at: Date }>(
      manager,
      `WITH demand AS (
         INSERT INTO demands (cycle_id, retailer_id, territory_id, service_center_id, department_id, channel, status, total_cartons,
                              submitted_by, submitted_by_role, submitted_from_ip, confirmed_at, confirmed_via)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id, created_at, updated_at),
       lines AS (
         INSERT INTO demand_lines (demand_id, brand_id, cartons)
         SELECT demand.id, line.brand_id, line.cartons FROM demand, unnest($14::int[], $15::int[]) AS line(brand_id, cartons))
       SELECT id, created_at, updated_at FROM demand`,
      [
        demand.cycleId,
        demand.retailerId,
        demand.territoryId,
        demand.serviceCenterId,
        demand.departmentId,
        demand.channel,
        demand.status,
        demand.totalCartons,
        demand.submittedBy,
        demand.submittedByRole,
        demand.submittedFromIp,
        demand.confirmedAt,
        demand.confirmedVia,
        lines.map((line) => line.brandId),
        lines.map((line) => line.cartons),
      ],
    );
    Object.assign(demand, { id: row.id, createdAt: row.created_at, updatedAt: row.updated_at });
  }

  /** Uses a retailer's confirmation code: valid, unused, unexpired; consumed atomically. */
  private async useCode(
    manager: EntityManager,
    retailerId: number,
    code: string,
    now: Date,
  ): Promise<boolean> {
    const [used]: [unknown[], number] = await manager.query(
      `UPDATE demand_confirmation_codes SET used_at = $3
        WHERE id = (SELECT id FROM demand_confirmation_codes WHERE retailer_id = $1 AND code_hash = $2 AND used_at IS NULL AND expires_at > $3
                    ORDER BY id DESC LIMIT 1 FOR UPDATE)
        RETURNING id`,
      [retailerId, hashCode(code), now],
    );
    if (!used.length) throw orderingError('CONFIRMATION_CODE_INVALID');
    return true;
  }

  private async retailerInScope(actor: Actor, retailerId: number): Promise<RetailerFacts> {
    const retailer = await this.retailers.facts(retailerId);
    if (!retailer || !isInScope(actor.scope, retailer.territoryId, retailer.id))
      throw notFound('retailer', retailerId);
    return retailer;
  }

  /** Demands with their lines and signatures (two queries for a whole list). */
  private async withLines(demands: Demand[]): Promise<DemandView[]> {
    if (!demands.length) return [];
    const ids = demands.map((d) => d.id);
    const signatures = new Map(
      (await this.attachments.summariesOf(DEMAND, ids))
        .filter((attachment) => attachment.kind === 'signature')
        // Oldest first: the latest signature of a demand wins (an amendment asks for a new one).
        .map((attachment) => [attachment.ownerId, attachment.id]),
    );
    const lines: Array<{ demand_id: number; brand_id: number; cartons: number }> =
      await this.dataSource.query(
        'SELECT demand_id, brand_id, cartons FROM demand_lines WHERE demand_id = ANY($1) ORDER BY demand_id, brand_id',
        [demands.map((d) => d.id)],
      );
    return demands.map((d) =>
      viewOf(
        d,
        lines.filter((l) => l.demand_id === d.id).map((l) => ({ brandId: l.brand_id, cartons: l.cartons })),
        d.confirmedVia === 'signature' ? (signatures.get(d.id) ?? null) : null,
      ),
    );
  }
}

function viewOf(
  d: Demand,
  lines: Array<{ brandId: number; cartons: number }>,
  signatureAttachmentId: number | null,
): DemandView {
  return {
    id: d.id,
    cycleId: d.cycleId,
    retailerId: d.retailerId,
    territoryId: d.territoryId,
    channel: d.channel,
    status: d.status,
    totalCartons: d.totalCartons,
    lines: [...lines]
      .sort((a, b) => a.brandId - b.brandId)
      .map(({ brandId, cartons }) => ({ brandId, cartons })),
    submittedBy: d.submittedBy,
    submittedByRole: d.submittedByRole,
    confirmedAt: d.confirmedAt ?? null,
    confirmedVia: d.confirmedVia ?? null,
    signatureAttachmentId,
    approvedBy: d.approvedBy ?? null,
    approvedAt: d.approvedAt ?? null,
    approvalComment: d.approvalComment ?? null,
    rejectedBy: d.rejectedBy ?? null,
    rejectedAt: d.rejectedAt ?? null,
    rejectReason: d.rejectReason ?? null,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

function total(lines: DemandLineDto[]): number {
  return lines.reduce((sum, line) => sum + line.cartons, 0);
}
