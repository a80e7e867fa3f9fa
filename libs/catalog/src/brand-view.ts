import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { containsPattern } from '#libs/shared';
import {
  type FocusMarket,
  type FocusTiers,
  isInFocusTier,
  PRICE_CLASS_LABELS,
  type PriceClass,
} from './domain/index.js';
import type { Brand, KeyBrandKind } from './brand.entity.js';
import type { BrandFilter, BrandSort } from './dto/brand.dto.js';
import type { KeyBrandSet } from './key-brands.service.js';

/** A specification as the API shows it, with what follows from its prices for the caller's department. */
export interface BrandView {
  id: number;
  code: string;
  name: string;
  manufacturer: string;
  wholesalePriceFen: number;
  retailPriceCartonFen: number;
  retailPricePackFen: number;
  priceClass: PriceClass;
  priceClassLabel: string;
  launchDate: string | null;
  scarce: boolean;
  active: boolean;
  /** Markets whose cultivation focus tier the pack guide price falls in. */
  focusMarkets: FocusMarket[];
  /** Key brand this year for the caller's department. */
  keyBrand: KeyBrandKind | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toBrandView(brand: Brand, tiers: FocusTiers, keyBrands: KeyBrandSet): BrandView {
  return {
    id: brand.id,
    code: brand.code,
    name: brand.name,
    manufacturer: brand.manufacturer,
    wholesalePriceFen: brand.wholesalePriceFen,
    retailPriceCartonFen: brand.retailPriceCartonFen,
    retailPricePackFen: brand.retailPricePackFen,
    priceClass: brand.priceClass,
    priceClassLabel: PRICE_CLASS_LABELS[brand.priceClass],
    launchDate: brand.launchDate,
    scarce: brand.scarce,
    active: brand.active,
    focusMarkets: (['urban', 'rural'] as const).filter((m) =>
      isInFocusTier(brand.retailPricePackFen, m, tiers),
    ),
    keyBrand: keyBrands.national.includes(brand.id)
      ? 'national_top20'
      : keyBrands.equivalent.includes(brand.id)
        ? 'equivalent'
        : null,
    createdAt: brand.createdAt,
    updatedAt: brand.updatedAt,
  };
}

export function applyBrandFilter(
  qb: SelectQueryBuilder<Brand>,
  filter: BrandFilter,
  tiers: FocusTiers,
  keyBrands: KeyBrandSet,
): void {
  if (filter.priceClass) qb.andWhere('b.price_class = :priceClass', { priceClass: filter.priceClass });
  if (filter.manufacturer)
    qb.andWhere('b.manufacturer = :manufacturer', { manufacturer: filter.manufacturer });
  if (filter.scarce !== undefined) qb.andWhere('b.scarce = :scarce', { scarce: filter.scarce });
  if (filter.active !== undefined) qb.andWhere('b.active = :active', { active: filter.active });
  if (filter.launchedSince) qb.andWhere('b.launch_date >= :since', { since: filter.launchedSince });
  if (filter.keyBrand !== undefined) {
    const ids = [...keyBrands.national, ...keyBrands.equivalent];
    qb.andWhere(filter.keyBrand ? 'b.id = ANY(:keyIds)' : 'NOT (b.id = ANY(:keyIds))', { keyIds: ids });
  }
  if (filter.focusMarket) {
    const tier = tiers[filter.focusMarket];
    qb.andWhere('b.retail_price_pack_fen >= :focusMin', { focusMin: tier.minFenPerPack });
    if (tier.maxFenPerPack !== null) {
      qb.andWhere('b.retail_price_pack_fen <= :focusMax', { focusMax: tier.maxFenPerPack });
    }
  }
  if (filter.search) {
    const search = containsPattern(filter.search);
    qb.andWhere(
      new Brackets((w) =>
        w
          .where('b.code ILIKE :search', { search })
          .orWhere('b.name ILIKE :search')
          .orWhere('b.manufacturer ILIKE :search'),
      ),
    );
  }
}

const SORT_COLUMNS: Record<BrandSort, string> = {
  code: 'b.code',
  name: 'b.name',
  wholesalePrice: 'b.wholesalePriceFen',
  priceClass: 'b.priceClass',
  launchDate: 'b.launchDate',
};

export function applyBrandSort(qb: SelectQueryBuilder<Brand>, filter: BrandFilter): void {
  const direction = filter.order === 'desc' ? 'DESC' : 'ASC';
  qb.orderBy(
    SORT_COLUMNS[filter.sort ?? 'code'],
    direction,
    direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST',
  );
  qb.addOrderBy('b.id', direction);
}
