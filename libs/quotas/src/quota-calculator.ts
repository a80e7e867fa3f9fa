import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, Clock } from '#libs/shared';
import type { RetailerFacts } from '#libs/retailers';
import { addMonths, businessMonth, firstDayOfMonth } from '#libs/kernel';
import { computeMonthlyQuota, type MonthlyQuota } from './domain/index.js';
import { QuotaPolicyService } from './quota-policy.service.js';

export interface ComputedQuota {
  retailer: RetailerFacts;
  quota: MonthlyQuota;
}

interface MonthRow {
  retailer_id: number;
  month: string;
  agreed_total: number;
  agreed_total_source: string;
  used: number;
  reserved: number;
}

/** How a recomputation updates an existing row ($3: whether a rebalanced cap is replaced too). */
const RECOMPUTE_EXISTING = `DO UPDATE SET
  territory_id = EXCLUDED.territory_id,
  department_id = EXCLUDED.department_id,
  agreed_total = EXCLUDED.agreed_total,
  agreed_total_source = EXCLUDED.agreed_total_source,
  float_bp = EXCLUDED.float_bp,
  cap = GREATEST(EXCLUDED.cap, q.used + q.reserved),
  explanation = CASE WHEN q.explanation ? 'adjustments'
    THEN EXCLUDED.explanation || jsonb_build_object('adjustments', q.explanation->'adjustments')
    ELSE EXCLUDED.explanation END,
  updated_at = now()
WHERE $3 OR NOT (q.explanation ? 'adjustments')`;

/** The size of one multi-row statement: well under PostgreSQL's 65,535 bind parameters (one JSON parameter). */
const CHUNK = 5000;

/**
 * Turns retailers into their quotas for a month: loads every input set-based (policies, last month,
 * the trailing window's actuals, what is already used), decides with the pure rules, writes with one
 * upsert per chunk. Used by the monthly run (all retailers) and when a single retailer needs its quota.
 */
@Injectable()
export class QuotaCalculator {
  constructor(
    private readonly policies: QuotaPolicyService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `agreedTotals`: totals a market manager sets now, replacing whatever the month had. */
  async calculate(
    manager: EntityManager,
    retailers: RetailerFacts[],
    month: string,
    agreedTotals: ReadonlyMap<number, number> = new Map(),
  ): Promise<ComputedQuota[]> {
    if (!retailers.length) return [];
    const policies = await this.policies.policiesFor(
      retailers.map((r) => r.departmentId),
      manager,
    );
    const longestWindow = Math.max(
      ...[...policies.values()].map((p) => p.policy.floating.trailingWindowMonths),
    );
    // The month and the `longestWindow` + 1 months before it (the window moves back a month while the month
    // before is not complete yet), as their database keys.
    const months = Array.from({ length: longestWindow + 2 }, (_, i) =>
      firstDayOfMonth(addMonths(month, i - longestWindow - 1)),
    );
    const rows: MonthRow[] = await manager.query(
      `SELECT retailer_id, to_char(month, 'YYYY-MM') AS month, agreed_total, agreed_total_source, used, reserved
         FROM retailer_quotas WHERE retailer_id = ANY($1) AND month = ANY($2::date[])`,
      [retailers.map((r) => r.id), months],
    );
    // A month is complete once it is over and every cycle of the territory in it is consolidated or cancelled:
    // the last complete month is the one before the running month, or before the territory's first unfinished.
    const lastOver = addMonths(businessMonth(this.clock.now(), this.config.timeZone), -1);
    const unfinished: Array<{ territory_id: number; month: string }> = await manager.query(
      `SELECT territory_id, to_char(min(order_date), 'YYYY-MM') AS month FROM order_cycles
        WHERE territory_id = ANY($1) AND order_date >= $2 AND order_date < $3
          AND status NOT IN ('consolidated', 'cancelled')
        GROUP BY territory_id`,
      [[...new Set(retailers.map((r) => r.territoryId))], months[0], firstDayOfMonth(month)],
    );
    const firstUnfinished = new Map(unfinished.map((row) => [row.territory_id, row.month]));
    const lastComplete = (territoryId: number) => {
      const open = firstUnfinished.get(territoryId);
      const beforeOpen = open ? addMonths(open, -1) : lastOver;
      return beforeOpen < lastOver ? beforeOpen : lastOver;
    };
    const byRetailer = new Map<number, MonthRow[]>();
    for (const row of rows)
      byRetailer.set(row.retailer_id, [...(byRetailer.get(row.retailer_id) ?? []), row]);
    const previousMonth = addMonths(month, -1);

    return retailers.map((retailer) => {
      const department = policies.get(retailer.departmentId)!;
      const history = byRetailer.get(retailer.id) ?? [];
      const current = history.find((row) => row.month === month);
      const previous = history.find((row) => row.month === previousMonth);
      const quota = computeMonthlyQuota(
        {
          month,
          scale: retailer.scale,
          policyBase: department.baseFor(retailer).baseMonthlyTotal,
          previousAgreedTotal: previous?.agreed_total ?? null,
          // A month's actuals are what was ordered in it: its quota's used cartons.
          actuals: history
            .filter((row) => row.month !== month)
            .map((row) => ({ month: row.month, cartons: row.used })),
          agreedTotalSetByManager:
            agreedTotals.get(retailer.id) ??
            (current?.agreed_total_source === 'market_manager' ? current.agreed_total : null),
          alreadyUsed: current ? current.used + current.reserved : 0,
          lastCompleteMonth: lastComplete(retailer.territoryId),
        },
        department.policy,
      );
      return { retailer, quota };
    });
  }

  /**
   * Writes computed quotas. A cap a market manager rebalanced by hand is kept by recomputations (they must not
   * undo a decision) unless `replaceRebalanced` (a manager setting the agreed total anew); its adjustment
   * history stays either way. A concurrent order between load and write can only raise the cap kept.
   * `onlyMissing` (making sure rows exist): a row another transaction wrote meanwhile is left alone and
   * unlocked, so the caller's later ordered `FOR UPDATE` is the only lock it takes on existing rows (no
   * out-of-order row locks, no deadlock with concurrent rebalances and reservations).
   */
  async save(
    manager: EntityManager,
    computed: ComputedQuota[],
    month: string,
    replaceRebalanced = false,
    onlyMissing = false,
  ): Promise<void> {
    for (let start = 0; start < computed.length; start += CHUNK) {
      const chunk = computed.slice(start, start + CHUNK).map(({ retailer, quota }) => ({
        retailer_id: retailer.id,
        territory_id: retailer.territoryId,
        department_id: retailer.departmentId,
        agreed_total: quota.agreedTotal,
        agreed_total_source: quota.explanation.agreedTotalSource,
        float_bp: quota.floatBp,
        cap: quota.effectiveCap,
        explanation: quota.explanation,
      }));
      await manager.query(
        `INSERT INTO retailer_quotas AS q (retailer_id, month, territory_id, department_id, agreed_total, agreed_total_source, float_bp, cap, explanation)
         SELECT r.retailer_id, $2::date, r.territory_id, r.department_id, r.agreed_total, r.agreed_total_source, r.float_bp, r.cap, r.explanation
           FROM jsonb_to_recordset($1::jsonb) AS r(retailer_id int, territory_id int, department_id int, agreed_total int,
                agreed_total_source text, float_bp int, cap int, explanation jsonb)
         ON CONFLICT (retailer_id, month) ${onlyMissing ? 'DO NOTHING' : RECOMPUTE_EXISTING}`,
        onlyMissing
          ? [JSON.stringify(chunk), firstDayOfMonth(month)]
          : [JSON.stringify(chunk), firstDayOfMonth(month), replaceRebalanced],
      );
    }
  }
}
