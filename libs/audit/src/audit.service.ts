import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { type Actor, Clock, notFound, type Page, pageOf, pageOffset, preparedQuery } from '#libs/shared';
import { AuditLog } from './audit-log.entity.js';
import type { AuditQuery } from './dto/audit-query.dto.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: object | null;
  after?: object | null;
  /** Defaults to the actor's department. */
  departmentId?: number | null;
}

/** Entries per statement in `recordBulk` (one JSON parameter each). */
const BULK_CHUNK = 5_000;

/** Who did it: a user, or the system for scheduled jobs and bootstrap. */
export type AuditActor = Pick<Actor, 'userId' | 'role' | 'departmentId' | 'requestId'> | 'system';

/** What the audit row records of who did it (a job or the bootstrap: `system`, no user or department). */
function authorOf(actor: AuditActor) {
  return actor === 'system'
    ? { actorId: null, actorRole: 'system', departmentId: null, requestId: null }
    : {
        actorId: actor.userId,
        actorRole: actor.role,
        departmentId: actor.departmentId,
        requestId: actor.requestId,
      };
}

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditLog) private readonly logs: Repository<AuditLog>,
    private readonly clock: Clock,
  ) {}

  /** Writes the audit rows inside the caller's transaction: a rolled-back change leaves no trace. */
  async record(manager: EntityManager, actor: AuditActor, ...entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    const who = authorOf(actor);
    // One prepared statement whatever the number of entries: it runs on every change, on every request.
    await preparedQuery(
      manager,
      `INSERT INTO audit_log (actor_id, actor_role, action, entity_type, entity_id, before, after, department_id, request_id, at)
       SELECT e.actor_id, e.actor_role, e.action, e.entity_type, e.entity_id, e.before, e.after, e.department_id, e.request_id, $2
         FROM jsonb_to_recordset($1::jsonb) AS e(actor_id int, actor_role text, action text, entity_type text, entity_id text,
              before jsonb, after jsonb, department_id int, request_id text)`,
      [
        JSON.stringify(
          entries.map((entry) => ({
            actor_id: who.actorId,
            actor_role: who.actorRole,
            action: entry.action,
            entity_type: entry.entityType,
            entity_id: String(entry.entityId),
            before: entry.before ?? null,
            after: entry.after ?? null,
            department_id: entry.departmentId === undefined ? who.departmentId : entry.departmentId,
            request_id: who.requestId,
          })),
        ),
        // The one clock, not the database's: a job run for a simulated night records that night.
        this.clock.now(),
      ],
    );
  }

  /**
   * The same for thousands of entries (an import): one statement per chunk, the entries passed as a single
   * JSON parameter, so neither the 65,535 bind-parameter limit nor a round trip per entry applies.
   */
  async recordBulk(manager: EntityManager, actor: AuditActor, entries: AuditEntry[]): Promise<void> {
    const who = authorOf(actor);
    for (let start = 0; start < entries.length; start += BULK_CHUNK) {
      const chunk = entries.slice(start, start + BULK_CHUNK).map((entry) => ({
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: String(entry.entityId),
        before: entry.before ?? null,
        after: entry.after ?? null,
        department_id: entry.departmentId === undefined ? who.departmentId : entry.departmentId,
      }));
      await manager.query(
        `INSERT INTO audit_log (actor_id, actor_role, request_id, action, entity_type, entity_id, before, after, department_id, at)
         SELECT $2, $3, $4, e.action, e.entity_type, e.entity_id, e.before, e.after, e.department_id, $5
           FROM jsonb_to_recordset($1::jsonb)
             AS e(action text, entity_type text, entity_id text, before jsonb, after jsonb, department_id int)`,
        [JSON.stringify(chunk), who.actorId, who.actorRole, who.requestId, this.clock.now()],
      );
    }
  }

  async list(actor: Actor, query: AuditQuery): Promise<Page<AuditLog>> {
    const qb = this.logs.createQueryBuilder('a').orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC');
    // Department heads and inspectors read their own department's trail; admins read everything.
    if (actor.role !== 'admin')
      qb.andWhere('a.department_id = :department', { department: actor.departmentId ?? -1 });
    if (query.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.from) qb.andWhere('a.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.at < :to', { to: query.to });
    const [items, total] = await qb.skip(pageOffset(query)).take(query.pageSize).getManyAndCount();
    return pageOf(items, total, query);
  }

  async get(actor: Actor, id: string): Promise<AuditLog> {
    const entry = await this.logs.findOneBy({ id });
    if (!entry || (actor.role !== 'admin' && entry.departmentId !== actor.departmentId))
      throw notFound('audit entry', id);
    return entry;
  }
}
