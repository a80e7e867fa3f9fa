import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { type Actor, isInScope, notFound, TransactionRunner } from '#libs/shared';
import { AuditService } from '#libs/audit';
import { BrandDirectory } from '#libs/catalog';
import { OrgDirectory } from '#libs/org';
import { RetailerDirectory } from '#libs/retailers';
import { isDate, isoWeekday } from '#libs/kernel';
import {
  findLimitVectorProblem,
  type LimitVectorRow,
  proposeLimitVector,
  scarceLimitOf,
} from './domain/index.js';
import { ScarceLimitRecord } from './quota.entity.js';
import { quotaError } from './quota.errors.js';
import type { ProposeLimitsDto, ScarceLimitQuery, ScarceLimitsDto } from './dto/quota.dto.js';

function isMonday(date: string): boolean {
  return isDate(date) && isoWeekday(date) === 1;
}

@Injectable()
export class ScarceLimitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly brands: BrandDirectory,
    private readonly retailers: RetailerDirectory,
    private readonly org: OrgDirectory,
  ) {}

  async list(actor: Actor, query: ScarceLimitQuery) {
    const qb = this.dataSource.manager
      .createQueryBuilder(ScarceLimitRecord, 's')
      .where('s.week_start = :week', { week: query.weekStart })
      .orderBy('s.brand_id')
      .addOrderBy('s.market_type', 'ASC', 'NULLS FIRST');
    if (actor.role !== 'admin')
      qb.andWhere('s.department_id = :department', { department: actor.departmentId ?? -1 });
    if (query.brandId) qb.andWhere('s.brand_id = :brand', { brand: query.brandId });
    return qb.getMany();
  }

  /**
   * One retailer's limit per scarce spec for an order week, at its grade and market type: what its phone
   * checks a cart against, in the words the ledger refuses with. Outside the caller's scope: 404.
   */
  async forRetailer(actor: Actor, retailerId: number, weekStart: string) {
    const retailer = await this.retailers.facts(retailerId);
    if (!retailer || !isInScope(actor.scope, retailer.territoryId, retailer.id)) {
      throw notFound('retailer', retailerId);
    }
    const rows: Array<LimitVectorRow & { brandId: number }> = await this.dataSource.query(
      `SELECT brand_id AS "brandId", market_type AS "marketType", limits FROM scarce_limits
        WHERE department_id = $1 AND week_start = $2`,
      [retailer.departmentId, weekStart],
    );
    // Only a spec scarce today is limited (the ledger checks no other).
    const scarce = (await this.brands.factsOf([...new Set(rows.map((row) => row.brandId))]))
      .filter((brand) => brand.scarce)
      .map((brand) => brand.id)
      .sort((a, b) => a - b);
    const limits = scarce.flatMap((brandId) => {
      const limit = scarceLimitOf(
        rows.filter((row) => row.brandId === brandId),
        retailer,
      );
      return limit === undefined ? [] : [{ brandId, limit }];
    });
    return { retailerId, weekStart, grade: retailer.grade, marketType: retailer.marketType, limits };
  }

  /** Sets (replaces) the limits of a scarce spec for an order week, for everyone or one market type. */
  async put(actor: Actor, dto: ScarceLimitsDto) {
    const departmentId = await this.org.resolveDepartment(actor);
    if (!isMonday(dto.weekStart)) {
      throw quotaError(
        'SCARCE_LIMIT_VECTOR_INVALID',
        { weekStart: dto.weekStart },
        'weekStart must be the Monday of the order week',
      );
    }
    const [brand] = await this.brands.factsOf([dto.brandId]);
    if (!brand) throw notFound('brand', dto.brandId);
    if (!brand.scarce) throw quotaError('SCARCE_BRAND_NOT_SCARCE', { brandId: dto.brandId });
    const problem = findLimitVectorProblem(dto.limits);
    if (problem) throw quotaError('SCARCE_LIMIT_VECTOR_INVALID', problem);
    return this.transactions.run(async (manager) => {
      const key = {
        departmentId,
        brandId: dto.brandId,
        weekStart: dto.weekStart,
        marketType: dto.marketType ?? IsNull(),
      };
      const before = await manager.findOne(ScarceLimitRecord, {
        where: key,
        lock: { mode: 'pessimistic_write' },
      });
      await manager.query(
        `INSERT INTO scarce_limits (department_id, brand_id, week_start, market_type, limits) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (department_id, brand_id, week_start, COALESCE(market_type, '*')) DO UPDATE SET limits = EXCLUDED.limits, updated_at = now()`,
        [departmentId, dto.brandId, dto.weekStart, dto.marketType ?? null, dto.limits],
      );
      await this.audit.record(manager, actor, {
        action: 'scarce_limits.put',
        entityType: 'scarce_limits',
        entityId: `${dto.brandId}:${dto.weekStart}:${dto.marketType ?? 'all'}`,
        before: before ? { limits: before.limits } : null,
        after: { limits: dto.limits },
        departmentId,
      });
      return manager.findOneOrFail(ScarceLimitRecord, { where: key });
    });
  }

  /** Proposes a vector whose Σ limit × retailers of the grade comes close to the planned supply, never above. */
  async propose(actor: Actor, dto: ProposeLimitsDto) {
    const departmentId = await this.org.resolveDepartment(actor);
    const [brand] = await this.brands.factsOf([dto.brandId]);
    if (!brand) throw notFound('brand', dto.brandId);
    const retailersPerGrade = await this.retailers.countsByGrade(departmentId, dto.marketType ?? null);
    const proposal = proposeLimitVector(dto.plannedSupply, retailersPerGrade);
    return {
      ...proposal,
      brandId: dto.brandId,
      marketType: dto.marketType ?? null,
      retailersPerGrade,
      errorPercent: proposal.errorBp / 100,
    };
  }
}
