import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { type Actor, TransactionRunner } from '#libs/shared';
import { orThrow } from '#libs/kernel';
import { AuditService } from '#libs/audit';
import {
  assessBigAccount,
  type BigAccountPolicy,
  type BigAccountWait,
  bigAccountWait,
  checkBigAccountOverride,
  DEFAULT_BIG_ACCOUNT_POLICY,
  type UnfinishedCycles,
} from './domain/index.js';
import { Retailer, RetailerBigAccountMonth } from './retailer.entity.js';
import { retailersError } from './retailers.errors.js';
import { RetailersService } from './retailers.service.js';
import type { BigAccountMonthView, RetailerView } from './retailer-view.js';
import type { BigAccountOverrideDto } from './dto/retailer.dto.js';

/** Cartons a retailer bought in a month. */
export interface MonthlyVolume {
  retailerId: number;
  cartons: number;
}

/**
 * Where monthly volumes come from: the ordering context's consolidated order lines, supplied from its
 * `onModuleInit` (`BigAccountsService.useVolumeSource(...)`: retailers cannot import ordering, which reads
 * retailers). Without one (an application without ordering) the monthly assessment does not run, and only
 * manual overrides set the flag.
 */
export interface MonthlyVolumeSource {
  /** Cartons per retailer delivered/ordered in `month` (YYYY-MM); retailers absent bought nothing. */
  monthlyCartons(month: string, manager: EntityManager): Promise<MonthlyVolume[]>;
  /** The month's cycles not consolidated or cancelled yet: while there are any, its volumes are not final. */
  unfinishedCycles(month: string): Promise<UnfinishedCycles>;
}

export interface BigAccountAssessmentSummary {
  month: string;
  assessed: number;
  bigAccounts: number;
  /** Big accounts now that were not at the last assessment, and the reverse (newest month only). */
  becameBig: number;
  noLongerBig: number;
}

export interface BigAccountDetails {
  retailerId: number;
  bigAccount: boolean;
  source: RetailerView['bigAccountSource'];
  computed: boolean | null;
  override: { bigAccount: boolean; reason: string; by: number | null; at: Date | null } | null;
  /** Monthly assessments, newest first (up to 24). */
  history: BigAccountMonthView[];
}

/**
 * Big accounts 大户: assessed monthly from volumes (≥ 1,000 cartons, or > 5× the service center's
 * average), overruled by hand with a reason. The flag in force is the override if any, else the last
 * assessment (a CHECK constraint keeps `big_account` equal to that).
 */
@Injectable()
export class BigAccountsService {
  private readonly logger = new Logger(BigAccountsService.name);
  private volumeSource: MonthlyVolumeSource | null = null;

  constructor(
    @InjectRepository(RetailerBigAccountMonth) private readonly months: Repository<RetailerBigAccountMonth>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly retailers: RetailersService,
  ) {}

  useVolumeSource(source: MonthlyVolumeSource): void {
    this.volumeSource = source;
  }

  get hasVolumeSource(): boolean {
    return this.volumeSource !== null;
  }

  /** What keeps `month` from being assessed (its unfinished cycles), or null. Needs a volume source. */
  async waitFor(month: string): Promise<BigAccountWait | null> {
    return bigAccountWait(month, await this.volumeSource!.unfinishedCycles(month));
  }

  async details(actor: Actor, id: number): Promise<BigAccountDetails> {
    await this.retailers.get(actor, id); // 404 outside scope
    const retailer = await this.months.manager.findOneByOrFail(Retailer, { id });
    const history: BigAccountMonthView[] = await this.months.query(
      `SELECT to_char(month, 'YYYY-MM') AS month, cartons, local_total_cartons::float8 AS "localTotalCartons",
              local_retailer_count AS "localRetailerCount", grounds, is_big_account AS "isBigAccount",
              assessed_at AS "assessedAt"
         FROM retailer_big_account_months WHERE retailer_id = $1 ORDER BY month DESC LIMIT 24`,
      [id],
    );
    return {
      retailerId: id,
      bigAccount: retailer.bigAccount,
      source:
        retailer.bigAccountOverride !== null
          ? 'override'
          : retailer.bigAccountComputed !== null
            ? 'computed'
            : 'none',
      computed: retailer.bigAccountComputed,
      override:
        retailer.bigAccountOverride === null
          ? null
          : {
              bigAccount: retailer.bigAccountOverride,
              reason: retailer.bigAccountOverrideReason!,
              by: retailer.bigAccountOverrideBy,
              at: retailer.bigAccountOverrideAt,
            },
      history,
    };
  }

  /** Overrules the computed flag (true/false), or removes the override (null); a reason is required either way. */
  async setOverride(actor: Actor, id: number, dto: BigAccountOverrideDto): Promise<BigAccountDetails> {
    const reason = dto.reason.trim();
    if (dto.bigAccount !== null) {
      orThrow(checkBigAccountOverride({ isBigAccount: dto.bigAccount, reason }), retailersError);
    } else if (reason === '') {
      throw retailersError('BIG_ACCOUNT_OVERRIDE_REASON_REQUIRED');
    }
    await this.transactions.run(async (manager) => {
      const retailer = await this.retailers.lockVisible(manager, actor, id);
      if (retailer.status === 'closed') throw retailersError('RETAILER_CLOSED');
      const before = {
        bigAccount: retailer.bigAccount,
        override: retailer.bigAccountOverride,
        overrideReason: retailer.bigAccountOverrideReason,
      };
      const override = dto.bigAccount;
      const bigAccount = override ?? retailer.bigAccountComputed ?? false;
      await manager.update(Retailer, id, {
        bigAccount,
        bigAccountOverride: override,
        bigAccountOverrideReason: override === null ? null : reason,
        bigAccountOverrideBy: override === null ? null : actor.userId,
        bigAccountOverrideAt: override === null ? null : () => 'now()',
      });
      await this.audit.record(manager, actor, {
        action: override === null ? 'retailer.big_account_override_clear' : 'retailer.big_account_override',
        entityType: 'retailer',
        entityId: id,
        before,
        after: { bigAccount, override, reason },
        departmentId: retailer.departmentId,
      });
    });
    return this.details(actor, id);
  }

  /**
   * The monthly assessment for `month` (YYYY-MM) from the given volumes: every retailer that is not closed
   * is assessed against its service center (retailers without a volume bought nothing), the result stored
   * per retailer and month (a rerun replaces it) and put into `big_account_computed`. Set-based.
   */
  async assessMonth(
    month: string,
    volumes: MonthlyVolume[],
    manager: EntityManager,
    policy: BigAccountPolicy = DEFAULT_BIG_ACCOUNT_POLICY,
  ): Promise<BigAccountAssessmentSummary> {
    const population: Array<{
      id: number;
      territory_id: number;
      service_center_id: number;
      department_id: number;
      computed: boolean | null;
    }> = await manager.query(
      `SELECT id, territory_id, service_center_id, department_id, big_account_computed AS computed
         FROM retailers WHERE status <> 'closed'`,
    );
    const cartons = new Map<number, number>();
    for (const v of volumes) cartons.set(v.retailerId, (cartons.get(v.retailerId) ?? 0) + v.cartons);
    const local = new Map<number, { totalCartons: number; retailerCount: number }>();
    for (const r of population) {
      const area = local.get(r.service_center_id) ?? { totalCartons: 0, retailerCount: 0 };
      area.totalCartons += cartons.get(r.id) ?? 0;
      area.retailerCount += 1;
      local.set(r.service_center_id, area);
    }
    const assessed = population.map((r) => {
      const own = cartons.get(r.id) ?? 0;
      const area = local.get(r.service_center_id)!;
      return { retailer: r, cartons: own, area, result: assessBigAccount(own, area, policy) };
    });
    const firstDay = `${month}-01`;
    if (assessed.length) {
      await manager.query(
        `INSERT INTO retailer_big_account_months
           (retailer_id, month, territory_id, department_id, cartons, local_total_cartons, local_retailer_count, grounds, is_big_account)
         SELECT a.retailer_id, $1, a.territory_id, a.department_id, a.cartons, a.local_total, a.local_count,
                string_to_array(a.grounds, ',')::text[] , a.is_big
           FROM unnest($2::int[], $3::int[], $4::int[], $5::int[], $6::bigint[], $7::int[], $8::text[], $9::boolean[])
             AS a(retailer_id, territory_id, department_id, cartons, local_total, local_count, grounds, is_big)
         ON CONFLICT (retailer_id, month) DO UPDATE SET
           cartons = EXCLUDED.cartons, local_total_cartons = EXCLUDED.local_total_cartons,
           local_retailer_count = EXCLUDED.local_retailer_count, grounds = EXCLUDED.grounds,
           is_big_account = EXCLUDED.is_big_account, assessed_at = now()`,
        [
          firstDay,
          assessed.map((a) => a.retailer.id),
          assessed.map((a) => a.retailer.territory_id),
          assessed.map((a) => a.retailer.department_id),
          assessed.map((a) => a.cartons),
          assessed.map((a) => a.area.totalCartons),
          assessed.map((a) => a.area.retailerCount),
          assessed.map((a) => a.result.grounds.join(',')),
          assessed.map((a) => a.result.isBigAccount),
        ],
      );
    }
    // Only the newest month sets the flag: re-assessing an older month keeps the history right only.
    const [{ newest }] = await manager.query(
      `SELECT max(month)::text AS newest FROM retailer_big_account_months`,
    );
    const flipped = assessed.filter((a) => a.result.isBigAccount !== a.retailer.computed);
    if (newest === firstDay && flipped.length) {
      await manager.query(
        `UPDATE retailers r SET big_account_computed = f.is_big,
                big_account = COALESCE(r.big_account_override, f.is_big), updated_at = now()
           FROM unnest($1::int[], $2::boolean[]) AS f(id, is_big) WHERE r.id = f.id`,
        [flipped.map((a) => a.retailer.id), flipped.map((a) => a.result.isBigAccount)],
      );
    }
    const newestMonth = newest === firstDay;
    const summary = {
      month,
      assessed: assessed.length,
      bigAccounts: assessed.filter((a) => a.result.isBigAccount).length,
      becameBig: newestMonth ? flipped.filter((a) => a.result.isBigAccount).length : 0,
      noLongerBig: newestMonth ? flipped.filter((a) => a.retailer.computed === true).length : 0,
    };
    // One audit entry per department, so each department's inspectors see their own assessment.
    const departments = [...new Set(assessed.map((a) => a.retailer.department_id))];
    await this.audit.recordBulk(
      manager,
      'system',
      departments.map((departmentId) => {
        const own = assessed.filter((a) => a.retailer.department_id === departmentId);
        const ids = (list: typeof flipped) =>
          newestMonth
            ? list.filter((a) => a.retailer.department_id === departmentId).map((a) => a.retailer.id)
            : [];
        return {
          action: 'retailer.big_accounts_assessed',
          entityType: 'big_account_month',
          entityId: month,
          after: {
            month,
            policy,
            assessed: own.length,
            bigAccounts: own.filter((a) => a.result.isBigAccount).length,
            becameBig: ids(flipped.filter((a) => a.result.isBigAccount)),
            noLongerBig: ids(flipped.filter((a) => a.retailer.computed === true)),
          },
          departmentId,
        };
      }),
    );
    this.logger.log(
      `big accounts for ${month}: ${summary.bigAccounts} of ${summary.assessed} (+${summary.becameBig}, -${summary.noLongerBig})`,
    );
    return summary;
  }

  /** The job's entry: volumes from the registered source, or nothing to do without one. */
  async assessFromSource(month: string, manager: EntityManager): Promise<BigAccountAssessmentSummary | null> {
    if (!this.volumeSource) return null;
    return this.assessMonth(month, await this.volumeSource.monthlyCartons(month, manager), manager);
  }

  /** For callers outside a job (tests, an admin re-run): in its own transaction. */
  assessMonthNow(month: string, volumes: MonthlyVolume[]): Promise<BigAccountAssessmentSummary> {
    return this.transactions.run((manager) => this.assessMonth(month, volumes, manager));
  }
}
