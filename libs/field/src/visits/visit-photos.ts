import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, notFound, scopeCondition, TransactionRunner } from '#libs/shared';
import { AttachmentOwners, AttachmentStore, type AttachmentSummary } from '#libs/attachments';
import { fieldError } from '../field.errors.js';
import { FIELD_READERS, fieldScope } from '../field-scope.js';
import { Visit } from './visit.entity.js';
import { toVisitSummary, type VisitSummary, type VisitSummaryRow } from './visit.view.js';

/** The attachment store's name for a visit. */
const VISIT = 'visit';

/**
 * A visit's shelf photo, kept in the attachment store: added once by the account manager who made the visit,
 * seen by whoever may read the visit (field readers in scope; never retailers).
 */
@Injectable()
export class VisitPhotos implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly owners: AttachmentOwners,
    private readonly store: AttachmentStore,
  ) {}

  onModuleInit(): void {
    this.owners.register(VISIT, { maySee: (actor, visitId) => this.maySee(actor, visitId) });
  }

  /** Summaries of visit rows with their shelf photos (one query for the whole list). */
  async summaries(
    rows: VisitSummaryRow[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<VisitSummary[]> {
    const photos = await this.store.summariesOf(
      VISIT,
      rows.map((row) => row.id),
      manager,
    );
    const photoOf = new Map(photos.filter((p) => p.kind === 'photo').map((p) => [p.ownerId, p.id]));
    return rows.map((row) => toVisitSummary(row, photoOf.get(row.id) ?? null));
  }

  /**
   * Adds the shelf photo to one's own visit (another's, or one out of scope: 404): the upload is checked and
   * re-encoded first, then saved under the visit's row lock, so a second photo is refused even when two race.
   */
  async add(actor: Actor, visitId: number, request: FastifyRequest): Promise<AttachmentSummary> {
    const own = { id: visitId, accountManagerId: actor.userId };
    if (!(await this.dataSource.manager.existsBy(Visit, own))) throw notFound('visit', visitId);
    const file = await this.store.prepareUpload(request, 'photo');
    return this.transactions.run(async (manager) => {
      const visit = await manager.findOne(Visit, { where: own, lock: { mode: 'pessimistic_write' } });
      if (!visit) throw notFound('visit', visitId);
      const existing = await this.store.summariesOf(VISIT, [visitId], manager);
      if (existing.some((attachment) => attachment.kind === 'photo')) {
        throw fieldError('VISIT_PHOTO_ALREADY_ADDED', { visitId, attachmentId: existing[0].id });
      }
      return this.store.attach(
        manager,
        actor,
        file,
        { kind: VISIT, id: visitId, departmentId: visit.departmentId },
        'visit.photo',
      );
    });
  }

  private async maySee(actor: Actor, visitId: number): Promise<boolean> {
    if (!FIELD_READERS.includes(actor.role)) return false;
    return this.dataSource
      .createQueryBuilder()
      .from(Visit, 'v')
      .where('v.id = :visitId', { visitId })
      .andWhere(...scopeCondition(fieldScope(actor), 'v.territory_id'))
      .getExists();
  }
}
