import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  Clock,
  isInScope,
  notFound,
  TransactionRunner,
} from '#libs/shared';
import { businessMonth, firstDayOfMonth, orThrow } from '#libs/kernel';
import { AuditService, type AuditActor } from '#libs/audit';
import { type RetailerFacts, RetailerDirectory } from '#libs/retailers';
import { cycleAllowance, rebalanceCaps } from './domain/index.js';
import { CyclesLeft } from './cycles-left.js';
import { QuotaCalculator } from './quota-calculator.js';
import { QuotaPolicyService } from './quota-policy.service.js';
import { RetailerQuota } from './quota.entity.js';
import { quotaError } from './quota.errors.js';
import type { RebalanceDto } from './dto/quota.dto.js';

export interface QuotaView {
  retailerId: number;
  month: string;
  agreedTotal: number;
  floatBp: number;
  floatPercent: number;
  cap: number;
  used: number;
  reserved: number;
  remaining: number;
  /** What the retailer may still order in its next cycle of the month (pacing). */
  cycleAllowance: number;
  remainingCycles: number;
  /** True when the month's quotas were not computed yet: the figures are what the computation would give. */
  provisional: boolean;
  explanation: Record<string, unknown>;
}

@Injectable()
export class QuotaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly retailers: RetailerDirectory,
    private readonly policies: QuotaPolicyService,
    private readonly calculator: QuotaCalculator,
    private readonly cyclesLeft: CyclesLeft,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  currentMonth(): string {
    return businessMonth(this.clock.now(), this.config.timeZone);
  }

  /**
   * Computes a month's quotas for every active retailer of the departments (all when omitted), in one
   * transaction, serialised per month. Recomputing never takes away what was already ordered or reserved.
   */
  async compute(actor: AuditActor, month: string, departmentIds?: number[], within?: EntityManager) {
    this.assertNotPast(month);
    const work = async (manager: EntityManager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `quota-compute:${month}`,
      ]);
      const retailers = await this.retailers.activeIn(departmentIds, manager);
      const computed = await this.calculator.calculate(manager, retailers, month);
      await this.calculator.save(manager, computed, month);
      const summary = {
        month,
        retailers: computed.length,
        totalCap: computed.reduce((sum, c) => sum + c.quota.effectiveCap, 0),
        keptAtAlreadyUsed: computed.filter((c) => c.quota.explanation.capKeptAtAlreadyUsed).length,
      };
      await this.audit.record(manager, actor, {
        action: 'quota.compute',
        entityType: 'quota_month',
        entityId: month,
        after: { ...summary, departmentIds: departmentIds ?? 'all' },
        departmentId: departmentIds?.length === 1 ? departmentIds[0] : undefined,
      });
      return summary;
    };
    return within ? work(within) : this.transactions.run(work);
  }

  /** A retailer's quota for a month, with its pacing allowance; within the caller's scope only. */
  async view(actor: Actor, retailerId: number, month: string): Promise<QuotaView> {
    const retailer = await this.retailers.facts(retailerId);
    if (!retailer || !isInScope(actor.scope, retailer.territoryId, retailer.id))
      throw notFound('retailer', retailerId);
    const stored = await this.dataSource.manager.findOneBy(RetailerQuota, {
      retailerId,
      month: firstDayOfMonth(month),
    });
    const quota = stored ?? (await this.provisional(retailer, month));
    const policy = await this.policies.policyFor(retailer.departmentId);
    // The territory's cycles, counted as the reservation counts them (holidays and moves included).
    const remainingCycles = await this.cyclesLeft.inMonth(retailer.territoryId, month, this.clock.now());
    const consumed = quota.used + quota.reserved;
    return {
      retailerId,
      month,
      agreedTotal: quota.agreedTotal,
      floatBp: quota.floatBp,
      floatPercent: quota.floatBp / 100,
      cap: quota.cap,
      used: quota.used,
      reserved: quota.reserved,
      remaining: Math.max(0, quota.cap - consumed),
      cycleAllowance: cycleAllowance({
        monthlyCap: quota.cap,
        usedBeforeCycle: consumed,
        remainingCycles,
        pacingFactorBp: policy.pacingFactorBp,
      }),
      remainingCycles,
      provisional: !stored,
      explanation: quota.explanation,
    };
  }

  /** A market manager sets the agreed monthly total 商定总量 of a retailer of its center; the cap follows. */
  async setAgreedTotal(actor: Actor, retailerId: number, month: string, cartons: number) {
    this.assertNotPast(month);
    await this.transactions.run(async (manager) => {
      const retailer = await this.retailerInScope(actor, retailerId, manager);
      const before = await manager.findOne(RetailerQuota, {
        where: { retailerId, month: firstDayOfMonth(month) },
        lock: { mode: 'pessimistic_write' },
      });
      const computed = await this.calculator.calculate(
        manager,
        [retailer],
        month,
        new Map([[retailerId, cartons]]),
      );
      await this.calculator.save(manager, computed, month, true);
      const { quota } = computed[0];
      await this.audit.record(manager, actor, {
        action: 'quota.set_agreed_total',
        entityType: 'retailer_quota',
        entityId: `${retailerId}:${month}`,
        before: before ? { agreedTotal: before.agreedTotal, cap: before.cap } : null,
        after: { agreedTotal: cartons, cap: quota.effectiveCap },
        departmentId: retailer.departmentId,
      });
    });
    return this.view(actor, retailerId, month);
  }

  /**
   * Moves cap between retailers of one territory or one service center (rule 4): all or nothing, the total
   * unchanged, nobody below what it already ordered or reserved. Rows are locked in id order (no deadlocks)
   * so concurrent submissions see either the old caps or the new ones.
   */
  async rebalance(actor: Actor, dto: RebalanceDto) {
    this.assertNotPast(dto.month);
    return this.transactions.run(async (manager) => {
      const ids = [...new Set(dto.caps.map((c) => c.retailerId))].sort((a, b) => a - b);
      const facts = (await this.retailers.factsOf(ids, manager)).filter((r) =>
        isInScope(actor.scope, r.territoryId, r.id),
      );
      await this.ensureQuotas(manager, facts, dto.month);
      const quotas: RetailerQuota[] = await manager
        .createQueryBuilder(RetailerQuota, 'q')
        .setLock('pessimistic_write')
        .where('q.retailer_id = ANY(:ids) AND q.month = :month', {
          ids: facts.map((r) => r.id),
          month: firstDayOfMonth(dto.month),
        })
        .orderBy('q.retailer_id')
        .getMany();
      const sameTerritory = new Set(facts.map((r) => r.territoryId)).size === 1;
      const sameCenter = new Set(facts.map((r) => r.serviceCenterId)).size === 1;
      if (facts.length && !sameTerritory && !sameCenter) throw quotaError('QUOTA_REBALANCE_SCOPE');
      const caps = orThrow(
        rebalanceCaps(
          quotas.map((q) => ({ retailerId: String(q.retailerId), cap: q.cap, used: q.used + q.reserved })),
          dto.caps.map((c) => ({ retailerId: String(c.retailerId), cap: c.cap })),
        ),
        quotaError,
      );
      const adjustment = {
        kind: 'rebalance',
        at: this.clock.now().toISOString(),
        by: actor.userId,
        reason: dto.reason,
      };
      await manager.query(
        `UPDATE retailer_quotas q SET cap = c.cap, updated_at = now(),
           explanation = jsonb_set(q.explanation, '{adjustments}',
             COALESCE(q.explanation->'adjustments', '[]'::jsonb) || jsonb_build_array($3::jsonb || jsonb_build_object('capBefore', q.cap, 'capAfter', c.cap)))
           FROM jsonb_to_recordset($1::jsonb) AS c(retailer_id int, cap int)
          WHERE q.retailer_id = c.retailer_id AND q.month = $2`,
        [
          JSON.stringify(caps.map((v) => ({ retailer_id: Number(v.retailerId), cap: v.cap }))),
          firstDayOfMonth(dto.month),
          JSON.stringify(adjustment),
        ],
      );
      await this.audit.record(
        manager,
        actor,
        ...caps.map((v) => ({
          action: 'quota.rebalance',
          entityType: 'retailer_quota',
          entityId: `${v.retailerId}:${dto.month}`,
          before: { cap: v.previousCap },
          after: { cap: v.cap, reason: dto.reason },
        })),
      );
      const total = caps.reduce((sum, v) => sum + v.cap, 0);
      return {
        month: dto.month,
        total,
        caps: caps.map((v) => ({
          retailerId: Number(v.retailerId),
          previousCap: v.previousCap,
          cap: v.cap,
        })),
      };
    });
  }

  /** Makes sure each retailer has its quota row for the month (computing it when the monthly run has not). */
  async ensureQuotas(manager: EntityManager, retailers: RetailerFacts[], month: string): Promise<void> {
    if (!retailers.length) return;
    const present: Array<{ retailer_id: number }> = await manager.query(
      'SELECT retailer_id FROM retailer_quotas WHERE retailer_id = ANY($1) AND month = $2',
      [retailers.map((r) => r.id), firstDayOfMonth(month)],
    );
    const missing = retailers.filter((r) => !present.some((p) => p.retailer_id === r.id));
    if (missing.length) {
      const computed = await this.calculator.calculate(manager, missing, month);
      await this.calculator.save(manager, computed, month, false, true);
    }
  }

  private async provisional(retailer: RetailerFacts, month: string) {
    const [{ quota }] = await this.calculator.calculate(this.dataSource.manager, [retailer], month);
    return {
      agreedTotal: quota.agreedTotal,
      floatBp: quota.floatBp,
      cap: quota.effectiveCap,
      used: 0,
      reserved: 0,
      explanation: { ...quota.explanation },
    };
  }

  private async retailerInScope(
    actor: Actor,
    retailerId: number,
    manager: EntityManager,
  ): Promise<RetailerFacts> {
    const retailer = await this.retailers.facts(retailerId, manager);
    if (!retailer || !isInScope(actor.scope, retailer.territoryId, retailer.id))
      throw notFound('retailer', retailerId);
    return retailer;
  }

  private assertNotPast(month: string) {
    if (month < this.currentMonth()) throw quotaError('QUOTA_MONTH_CLOSED', { month });
  }
}
