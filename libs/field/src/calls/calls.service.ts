import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  notFound,
  type Page,
  pageOf,
  pageOffset,
  scopeCondition,
  TransactionRunner,
} from '#libs/shared';
import { AuditService } from '#libs/audit';
import { fieldError } from '../field.errors.js';
import { fieldScope } from '../field-scope.js';
import { FieldWorkRecording } from '../field-work-recording.js';
import { Call } from './call.entity.js';
import type { CallQuery, RecordCallDto } from './dto/call.dto.js';

export interface CallView {
  id: number;
  retailerId: number;
  territoryId: number;
  departmentId: number;
  accountManagerId: number;
  calledAt: Date;
  calledOn: string;
  reached: boolean;
  durationSeconds: number | null;
  notes: string | null;
  createdAt: Date;
}

const CALL_COLUMNS = `
  k.id, k.retailer_id AS "retailerId", k.territory_id AS "territoryId", k.department_id AS "departmentId",
  k.account_manager_id AS "accountManagerId", k.called_at AS "calledAt", k.called_on::text AS "calledOn",
  k.reached, k.duration_seconds AS "durationSeconds", k.notes, k.created_at AS "createdAt"`;

@Injectable()
export class CallsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly recording: FieldWorkRecording,
  ) {}

  async record(actor: Actor, dto: RecordCallDto): Promise<CallView> {
    return this.transactions.run(async (manager) => {
      const context = await this.recording.prepare(manager, actor, dto.retailerId, dto.calledAt);
      const result = await manager.insert(Call, {
        retailerId: context.retailer.id,
        territoryId: context.retailer.territoryId,
        departmentId: context.retailer.departmentId,
        accountManagerId: actor.userId,
        calledAt: context.at,
        calledOn: context.atDate,
        reached: dto.reached ?? true,
        durationSeconds: dto.durationSeconds ?? null,
        notes: dto.notes ?? null,
      });
      const call = await this.view(manager, result.identifiers[0].id as number);
      await this.audit.record(manager, actor, {
        action: 'call.create',
        entityType: 'call',
        entityId: call.id,
        after: call,
        departmentId: call.departmentId,
      });
      return call;
    });
  }

  async list(actor: Actor, query: CallQuery): Promise<Page<CallView>> {
    if (query.from && query.to && query.from > query.to)
      throw fieldError('FIELD_PERIOD_INVALID', { from: query.from, to: query.to });
    const qb = this.dataSource
      .createQueryBuilder()
      .from(Call, 'k')
      .where(...scopeCondition(fieldScope(actor), 'k.territory_id'));
    if (query.from) qb.andWhere('k.called_on >= :from', { from: query.from });
    if (query.to) qb.andWhere('k.called_on <= :to', { to: query.to });
    if (query.accountManagerId) qb.andWhere('k.account_manager_id = :am', { am: query.accountManagerId });
    if (query.retailerId) qb.andWhere('k.retailer_id = :retailerId', { retailerId: query.retailerId });
    if (query.territoryId) qb.andWhere('k.territory_id = :territoryId', { territoryId: query.territoryId });
    if (query.reached !== undefined) qb.andWhere('k.reached = :reached', { reached: query.reached });
    const total = await qb.clone().select('count(*)::int', 'n').getRawOne<{ n: number }>();
    const items = await qb
      .select(CALL_COLUMNS)
      .orderBy('k.called_at', 'DESC')
      .addOrderBy('k.id', 'DESC')
      .offset(pageOffset(query))
      .limit(query.pageSize)
      .getRawMany<CallView>();
    return pageOf(items, total?.n ?? 0, query);
  }

  private async view(manager: EntityManager, id: number): Promise<CallView> {
    const [row] = await manager.query(`SELECT ${CALL_COLUMNS} FROM calls k WHERE k.id = $1`, [id]);
    if (!row) throw notFound('call', id);
    return row;
  }
}
