import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, APP_CONFIG, type AppConfig, isInScope, notFound, Clock } from '#libs/shared';
import { businessDate, orThrow } from '#libs/kernel';
import { fieldError } from './field.errors.js';
import { FieldLookups, type RetailerForFieldWork } from './lookups/field-lookups.js';
import { FieldPolicyService } from './policy/field-policy.service.js';
import type { FieldPolicyValues } from './policy/field-policy.values.js';
import { checkRecordingWindow } from './domain/index.js';

export interface RecordingContext {
  retailer: RetailerForFieldWork;
  policy: FieldPolicyValues;
  at: Date;
  /** `at` as a business date. */
  atDate: string;
}

/** What every visit and call checks before it is written: the retailer is the caller's, open, and the time plausible. */
@Injectable()
export class FieldWorkRecording {
  constructor(
    private readonly lookups: FieldLookups,
    private readonly policies: FieldPolicyService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get timeZone(): string {
    return this.config.timeZone;
  }

  today(): string {
    return businessDate(this.clock.now(), this.config.timeZone);
  }

  now(): Date {
    return this.clock.now();
  }

  async prepare(
    manager: EntityManager,
    actor: Actor,
    retailerId: number,
    atText: string,
  ): Promise<RecordingContext> {
    const retailer = await this.lookups.retailerForFieldWork(manager, retailerId);
    // Another territory's retailer is answered exactly like a missing one.
    if (!retailer || !isInScope(actor.scope, retailer.territoryId, retailer.id))
      throw notFound('retailer', retailerId);
    const policy = await this.policies.valuesFor(retailer.departmentId, manager);
    const at = new Date(atText);
    const now = this.clock.now();
    const atDate = businessDate(at, this.config.timeZone);
    orThrow(
      checkRecordingWindow({
        at,
        atDate,
        now,
        today: businessDate(now, this.config.timeZone),
        backdateDays: policy.visitBackdateDays,
      }),
      fieldError,
    );
    if (retailer.status === 'closed') throw fieldError('FIELD_RETAILER_CLOSED', { retailerId });
    return { retailer, policy, at, atDate };
  }
}
