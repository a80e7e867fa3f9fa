import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  Clock,
  isInScope,
  notFound,
  type Page,
  pageOf,
  pageOffset,
  scopeCondition,
  TransactionRunner,
} from '#libs/shared';
import { businessDate, orThrow } from '#libs/kernel';
import { AuditService } from '#libs/audit';
import { type RetailerActivation, type RetailerAccount, UsersService } from '#libs/auth';
import { OrgDirectory } from '#libs/org';
import { checkLicenseNo } from './domain/index.js';
import { DistrictTypesService } from './district-types.service.js';
import { Retailer, RetailerGrade } from './retailer.entity.js';
import {
  applyRetailerFilter,
  applyRetailerSort,
  type RetailerRow,
  type RetailerView,
  selectRetailerRows,
  toRetailerView,
} from './retailer-view.js';
import { retailersError } from './retailers.errors.js';
import { accountEnabledFor, checkStatusChange } from './domain/index.js';
import {
  type ChangeStatusDto,
  CONTACT_FIELDS,
  type CreateRetailerDto,
  type RetailerQuery,
  type UpdateRetailerDto,
} from './dto/retailer.dto.js';

/** Where a retailer sits: its territory and, denormalised, the territory's center and department. */
export interface RetailerPlace {
  territoryId: number;
  serviceCenterId: number;
  departmentId: number;
}

/** Fields whose change is mirrored on the retailer's self-service account. */
const ACCOUNT_FIELDS = ['licenseNo', 'shopName', 'territoryId', 'phone'] as const;

@Injectable()
export class RetailersService {
  constructor(
    @InjectRepository(Retailer) private readonly retailers: Repository<Retailer>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgDirectory,
    private readonly users: UsersService,
    private readonly districts: DistrictTypesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Today in the business time zone. */
  today(): string {
    return businessDate(this.clock.now(), this.config.timeZone);
  }

  async list(actor: Actor, query: RetailerQuery): Promise<Page<RetailerView>> {
    const qb = selectRetailerRows(this.retailers.createQueryBuilder('r'), actor);
    applyRetailerFilter(qb, query);
    const total = await qb.getCount();
    applyRetailerSort(qb, query);
    const rows = await qb.offset(pageOffset(query)).limit(query.pageSize).getRawMany<RetailerRow>();
    return pageOf(await this.decorate(rows), total, query);
  }

  async get(actor: Actor, id: number): Promise<RetailerView> {
    const qb = selectRetailerRows(this.retailers.createQueryBuilder('r'), actor).andWhere('r.id = :id', {
      id,
    });
    const row = await qb.getRawOne<RetailerRow>();
    if (!row) throw notFound('retailer', id);
    const [view] = await this.decorate([row]);
    return view;
  }

  async create(actor: Actor, dto: CreateRetailerDto): Promise<RetailerView> {
    const licenseNo = this.validLicenseNo(dto.licenseNo);
    assertLicenseDates(dto.licenseValidFrom, dto.licenseValidTo);
    const id = await this.transactions.run(async (manager) => {
      const place = await this.placeFor(manager, actor, dto.territoryId);
      await this.districts.assertUsable(manager, dto.districtType);
      await this.assertLicenseFree(manager, licenseNo, null);
      const today = this.today();
      const retailer = manager.create(Retailer, {
        ...dto,
        licenseNo,
        ...place,
        phone: dto.phone ?? null,
        districtType: dto.districtType ?? null,
        gradeSince: today,
        reachableSms: dto.reachableSms ?? false,
        reachableWechat: dto.reachableWechat ?? false,
        reachablePortal: dto.reachablePortal ?? false,
        ownerBirthday: dto.ownerBirthday ?? null,
        licenseValidFrom: dto.licenseValidFrom ?? null,
        licenseValidTo: dto.licenseValidTo ?? null,
        bigAccount: false,
        status: 'active',
      });
      await manager.insert(Retailer, retailer);
      await manager.insert(RetailerGrade, {
        retailerId: retailer.id,
        grade: dto.grade,
        effectiveFrom: today,
        source: 'initial',
        changedBy: actor.userId,
      });
      await this.users.syncRetailerAccounts(manager, [{ ...accountOf(retailer), status: 'active' }]);
      await this.audit.record(manager, actor, {
        action: 'retailer.create',
        entityType: 'retailer',
        entityId: retailer.id,
        after: { ...dto, licenseNo, ...place },
        departmentId: place.departmentId,
      });
      return retailer.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, dto: UpdateRetailerDto): Promise<RetailerView> {
    if (dto.grade !== undefined) throw retailersError('RETAILER_GRADE_LOCKED');
    if (dto.status !== undefined) throw retailersError('RETAILER_STATUS_NOT_EDITABLE_HERE');
    if (dto.bigAccount !== undefined) throw retailersError('RETAILER_BIG_ACCOUNT_NOT_EDITABLE_HERE');
    const changes = Object.fromEntries(
      Object.entries(dto).filter(([, value]) => value !== undefined),
    ) as Partial<Retailer>;
    if (actor.role === 'account_manager') {
      const forbidden = Object.keys(changes).filter(
        (f) => !(CONTACT_FIELDS as readonly string[]).includes(f),
      );
      if (forbidden.length) throw retailersError('RETAILER_FIELDS_NOT_EDITABLE', { fields: forbidden });
    }
    if (changes.licenseNo !== undefined) changes.licenseNo = this.validLicenseNo(changes.licenseNo);
    await this.transactions.run(async (manager) => {
      const retailer = await this.lockVisible(manager, actor, id);
      if (retailer.status === 'closed') throw retailersError('RETAILER_CLOSED');
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(changes)) {
        const current = (retailer as unknown as Record<string, unknown>)[field];
        if (current !== value) {
          before[field] = current;
          after[field] = value;
        }
      }
      if (!Object.keys(after).length) return;
      assertLicenseDates(
        'licenseValidFrom' in after ? (after.licenseValidFrom as string | null) : retailer.licenseValidFrom,
        'licenseValidTo' in after ? (after.licenseValidTo as string | null) : retailer.licenseValidTo,
      );
      if ('licenseNo' in after) await this.assertLicenseFree(manager, after.licenseNo as string, retailer.id);
      if ('districtType' in after)
        await this.districts.assertUsable(manager, after.districtType as string | null);
      if ('territoryId' in after) {
        const place = await this.placeFor(manager, actor, after.territoryId as number);
        Object.assign(after, place);
        before.serviceCenterId = retailer.serviceCenterId;
        before.departmentId = retailer.departmentId;
      }
      await manager.update(Retailer, retailer.id, after);
      Object.assign(retailer, after);
      if (ACCOUNT_FIELDS.some((field) => field in after)) {
        await this.users.syncRetailerAccounts(manager, [accountOf(retailer)]);
      }
      await this.audit.record(manager, actor, {
        action: 'retailer.update',
        entityType: 'retailer',
        entityId: retailer.id,
        before,
        after,
        departmentId: retailer.departmentId,
      });
    });
    return this.get(actor, id);
  }

  /** Active ↔ suspended, → closed, closed → active: with a reason; closing disables the retailer's account. */
  async changeStatus(actor: Actor, id: number, dto: ChangeStatusDto): Promise<RetailerView> {
    await this.transactions.run(async (manager) => {
      const retailer = await this.lockVisible(manager, actor, id);
      const { reason } = orThrow(checkStatusChange(retailer.status, dto.status, dto.reason), retailersError);
      const before = { status: retailer.status, statusReason: retailer.statusReason };
      await manager.update(Retailer, retailer.id, {
        status: dto.status,
        statusReason: reason,
        statusChangedAt: () => 'now()',
      });
      const enabled = accountEnabledFor(dto.status);
      if (enabled !== accountEnabledFor(retailer.status)) {
        retailer.status = dto.status;
        await this.users.syncRetailerAccounts(manager, [
          { ...accountOf(retailer), status: enabled ? 'active' : 'disabled' },
        ]);
      }
      await this.audit.record(manager, actor, {
        action: 'retailer.status',
        entityType: 'retailer',
        entityId: retailer.id,
        before,
        after: { status: dto.status, statusReason: reason },
        departmentId: retailer.departmentId,
      });
    });
    return this.get(actor, id);
  }

  /** A one-time password for the retailer's self-service account, handed over by staff. */
  async issueActivation(actor: Actor, id: number): Promise<RetailerActivation> {
    return this.transactions.run(async (manager) => {
      const retailer = await this.lockVisible(manager, actor, id);
      if (retailer.status === 'closed') throw retailersError('RETAILER_CLOSED');
      return this.users.issueRetailerActivation(manager, actor, retailer.id, retailer.departmentId);
    });
  }

  /** Loads a retailer in the caller's scope with a row lock, or 404 (also when out of scope). */
  async lockVisible(manager: EntityManager, actor: Actor, id: number): Promise<Retailer> {
    const [condition, params] = scopeCondition(actor.scope, 'r.territory_id', 'r.id');
    const retailer = await manager
      .createQueryBuilder(Retailer, 'r')
      .where('r.id = :id', { id })
      .andWhere(condition, params)
      .setLock('pessimistic_write')
      .getOne();
    if (!retailer) throw notFound('retailer', id);
    return retailer;
  }

  /** The licence number trimmed, or RETAILER_LICENSE_NO_INVALID with the reason and expected length. */
  validLicenseNo(value: string): string {
    const check = checkLicenseNo(value, { length: this.config.licenseNoLength });
    if (!check.ok) {
      throw retailersError('RETAILER_LICENSE_NO_INVALID', {
        reason: check.code,
        expectedLength: this.config.licenseNoLength,
      });
    }
    return check.value;
  }

  /** An active territory in the caller's scope, with its center and department. */
  private async placeFor(manager: EntityManager, actor: Actor, territoryId: number): Promise<RetailerPlace> {
    const unit = await this.org.get(territoryId, manager);
    if (
      !unit ||
      unit.type !== 'territory' ||
      !unit.active ||
      unit.serviceCenterId === null ||
      unit.departmentId === null ||
      !isInScope(actor.scope, territoryId)
    ) {
      throw retailersError('RETAILER_TERRITORY_INVALID', { territoryId });
    }
    return { territoryId, serviceCenterId: unit.serviceCenterId, departmentId: unit.departmentId };
  }

  private async assertLicenseFree(manager: EntityManager, licenseNo: string, retailerId: number | null) {
    const holder = await manager.findOne(Retailer, { where: { licenseNo }, select: { id: true } });
    if (holder && holder.id !== retailerId) throw retailersError('RETAILER_LICENSE_NO_TAKEN', { licenseNo });
    const owners = await this.users.usernameOwners(manager, [licenseNo]);
    if (owners.some((owner) => owner.retailerId !== retailerId || retailerId === null)) {
      throw retailersError('RETAILER_USERNAME_TAKEN', { licenseNo });
    }
  }

  /** Territory and center names for the rows' ids. */
  async decorate(rows: RetailerRow[]): Promise<RetailerView[]> {
    const labels = await this.org.labels(rows.flatMap((r) => [r.territoryId, r.serviceCenterId]));
    return rows.map((row) => toRetailerView(row, labels));
  }
}

export function accountOf(
  retailer: Pick<Retailer, 'id' | 'licenseNo' | 'shopName' | 'territoryId' | 'phone'>,
): RetailerAccount {
  return {
    retailerId: retailer.id,
    licenseNo: retailer.licenseNo,
    displayName: retailer.shopName,
    territoryId: retailer.territoryId,
    phone: retailer.phone,
  };
}

function assertLicenseDates(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && to < from) throw retailersError('RETAILER_LICENSE_DATES_INVALID', { from, to });
}
