import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { firstDayOfMonth } from '#libs/kernel';
import { type Actor, Clock, isInScope, notFound } from '#libs/shared';
import { cycleAllowance } from './domain/index.js';
import { CyclesLeft } from './cycles-left.js';
import { QuotaPolicyService } from './quota-policy.service.js';
import type { TerritoryQuotaRow, TerritoryQuotas } from './dto/quota-list.dto.js';

/** A territory's quotas of a month in one table: what a market manager rebalances from. */
@Injectable()
export class QuotaListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: QuotaPolicyService,
    private readonly cyclesLeft: CyclesLeft,
    private readonly clock: Clock,
  ) {}

  async territory(actor: Actor, territoryId: number, month: string): Promise<TerritoryQuotas> {
    const [territory]: Array<{ department_id: number }> = await this.dataSource.query(
      `SELECT department_id FROM org_units WHERE id = $1 AND type = 'territory'`,
      [territoryId],
    );
    if (!territory || actor.scope.kind === 'retailer' || !isInScope(actor.scope, territoryId))
      throw notFound('territory', territoryId);
    const [rows, policy, remainingCycles] = await Promise.all([
      this.dataSource.query(
        `SELECT q.retailer_id AS "retailerId", r.shop_name AS "shopName", r.license_no AS "licenseNo", r.grade,
                r.scale, r.big_account AS "bigAccount", q.agreed_total AS "agreedTotal",
                q.agreed_total_source AS "agreedTotalSource", q.float_bp AS "floatBp", q.cap, q.used, q.reserved,
                q.explanation
           FROM retailer_quotas q JOIN retailers r ON r.id = q.retailer_id
          WHERE q.territory_id = $1 AND q.month = $2 AND r.status = 'active'
          ORDER BY r.shop_name, r.id`,
        [territoryId, firstDayOfMonth(month)],
      ) as Promise<Array<Omit<TerritoryQuotaRow, 'remaining' | 'cycleAllowance'>>>,
      this.policies.policyFor(territory.department_id),
      this.cyclesLeft.inMonth(territoryId, month, this.clock.now()),
    ]);
    const retailers = rows.map((row) => {
      const consumed = row.used + row.reserved;
      return {
        ...row,
        remaining: Math.max(0, row.cap - consumed),
        cycleAllowance: cycleAllowance({
          monthlyCap: row.cap,
          usedBeforeCycle: consumed,
          remainingCycles,
          pacingFactorBp: policy.pacingFactorBp,
        }),
      };
    });
    return {
      territoryId,
      month,
      remainingCycles,
      totalCap: retailers.reduce((sum, row) => sum + row.cap, 0),
      retailers,
    };
  }
}
