import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { type Actor, notFound, TransactionRunner } from '#libs/shared';
import { orThrow } from '#libs/kernel';
import { AttachmentOwners, AttachmentStore, type AttachmentSummary } from '#libs/attachments';
import { checkResultPhoto } from './domain/index.js';
import { enforcementError } from './enforcement.errors.js';
import { leadScopeCondition } from './lead-access.js';
import { Lead } from './lead.entity.js';

/** The attachment store's name for a lead. */
const LEAD = 'lead';

/**
 * Photo evidence of a lead's result, kept in the attachment store: added by the officer who recorded the
 * result, seen by whoever may read the lead (its squad, its reporter, inspectors and managers in scope).
 */
@Injectable()
export class LeadPhotos implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly owners: AttachmentOwners,
    private readonly store: AttachmentStore,
  ) {}

  onModuleInit(): void {
    this.owners.register(LEAD, { maySee: (actor, leadId) => this.maySee(actor, leadId) });
  }

  /** The ids of a lead's result photos, oldest first. */
  async photoIds(leadId: number): Promise<number[]> {
    return (await this.store.summariesOf(LEAD, [leadId])).map((photo) => photo.id);
  }

  /**
   * Adds a photo to the result of a lead in scope (out of scope: 404). The upload is checked and re-encoded
   * first, then saved under the lead's row lock, so the maximum holds even when uploads race.
   */
  async add(actor: Actor, leadId: number, request: FastifyRequest): Promise<AttachmentSummary> {
    if (!(await this.maySee(actor, leadId))) throw notFound('lead', leadId);
    const file = await this.store.prepareUpload(request, 'photo');
    return this.transactions.run(async (manager) => {
      const lead = await manager.findOne(Lead, {
        where: { id: leadId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!lead) throw notFound('lead', leadId);
      const existing = await this.store.summariesOf(LEAD, [leadId], manager);
      orThrow(checkResultPhoto(lead, actor.userId, existing.length), enforcementError);
      return this.store.attach(
        manager,
        actor,
        file,
        { kind: LEAD, id: leadId, departmentId: lead.departmentId },
        'lead.resultPhoto',
      );
    });
  }

  private maySee(actor: Actor, leadId: number): Promise<boolean> {
    return this.dataSource
      .createQueryBuilder()
      .from(Lead, 'l')
      .where('l.id = :leadId', { leadId })
      .andWhere(...leadScopeCondition(actor))
      .getExists();
  }
}
