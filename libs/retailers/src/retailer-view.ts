import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { type Actor, containsPattern, scopeCondition } from '#libs/shared';
import type { BigAccountGround, BusinessScale, BusinessType, MarketType } from './domain/index.js';
import { type Retailer, RETAILER_SEARCH_SQL } from './retailer.entity.js';
import type { RetailerFilter, RetailerSort } from './dto/retailer.dto.js';
import type { RetailerStatus } from './domain/index.js';

/** A retailer as the API shows it. */
export interface RetailerView {
  id: number;
  licenseNo: string;
  shopName: string;
  ownerName: string;
  phone: string | null;
  address: string;
  territoryId: number;
  territoryCode: string | null;
  territoryName: string | null;
  serviceCenterId: number;
  serviceCenterName: string | null;
  departmentId: number;
  businessType: BusinessType;
  marketType: MarketType;
  scale: BusinessScale;
  /** The grade in force, and since when. */
  grade: number;
  gradeSince: string;
  /** A decided change waiting for its period to start. */
  pendingGrade: { grade: number; effectiveFrom: string } | null;
  districtType: string | null;
  bigAccount: boolean;
  bigAccountSource: 'override' | 'computed' | 'none';
  bigAccountOverrideReason: string | null;
  orderWeekday: number;
  reachableSms: boolean;
  reachableWechat: boolean;
  reachablePortal: boolean;
  ownerBirthday: string | null;
  licenseValidFrom: string | null;
  licenseValidTo: string | null;
  status: RetailerStatus;
  statusReason: string | null;
  statusChangedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type RetailerRow = Omit<
  RetailerView,
  'territoryCode' | 'territoryName' | 'serviceCenterName' | 'bigAccountSource'
> & { bigAccountComputed: boolean | null; bigAccountOverride: boolean | null };

/** Columns of a `RetailerRow`, dates as text (no time-zone shift on a calendar day). */
const COLUMNS: ReadonlyArray<readonly [string, keyof RetailerRow]> = [
  ['r.id', 'id'],
  ['r.license_no', 'licenseNo'],
  ['r.shop_name', 'shopName'],
  ['r.owner_name', 'ownerName'],
  ['r.phone', 'phone'],
  ['r.address', 'address'],
  ['r.territory_id', 'territoryId'],
  ['r.service_center_id', 'serviceCenterId'],
  ['r.department_id', 'departmentId'],
  ['r.business_type', 'businessType'],
  ['r.market_type', 'marketType'],
  ['r.scale', 'scale'],
  ['r.grade', 'grade'],
  ['r.grade_since::text', 'gradeSince'],
  [
    `(SELECT json_build_object('grade', g.grade, 'effectiveFrom', g.effective_from::text) FROM retailer_grades g
       WHERE g.retailer_id = r.id AND g.effective_from > r.grade_since ORDER BY g.effective_from DESC LIMIT 1)`,
    'pendingGrade',
  ],
  ['r.district_type', 'districtType'],
  ['r.big_account', 'bigAccount'],
  ['r.big_account_computed', 'bigAccountComputed'],
  ['r.big_account_override', 'bigAccountOverride'],
  ['r.big_account_override_reason', 'bigAccountOverrideReason'],
  ['r.order_weekday', 'orderWeekday'],
  ['r.reachable_sms', 'reachableSms'],
  ['r.reachable_wechat', 'reachableWechat'],
  ['r.reachable_portal', 'reachablePortal'],
  ['r.owner_birthday::text', 'ownerBirthday'],
  ['r.license_valid_from::text', 'licenseValidFrom'],
  ['r.license_valid_to::text', 'licenseValidTo'],
  ['r.status', 'status'],
  ['r.status_reason', 'statusReason'],
  ['r.status_changed_at', 'statusChangedAt'],
  ['r.created_at', 'createdAt'],
  ['r.updated_at', 'updatedAt'],
];

/** Selects the view's columns, restricted to the caller's scope. */
export function selectRetailerRows(
  qb: SelectQueryBuilder<Retailer>,
  actor: Actor,
): SelectQueryBuilder<Retailer> {
  const [first, ...rest] = COLUMNS;
  qb.select(first[0], first[1]);
  for (const [expression, alias] of rest) qb.addSelect(expression, alias);
  const [condition, params] = scopeCondition(actor.scope, 'r.territory_id', 'r.id');
  return qb.where(condition, params);
}

/** Every list filter, each one indexed (see the entity). */
export function applyRetailerFilter(qb: SelectQueryBuilder<Retailer>, filter: RetailerFilter): void {
  const equal: Array<[keyof RetailerFilter, string]> = [
    ['territoryId', 'r.territory_id'],
    ['serviceCenterId', 'r.service_center_id'],
    ['departmentId', 'r.department_id'],
    ['grade', 'r.grade'],
    ['businessType', 'r.business_type'],
    ['marketType', 'r.market_type'],
    ['scale', 'r.scale'],
    ['bigAccount', 'r.big_account'],
    ['status', 'r.status'],
    ['districtType', 'r.district_type'],
    ['orderWeekday', 'r.order_weekday'],
  ];
  for (const [field, column] of equal) {
    if (filter[field] !== undefined) qb.andWhere(`${column} = :${field}`, { [field]: filter[field] });
  }
  if (filter.gradeMin !== undefined) qb.andWhere('r.grade >= :gradeMin', { gradeMin: filter.gradeMin });
  if (filter.gradeMax !== undefined) qb.andWhere('r.grade <= :gradeMax', { gradeMax: filter.gradeMax });
  if (filter.search) {
    qb.andWhere(
      new Brackets((w) =>
        w.where(`${RETAILER_SEARCH_SQL} ILIKE :search`, { search: containsPattern(filter.search!) }),
      ),
    );
  }
}

const SORT_COLUMNS: Record<RetailerSort, string> = {
  licenseNo: 'r.license_no',
  shopName: 'r.shop_name',
  grade: 'r.grade',
  territory: 'r.territory_id',
  createdAt: 'r.created_at',
  updatedAt: 'r.updated_at',
};

/** The requested order, then the id, so pages never overlap or skip. */
export function applyRetailerSort(qb: SelectQueryBuilder<Retailer>, filter: RetailerFilter): void {
  const direction = filter.order === 'desc' ? 'DESC' : 'ASC';
  qb.orderBy(SORT_COLUMNS[filter.sort ?? 'licenseNo'], direction).addOrderBy('r.id', direction);
}

export function toRetailerView(
  row: RetailerRow,
  labels: Map<number, { code: string; name: string }>,
): RetailerView {
  const { bigAccountComputed, bigAccountOverride, ...rest } = row;
  return {
    ...rest,
    territoryCode: labels.get(row.territoryId)?.code ?? null,
    territoryName: labels.get(row.territoryId)?.name ?? null,
    serviceCenterName: labels.get(row.serviceCenterId)?.name ?? null,
    bigAccountSource:
      bigAccountOverride !== null ? 'override' : bigAccountComputed !== null ? 'computed' : 'none',
  };
}

/** One month's big-account assessment, as the history shows it. */
export interface BigAccountMonthView {
  month: string;
  cartons: number;
  localTotalCartons: number;
  localRetailerCount: number;
  grounds: BigAccountGround[];
  isBigAccount: boolean;
  assessedAt: Date;
}
