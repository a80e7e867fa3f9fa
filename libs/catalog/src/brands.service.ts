import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { type Actor, notFound, type Page, pageOf, pageOffset, TransactionRunner } from '#libs/shared';
import { AuditService } from '#libs/audit';
import { OrgDirectory } from '#libs/org';
import { type FocusTiers, priceClassOf } from './domain/index.js';
import { Brand } from './brand.entity.js';
import { applyBrandFilter, applyBrandSort, type BrandView, toBrandView } from './brand-view.js';
import { catalogError } from './catalog.errors.js';
import { FocusTiersService } from './focus-tiers.service.js';
import { type KeyBrandSet, KeyBrandsService } from './key-brands.service.js';
import type { BrandFilter, BrandQuery, CreateBrandDto, UpdateBrandDto } from './dto/brand.dto.js';

/** What a caller's brand views depend on: its department's focus tiers and key brands. */
export interface BrandContext {
  departmentId: number | null;
  tiers: FocusTiers;
  keyBrands: KeyBrandSet;
}

/** Prices a specification must satisfy together (each alone is checked by the DTO and a CHECK). */
export function checkBrandPrices(
  prices: Pick<Brand, 'wholesalePriceFen' | 'retailPriceCartonFen' | 'retailPricePackFen'>,
) {
  if (
    prices.retailPriceCartonFen < prices.wholesalePriceFen ||
    prices.retailPricePackFen > prices.retailPriceCartonFen
  ) {
    throw catalogError('BRAND_PRICES_INCONSISTENT', prices);
  }
}

/** The brand catalogue 规格: company-wide, read by every role, written by admins and department heads. */
@Injectable()
export class BrandsService {
  constructor(
    @InjectRepository(Brand) private readonly brands: Repository<Brand>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly tiers: FocusTiersService,
    private readonly keyBrands: KeyBrandsService,
    private readonly org: OrgDirectory,
  ) {}

  async context(actor: Actor, departmentId?: number, year?: number): Promise<BrandContext> {
    const department = (await this.org.departmentFilter(actor, departmentId)) ?? null;
    const [tiers, keyBrands] = await Promise.all([
      this.tiers.tiersFor(department),
      this.keyBrands.keyBrandSet(year ?? this.keyBrands.currentYear(), department),
    ]);
    return { departmentId: department, tiers, keyBrands };
  }

  /** The filtered, sorted list; retailers see active specifications only. */
  query(actor: Actor, filter: BrandFilter, context: BrandContext) {
    const qb = this.brands.createQueryBuilder('b');
    applyBrandFilter(qb, filter, context.tiers, context.keyBrands);
    if (actor.role === 'retailer') qb.andWhere('b.active');
    applyBrandSort(qb, filter);
    return qb;
  }

  async list(actor: Actor, query: BrandQuery): Promise<Page<BrandView>> {
    const context = await this.context(actor, query.departmentId, query.year);
    const [items, total] = await this.query(actor, query, context)
      .skip(pageOffset(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(
      items.map((b) => toBrandView(b, context.tiers, context.keyBrands)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: number): Promise<BrandView> {
    const brand = await this.brands.findOneBy({ id });
    if (!brand || (actor.role === 'retailer' && !brand.active)) throw notFound('brand', id);
    const context = await this.context(actor);
    return toBrandView(brand, context.tiers, context.keyBrands);
  }

  async create(actor: Actor, dto: CreateBrandDto): Promise<BrandView> {
    checkBrandPrices(dto);
    const id = await this.transactions.run(async (manager) => {
      await this.assertCodeFree(manager, dto.code, null);
      const brand = manager.create(Brand, {
        ...dto,
        priceClass: priceClassOf(dto.wholesalePriceFen),
        launchDate: dto.launchDate ?? null,
        scarce: dto.scarce ?? false,
        active: dto.active ?? true,
      });
      await manager.insert(Brand, brand);
      await this.audit.record(manager, actor, {
        action: 'brand.create',
        entityType: 'brand',
        entityId: brand.id,
        after: { ...dto, priceClass: brand.priceClass },
      });
      return brand.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, dto: UpdateBrandDto): Promise<BrandView> {
    await this.transactions.run(async (manager) => {
      const brand = await manager.findOne(Brand, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!brand) throw notFound('brand', id);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(dto)) {
        const current = (brand as unknown as Record<string, unknown>)[field];
        if (value !== undefined && value !== current) {
          before[field] = current;
          after[field] = value;
        }
      }
      if (!Object.keys(after).length) return;
      const next = { ...brand, ...after } as Brand;
      checkBrandPrices(next);
      if ('code' in after) await this.assertCodeFree(manager, next.code, id);
      const priceClass = priceClassOf(next.wholesalePriceFen);
      if (priceClass !== brand.priceClass) {
        before.priceClass = brand.priceClass;
        after.priceClass = priceClass;
      }
      await manager.update(Brand, id, after);
      await this.audit.record(manager, actor, {
        action: 'brand.update',
        entityType: 'brand',
        entityId: id,
        before,
        after,
      });
    });
    return this.get(actor, id);
  }

  private async assertCodeFree(manager: EntityManager, code: string, id: number | null) {
    const holder = await manager.findOne(Brand, { where: { code }, select: { id: true } });
    if (holder && holder.id !== id) throw catalogError('BRAND_CODE_TAKEN', { code });
  }
}
