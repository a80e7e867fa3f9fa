import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { type Actor, APP_CONFIG, type AppConfig, Clock, TransactionRunner } from '#libs/shared';
import { businessDate } from '#libs/kernel';
import { AuditService } from '#libs/audit';
import { OrgDirectory } from '#libs/org';
import type { PriceClass } from './domain/index.js';
import { Brand, KeyBrand, type KeyBrandKind } from './brand.entity.js';
import { catalogError } from './catalog.errors.js';

/** The national list holds the top 20 (前20名全国性重点骨干品牌). */
export const NATIONAL_KEY_BRANDS_MAX = 20;

export interface KeyBrandView {
  year: number;
  kind: KeyBrandKind;
  departmentId: number | null;
  brandId: number;
  code: string;
  name: string;
  manufacturer: string;
  priceClass: PriceClass;
  active: boolean;
}

/** The key brands a department works with in a year: the national top 20 and its own equivalents. */
export interface KeyBrandSet {
  year: number;
  national: number[];
  equivalent: number[];
}

@Injectable()
export class KeyBrandsService {
  constructor(
    @InjectRepository(KeyBrand) private readonly keyBrands: Repository<KeyBrand>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly org: OrgDirectory,
  ) {}

  currentYear(): number {
    return Number(businessDate(this.clock.now(), this.config.timeZone).slice(0, 4));
  }

  /**
   * For other contexts (forecast accuracy, KPIs, cultivation): brand ids of the year's national top 20
   * and of the department's equivalents (none when departmentId is null).
   */
  async keyBrandSet(
    year: number,
    departmentId: number | null,
    manager?: EntityManager,
  ): Promise<KeyBrandSet> {
    const rows = await (manager ?? this.keyBrands.manager)
      .createQueryBuilder(KeyBrand, 'k')
      .where('k.year = :year', { year })
      .andWhere('(k.department_id IS NULL OR k.department_id = :department)', {
        department: departmentId ?? -1,
      })
      .orderBy('k.brand_id')
      .getMany();
    return {
      year,
      national: rows.filter((r) => r.kind === 'national_top20').map((r) => r.brandId),
      equivalent: rows.filter((r) => r.kind === 'equivalent').map((r) => r.brandId),
    };
  }

  /** Non-admins see the national list and their department's equivalents; admins every department's (or one). */
  async list(actor: Actor, year: number, departmentId?: number): Promise<KeyBrandView[]> {
    const qb = this.keyBrands
      .createQueryBuilder('k')
      .innerJoin(Brand, 'b', 'b.id = k.brand_id')
      .select([
        'k.year AS year',
        'k.kind AS kind',
        'k.department_id AS "departmentId"',
        'b.id AS "brandId"',
        'b.code AS code',
        'b.name AS name',
        'b.manufacturer AS manufacturer',
        'b.price_class AS "priceClass"',
        'b.active AS active',
      ])
      .where('k.year = :year', { year })
      .orderBy('k.kind', 'DESC')
      .addOrderBy('k.department_id', 'ASC', 'NULLS FIRST')
      .addOrderBy('b.code');
    const department = await this.org.departmentFilter(actor, departmentId);
    if (department !== undefined) {
      qb.andWhere('(k.department_id IS NULL OR k.department_id = :department)', { department });
    }
    return qb.getRawMany<KeyBrandView>();
  }

  /** Replaces the national top-20 list of a year (equivalents that became national are dropped). */
  async replaceNational(actor: Actor, year: number, brandIds: number[]): Promise<KeyBrandView[]> {
    if (brandIds.length > NATIONAL_KEY_BRANDS_MAX) {
      throw catalogError('KEY_BRANDS_TOO_MANY', { max: NATIONAL_KEY_BRANDS_MAX, given: brandIds.length });
    }
    await this.transactions.run(async (manager) => {
      this.assertYearOpen(year);
      await this.assertActiveBrands(manager, brandIds);
      await this.lockYear(manager, year);
      const before = await manager.find(KeyBrand, { where: { year, kind: 'national_top20' } });
      const dropped = brandIds.length
        ? await manager.find(KeyBrand, { where: { year, kind: 'equivalent', brandId: In(brandIds) } })
        : [];
      await manager.delete(KeyBrand, { year, kind: 'national_top20' });
      if (dropped.length) await manager.delete(KeyBrand, { id: In(dropped.map((d) => d.id)) });
      if (brandIds.length) {
        await manager.insert(
          KeyBrand,
          brandIds.map((brandId) => ({
            year,
            brandId,
            kind: 'national_top20' as const,
            departmentId: null,
            createdBy: actor.userId,
          })),
        );
      }
      await this.audit.record(manager, actor, {
        action: 'key_brands.national',
        entityType: 'key_brands',
        entityId: `${year}`,
        before: { brandIds: before.map((b) => b.brandId) },
        after: {
          brandIds,
          droppedEquivalents: dropped.map((d) => ({ brandId: d.brandId, departmentId: d.departmentId })),
        },
        departmentId: null,
      });
    });
    return this.list(actor, year);
  }

  /** Replaces the brands a department treats as equivalent to the top 20 in a year. */
  async replaceEquivalents(
    actor: Actor,
    year: number,
    departmentId: number | undefined,
    brandIds: number[],
  ): Promise<KeyBrandView[]> {
    const department = await this.org.resolveDepartment(actor, departmentId);
    await this.transactions.run(async (manager) => {
      this.assertYearOpen(year);
      await this.assertActiveBrands(manager, brandIds);
      await this.lockYear(manager, year);
      const national = brandIds.length
        ? await manager.find(KeyBrand, { where: { year, kind: 'national_top20', brandId: In(brandIds) } })
        : [];
      if (national.length) {
        throw catalogError('KEY_BRAND_ALREADY_NATIONAL', { brandIds: national.map((n) => n.brandId) });
      }
      const before = await manager.find(KeyBrand, { where: { year, departmentId: department } });
      await manager.delete(KeyBrand, { year, departmentId: department });
      if (brandIds.length) {
        await manager.insert(
          KeyBrand,
          brandIds.map((brandId) => ({
            year,
            brandId,
            kind: 'equivalent' as const,
            departmentId: department,
            createdBy: actor.userId,
          })),
        );
      }
      await this.audit.record(manager, actor, {
        action: 'key_brands.equivalents',
        entityType: 'key_brands',
        entityId: `${year}:${department}`,
        before: { brandIds: before.map((b) => b.brandId) },
        after: { brandIds },
        departmentId: department,
      });
    });
    return this.list(actor, year, department);
  }

  /** Past years' lists are what forecasts and KPIs of those years were measured against. */
  private assertYearOpen(year: number) {
    if (year < this.currentYear()) throw catalogError('KEY_BRAND_YEAR_CLOSED', { year });
  }

  private async assertActiveBrands(manager: EntityManager, brandIds: number[]) {
    if (!brandIds.length) return;
    const found = await manager.find(Brand, {
      where: { id: In(brandIds), active: true },
      select: { id: true },
    });
    if (found.length !== brandIds.length) {
      const known = new Set(found.map((b) => b.id));
      throw catalogError('KEY_BRAND_UNKNOWN', { brandIds: brandIds.filter((id) => !known.has(id)) });
    }
  }

  /** Changes to a year's lists take turns (the national list and equivalents must not overlap). */
  private async lockYear(manager: EntityManager, year: number) {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`key-brands:${year}`]);
  }
}
