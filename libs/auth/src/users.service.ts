import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, Repository, type SelectQueryBuilder } from 'typeorm';
import {
  type Actor,
  containsPattern,
  notFound,
  type Page,
  pageOf,
  pageOffset,
  type Role,
  TransactionRunner,
} from '#libs/shared';
import { AuditService } from '#libs/audit';
import { OrgDirectory, placementAllowed } from '#libs/org';
import { authError } from './auth.errors.js';
import { assertPasswordAcceptable } from './auth.service.js';
import { hashPassword, temporaryPassword, UNUSABLE_PASSWORD_HASH_SQL } from './password-hasher.js';
import { headManages } from './domain/staff-management.rule.js';
import { User } from './user.entity.js';
import type { CreateUserDto, UpdateProfileDto, UpdateUserDto, UserQuery } from './dto/user.dto.js';
import type { UserStatus } from './user.entity.js';

/** A retailer's self-service account as its retailer describes it (username = licence number). */
export interface RetailerAccount {
  retailerId: number;
  licenseNo: string;
  /** Shown as the account's name: the shop name. */
  displayName: string;
  territoryId: number;
  phone: string | null;
  /** Set it (a new retailer is active; a closed one disabled, a reopened one enabled again); undefined keeps it. */
  status?: UserStatus;
}

export interface RetailerAccountSync {
  created: number;
  updated: number;
}

export interface RetailerActivation {
  userId: number;
  username: string;
  /** Shown once, to the staff member who hands it over; the retailer must change it at first login. */
  temporaryPassword: string;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgDirectory,
  ) {}

  async list(actor: Actor, query: UserQuery): Promise<Page<User>> {
    const qb = this.visibleUsers(actor).orderBy('u.username');
    // Retailers' self-service accounts (thousands) are managed with their retailers: listed only when asked.
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    else qb.andWhere(`u.role <> 'retailer'`);
    if (query.orgUnitId) qb.andWhere('u.org_unit_id = :orgUnitId', { orgUnitId: query.orgUnitId });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    if (query.search) {
      const search = containsPattern(query.search);
      qb.andWhere(
        new Brackets((w) =>
          w.where('u.username ILIKE :search', { search }).orWhere('u.display_name ILIKE :search'),
        ),
      );
    }
    const [items, total] = await qb.skip(pageOffset(query)).take(query.pageSize).getManyAndCount();
    return pageOf(items, total, query);
  }

  async get(actor: Actor, id: number): Promise<User> {
    const user = await this.visibleUsers(actor).andWhere('u.id = :id', { id }).getOne();
    if (!user) throw notFound('user', id);
    return user;
  }

  /** Whether a user is active in `role` at `orgUnitId` (another context naming a squad's officer, say). */
  async isActiveMember(
    userId: number,
    role: Role,
    orgUnitId: number,
    manager: EntityManager = this.users.manager,
  ): Promise<boolean> {
    return manager
      .createQueryBuilder(User, 'u')
      .where(`u.id = :userId AND u.role = :role AND u.org_unit_id = :orgUnitId AND u.status = 'active'`, {
        userId,
        role,
        orgUnitId,
      })
      .getExists();
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<User> {
    if (dto.role === 'retailer') throw authError('RETAILER_USERS_MANAGED_BY_RETAILERS');
    assertRoleManaged(actor, dto.role);
    assertPasswordAcceptable(dto.password, dto.username);
    const passwordHash = await hashPassword(dto.password);
    return this.transactions.run(async (manager) => {
      const departmentId = await this.assertPlacement(manager, actor, dto.role, dto.orgUnitId ?? null);
      await this.assertUsernameFree(manager, dto.username);
      const user = manager.create(User, {
        username: dto.username,
        displayName: dto.displayName,
        role: dto.role,
        orgUnitId: dto.orgUnitId ?? null,
        phone: dto.phone ?? null,
        passwordHash,
        status: 'active',
      });
      await this.assertTerritoryFree(manager, user);
      await manager.save(user);
      const { passwordHash: _, ...after } = user;
      await this.audit.record(manager, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        after,
        departmentId,
      });
      return manager.findOneByOrFail(User, { id: user.id });
    });
  }

  async update(actor: Actor, id: number, dto: UpdateUserDto): Promise<User> {
    return this.transactions.run(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user || !(await this.manages(manager, actor, user))) throw notFound('user', id);
      if (dto.role) assertRoleManaged(actor, dto.role);
      const before = { ...user };
      if (
        user.id === actor.userId &&
        ((dto.status && dto.status !== 'active') || (dto.role && dto.role !== user.role))
      ) {
        throw authError('CANNOT_DISABLE_SELF');
      }
      Object.assign(user, stripUndefined(dto));
      const departmentId = await this.assertPlacement(manager, actor, user.role, user.orgUnitId);
      // A retailer's account follows its retailer (name, place); only enabling/disabling is done here.
      if (
        (user.role === 'retailer') !== (before.role === 'retailer') ||
        (before.role === 'retailer' && user.orgUnitId !== before.orgUnitId)
      )
        throw authError('RETAILER_USERS_MANAGED_BY_RETAILERS');
      await this.assertTerritoryFree(manager, user);
      if (user.role !== before.role || user.orgUnitId !== before.orgUnitId || user.status !== before.status) {
        user.tokenVersion = before.tokenVersion + 1; // their tokens describe a role/place/status that no longer holds
      }
      await manager.save(user);
      await this.audit.record(manager, actor, {
        action:
          user.status !== before.status
            ? `user.${user.status === 'active' ? 'enable' : 'disable'}`
            : 'user.update',
        entityType: 'user',
        entityId: user.id,
        before,
        after: { ...user },
        departmentId,
      });
      return user;
    });
  }

  async resetPassword(actor: Actor, id: number, newPassword: string): Promise<void> {
    const user = await this.get(actor, id);
    if (!(await this.manages(this.users.manager, actor, user))) throw notFound('user', id);
    assertPasswordAcceptable(newPassword, user.username);
    const passwordHash = await hashPassword(newPassword);
    await this.transactions.run(async (manager) => {
      await manager.update(User, id, { passwordHash, tokenVersion: () => 'token_version + 1' });
      await this.audit.record(manager, actor, {
        action: 'user.reset_password',
        entityType: 'user',
        entityId: id,
      });
    });
  }

  async updateProfile(actor: Actor, dto: UpdateProfileDto): Promise<User> {
    return this.transactions.run(async (manager) => {
      const user = await manager.findOneByOrFail(User, { id: actor.userId });
      const before = { ...user };
      Object.assign(user, stripUndefined(dto));
      await manager.save(user);
      await this.audit.record(manager, actor, {
        action: 'user.update_profile',
        entityType: 'user',
        entityId: user.id,
        before,
        after: { ...user },
      });
      return user;
    });
  }

  /**
   * Creates or updates retailers' self-service accounts in the caller's transaction, set-based (one
   * statement however many: an import of 30,000 retailers). New accounts get an unusable password hash
   * each (see `UNUSABLE_PASSWORD_HASH_SQL`): they log in once activated. A change of licence number, territory
   * or status ends the account's sessions. Usernames must have been checked free (`usernameOwners`).
   */
  async syncRetailerAccounts(
    manager: EntityManager,
    accounts: RetailerAccount[],
  ): Promise<RetailerAccountSync> {
    if (!accounts.length) return { created: 0, updated: 0 };
    const [counts]: Array<{ created: number; updated: number }> = await manager.query(
      `WITH input AS (
         SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[])
           AS a(retailer_id, username, display_name, org_unit_id, phone, status)),
       updated AS (
         UPDATE users u SET
           username = a.username,
           display_name = a.display_name,
           org_unit_id = a.org_unit_id,
           phone = a.phone,
           status = COALESCE(a.status, u.status),
           token_version = u.token_version + CASE
             WHEN (u.username, u.org_unit_id, u.status) IS DISTINCT FROM (a.username, a.org_unit_id, COALESCE(a.status, u.status))
             THEN 1 ELSE 0 END,
           updated_at = now()
           FROM input a
          WHERE u.retailer_id = a.retailer_id
            AND (u.username, u.display_name, u.org_unit_id, u.phone, u.status)
                IS DISTINCT FROM (a.username, a.display_name, a.org_unit_id, a.phone, COALESCE(a.status, u.status))
         RETURNING u.id),
       created AS (
         INSERT INTO users (username, display_name, role, org_unit_id, retailer_id, phone, password_hash, status)
         SELECT a.username, a.display_name, 'retailer', a.org_unit_id, a.retailer_id, a.phone,
                ${UNUSABLE_PASSWORD_HASH_SQL}, COALESCE(a.status, 'active')
           FROM input a
          WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.retailer_id = a.retailer_id)
         RETURNING id)
       SELECT (SELECT count(*) FROM created)::int AS created, (SELECT count(*) FROM updated)::int AS updated`,
      [
        accounts.map((a) => a.retailerId),
        accounts.map((a) => a.licenseNo),
        accounts.map((a) => a.displayName.slice(0, 64)),
        accounts.map((a) => a.territoryId),
        accounts.map((a) => a.phone),
        accounts.map((a) => a.status ?? null),
      ],
    );
    return counts;
  }

  /** Who holds these usernames (any letter case): for a retailer's account, its retailer. */
  async usernameOwners(
    manager: EntityManager,
    usernames: string[],
  ): Promise<Array<{ username: string; retailerId: number | null }>> {
    if (!usernames.length) return [];
    const rows: Array<{ username: string; retailer_id: number | null }> = await manager.query(
      `SELECT lower(username) AS username, retailer_id FROM users WHERE lower(username) = ANY($1::text[])`,
      [usernames.map((u) => u.toLowerCase())],
    );
    return rows.map((r) => ({ username: r.username, retailerId: r.retailer_id }));
  }

  /**
   * Gives a retailer's account a one-time password (one bcrypt hash: this is one person at a counter, not
   * an import), which the retailer must change at first login; earlier sessions end. Audited.
   */
  async issueRetailerActivation(
    manager: EntityManager,
    actor: Actor,
    retailerId: number,
    departmentId: number | null,
  ): Promise<RetailerActivation> {
    const user = await manager.findOne(User, { where: { retailerId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw authError('RETAILER_ACCOUNT_MISSING', { retailerId });
    const password = temporaryPassword();
    await manager.update(User, user.id, {
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      tokenVersion: () => 'token_version + 1',
    });
    await this.audit.record(manager, actor, {
      action: 'user.issue_activation',
      entityType: 'user',
      entityId: user.id,
      after: { retailerId, username: user.username, status: user.status },
      departmentId,
    });
    return { userId: user.id, username: user.username, temporaryPassword: password };
  }

  /** Admins see everyone; department heads and inspectors their department; market managers their center. */
  private visibleUsers(actor: Actor): SelectQueryBuilder<User> {
    const qb = this.users.createQueryBuilder('u').leftJoin('org_units', 'ou', 'ou.id = u.org_unit_id');
    switch (actor.role) {
      case 'admin':
        return qb;
      case 'department_head':
      case 'inspector':
        return qb.where('ou.department_id = :department', { department: actor.departmentId ?? -1 });
      case 'market_manager':
        return qb.where('ou.service_center_id = :center', { center: actor.orgUnitId ?? -1 });
      default:
        return qb.where('u.id = :self', { self: actor.userId });
    }
  }

  /**
   * Whether the caller may change this user: admins anyone; a department head the staff it manages in its own
   * department (anyone else, admins included, is "not found" to it, as any id out of scope).
   */
  private async manages(manager: EntityManager, actor: Actor, user: User): Promise<boolean> {
    if (actor.role === 'admin') return true;
    if (actor.role !== 'department_head' || !headManages(user.role) || user.orgUnitId === null) return false;
    const unit = await this.org.get(user.orgUnitId, manager);
    return unit !== null && unit.departmentId === actor.departmentId;
  }

  /**
   * The role must fit the kind of unit, and a department head places people only in its own department (another
   * department's unit is 404, as any id out of scope); returns the unit's department for the audit trail.
   */
  private async assertPlacement(
    manager: EntityManager,
    actor: Actor,
    role: Role,
    orgUnitId: number | null,
  ): Promise<number | null> {
    const unit = orgUnitId === null ? null : await this.org.get(orgUnitId, manager);
    if (orgUnitId !== null && (!unit || (actor.role !== 'admin' && unit.departmentId !== actor.departmentId)))
      throw notFound('org unit', orgUnitId);
    if (!placementAllowed(role, unit?.type ?? null)) {
      throw authError('USER_PLACEMENT_INVALID', { role, orgUnitType: unit?.type ?? null });
    }
    return unit?.departmentId ?? null;
  }

  private async assertUsernameFree(manager: EntityManager, username: string) {
    const taken = await manager
      .createQueryBuilder(User, 'u')
      .where('lower(u.username) = lower(:username)', { username })
      .getExists();
    if (taken) throw authError('USERNAME_TAKEN', { username });
  }

  /** A territory has exactly one active account manager (a unique index backs this). */
  private async assertTerritoryFree(manager: EntityManager, user: User) {
    if (user.role !== 'account_manager' || user.status !== 'active') return;
    const other = await manager
      .createQueryBuilder(User, 'u')
      .where(`u.role = 'account_manager' AND u.status = 'active' AND u.org_unit_id = :unit`, {
        unit: user.orgUnitId,
      })
      .andWhere('u.id <> :id', { id: user.id ?? -1 })
      .getExists();
    if (other) throw authError('TERRITORY_HAS_ACCOUNT_MANAGER', { orgUnitId: user.orgUnitId });
  }
}

/** A department head gives only the roles it manages (never admin, head or inspector). */
function assertRoleManaged(actor: Actor, role: Role): void {
  if (actor.role !== 'admin' && !headManages(role)) throw authError('USER_ROLE_NOT_MANAGED', { role });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
