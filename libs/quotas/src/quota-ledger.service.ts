import { preparedQuery } from '#libs/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RetailerFacts } from '#libs/retailers';
import { firstDayOfMonth } from '#libs/kernel';
import { cycleAllowance, scarceLimitOf } from './domain/index.js';
import { QuotaPolicyService } from './quota-policy.service.js';
import { QuotaService } from './quota.service.js';
import { RetailerQuota } from './quota.entity.js';
import { quotaError } from './quota.errors.js';

export interface DemandLine {
  brandId: number;
  cartons: number;
}

export interface ReserveRequest {
  retailer: RetailerFacts;
  /** The month of the cycle, YYYY-MM. */
  month: string;
  /** The Monday of the cycle's order week (scarce limits are set per week). */
  weekStart: string;
  /** Cycles of the month still open to this retailer, this one included. */
  remainingCycles: number;
  /** The whole demand of the retailer in this cycle. */
  lines: DemandLine[];
  /** What the retailer already holds reserved in this cycle (an amendment replaces it); 0 for a new demand. */
  previousCartons: number;
  /** The lines' specs that are scarce 紧俏 (only those can carry supply limits). */
  scarceBrandIds: number[];
}

type LockedQuota = Pick<RetailerQuota, 'cap' | 'used' | 'reserved'>;

export interface Settlement {
  retailerId: number;
  month: string;
  /** Cartons that were reserved for the demand. */
  reserved: number;
  /** Cartons actually ordered (≤ reserved when a supply ratio cut the demand). */
  ordered: number;
}

/**
 * Quota consumption, used by ordering inside its own transactions: reserve when demand is submitted,
 * release when it is cancelled, rejected or expires, settle at consolidation. The quota row is locked
 * (FOR UPDATE) before the pacing rule decides, so concurrent submissions cannot over-reserve; the
 * CHECK (used + reserved ≤ cap) backs it in the database.
 */
@Injectable()
export class QuotaLedger {
  constructor(
    private readonly quotas: QuotaService,
    private readonly policies: QuotaPolicyService,
  ) {}

  async reserve(manager: EntityManager, request: ReserveRequest): Promise<{ cycleAllowance: number }> {
    const { retailer, month, lines, previousCartons } = request;
    if (request.scarceBrandIds.length) await this.assertScarceLimits(manager, request);
    const quota = await this.lockQuota(manager, retailer, month);
    const requested = lines.reduce((sum, line) => sum + line.cartons, 0);
    const { pacingFactorBp } = await this.policies.currentPolicy(retailer.departmentId, manager);
    const usedBeforeCycle = Math.max(0, quota.used + quota.reserved - previousCartons);
    const allowance = cycleAllowance({
      monthlyCap: quota.cap,
      usedBeforeCycle,
      remainingCycles: Math.max(1, request.remainingCycles),
      pacingFactorBp,
    });
    if (requested > allowance) {
      throw quotaError('QUOTA_EXCEEDED', {
        requested,
        remaining: allowance,
        monthlyRemaining: Math.max(0, quota.cap - usedBeforeCycle),
        cap: quota.cap,
      });
    }
    await preparedQuery(
      manager,
      'UPDATE retailer_quotas SET reserved = reserved - $3 + $4, updated_at = now() WHERE retailer_id = $1 AND month = $2',
      [retailer.id, firstDayOfMonth(month), previousCartons, requested],
    );
    return { cycleAllowance: allowance };
  }

  /** The retailer's quota row for the month, locked; computed first when the monthly run has not made it. */
  private async lockQuota(
    manager: EntityManager,
    retailer: RetailerFacts,
    month: string,
  ): Promise<LockedQuota> {
    const lock = async () =>
      (
        await preparedQuery<LockedQuota>(
          manager,
          'SELECT cap, used, reserved FROM retailer_quotas WHERE retailer_id = $1 AND month = $2 FOR UPDATE',
          [retailer.id, firstDayOfMonth(month)],
        )
      )[0];
    const quota = await lock();
    if (quota) return quota;
    await this.quotas.ensureQuotas(manager, [retailer], month);
    return (await lock())!;
  }

  async release(manager: EntityManager, retailerId: number, month: string, cartons: number): Promise<void> {
    await this.releaseMany(manager, [{ retailerId, month, cartons }]);
  }

  /** Gives back reservations (cancelled, rejected or expired demand), set-based. */
  async releaseMany(
    manager: EntityManager,
    releases: Array<{ retailerId: number; month: string; cartons: number }>,
  ): Promise<void> {
    if (!releases.length) return;
    await manager.query(
      `UPDATE retailer_quotas q SET reserved = q.reserved - r.cartons, updated_at = now()
         FROM (SELECT retailer_id, month::date, sum(cartons)::int AS cartons
                 FROM jsonb_to_recordset($1::jsonb) AS x(retailer_id int, month text, cartons int) GROUP BY 1, 2) r
        WHERE q.retailer_id = r.retailer_id AND q.month = r.month`,
      [
        JSON.stringify(
          releases.map((r) => ({
            retailer_id: r.retailerId,
            month: firstDayOfMonth(r.month),
            cartons: r.cartons,
          })),
        ),
      ],
    );
  }

  /** Consolidation: reservations become orders (what a supply ratio cut is given back), set-based. */
  async settle(manager: EntityManager, settlements: Settlement[]): Promise<void> {
    if (!settlements.length) return;
    await manager.query(
      `UPDATE retailer_quotas q SET reserved = q.reserved - s.reserved, used = q.used + s.ordered, updated_at = now()
         FROM (SELECT retailer_id, month::date, sum(reserved)::int AS reserved, sum(ordered)::int AS ordered
                 FROM jsonb_to_recordset($1::jsonb) AS x(retailer_id int, month text, reserved int, ordered int) GROUP BY 1, 2) s
        WHERE q.retailer_id = s.retailer_id AND q.month = s.month`,
      [
        JSON.stringify(
          settlements.map((s) => ({
            retailer_id: s.retailerId,
            month: firstDayOfMonth(s.month),
            reserved: s.reserved,
            ordered: s.ordered,
          })),
        ),
      ],
    );
  }

  /** Scarce specs of the week may carry a per-retailer limit by grade (a supply limit, never a duty). */
  private async assertScarceLimits(manager: EntityManager, request: ReserveRequest): Promise<void> {
    const brandIds = request.scarceBrandIds;
    const rows: Array<{ brand_id: number; market_type: 'urban' | 'rural' | null; limits: number[] }> =
      await manager.query(
        `SELECT brand_id, market_type, limits FROM scarce_limits
        WHERE department_id = $1 AND week_start = $2 AND brand_id = ANY($3)`,
        [request.retailer.departmentId, request.weekStart, brandIds],
      );
    for (const line of request.lines.filter((l) => brandIds.includes(l.brandId))) {
      const vectors = rows
        .filter((row) => row.brand_id === line.brandId)
        .map((row) => ({ marketType: row.market_type, limits: row.limits }));
      const limit = scarceLimitOf(vectors, request.retailer);
      if (limit === undefined) continue;
      if (line.cartons > limit) {
        throw quotaError('SCARCE_LIMIT_EXCEEDED', {
          brandId: line.brandId,
          limit,
          requested: line.cartons,
          grade: request.retailer.grade,
        });
      }
    }
  }
}
