import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
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
  TransactionRunner,
} from '#libs/shared';
import { AuditService } from '#libs/audit';
import { BrandDirectory } from '#libs/catalog';
import { OrgDirectory, type OrgUnit } from '#libs/org';
import { type OrderAnomaly, OrderingReportsService } from '#libs/ordering';
import { RetailerDirectory } from '#libs/retailers';
import { type LeadImportance, type LeadKind, leadDeadline } from './domain/index.js';
import { Lead, LeadEventRecord, type LeadSource } from './lead.entity.js';
import { leadScopeCondition, type LeadView, recordLeadHistory, toLeadView } from './lead-access.js';
import { LeadPolicyService } from './lead-policy.service.js';
import { LeadPhotos } from './lead-photos.js';
import { enforcementError } from './enforcement.errors.js';
import type { CreateLeadDto, LeadFromAnomalyDto, LeadQuery } from './dto/lead.dto.js';
import { endOfDay, startOfDay } from '#libs/kernel';

export interface LeadDetail extends LeadView {
  history: Array<{
    event: LeadEventRecord['event'];
    fromStatus: string | null;
    toStatus: string | null;
    actorId: number | null;
    actorRole: string;
    comment: string | null;
    at: Date;
  }>;
  /** The result's photo evidence (attachment ids, oldest first). */
  resultPhotoIds: number[];
}

/** Where a lead belongs: its retailer (if any), territory, and the squad covering the territory. */
interface LeadPlace {
  retailerId: number | null;
  territory: OrgUnit & { squadId: number; serviceCenterId: number; departmentId: number };
}

function isAnomalyTaken(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { constraint?: string })?.constraint === 'uq_leads_anomaly'
  );
}

/**
 * Leads in and out: reporting (by account managers and delivery staff, or from an ordering anomaly),
 * routed to the squad covering the territory with the department's deadline; reading them, scoped.
 */
@Injectable()
export class LeadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgDirectory,
    private readonly retailers: RetailerDirectory,
    private readonly brands: BrandDirectory,
    private readonly ordering: OrderingReportsService,
    private readonly policies: LeadPolicyService,
    private readonly photos: LeadPhotos,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(actor: Actor, dto: CreateLeadDto): Promise<LeadView> {
    const place = await this.placeOf(actor, dto.retailerId, dto.territoryId);
    return this.transactions.run((manager) =>
      this.insertLead(manager, actor, place, {
        kind: dto.kind,
        importance: dto.importance,
        description: dto.description.trim(),
        evidence: dto.evidence ?? [],
        source: 'report',
      }),
    );
  }

  /** An ordering anomaly warning turned into an abnormal-purchase lead, once per cycle, retailer and spec. */
  async fromAnomaly(actor: Actor, dto: LeadFromAnomalyDto): Promise<LeadView> {
    const place = await this.placeOf(actor, dto.retailerId);
    const anomaly = await this.ordering.findAnomaly(dto);
    if (!anomaly) throw notFound('anomaly', `${dto.cycleId}/${dto.retailerId}/${dto.brandId}`);
    const [brand] = await this.brands.factsOf([dto.brandId]);
    try {
      return await this.transactions.run(async (manager) => {
        const existing = await manager.findOne(Lead, {
          where: {
            source: 'anomaly',
            sourceCycleId: dto.cycleId,
            retailerId: dto.retailerId,
            sourceBrandId: dto.brandId,
          },
          select: { id: true },
        });
        if (existing) throw enforcementError('LEAD_ALREADY_REPORTED', { leadId: existing.id });
        return this.insertLead(manager, actor, place, {
          kind: 'abnormalPurchase',
          importance: dto.importance ?? 'normal',
          description: anomalyDescription(anomaly, brand?.name ?? `#${dto.brandId}`, dto.note),
          evidence: [],
          source: 'anomaly',
          sourceCycleId: dto.cycleId,
          sourceBrandId: dto.brandId,
          anomaly: { ...anomaly },
        });
      });
    } catch (error) {
      // Two calls for the same warning at once: the unique index lets one through.
      if (isAnomalyTaken(error)) throw enforcementError('LEAD_ALREADY_REPORTED', dto);
      throw error;
    }
  }

  async list(actor: Actor, query: LeadQuery): Promise<Page<LeadView>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Lead, 'l')
      .where(...leadScopeCondition(actor))
      .orderBy('l.reported_at', 'DESC')
      .addOrderBy('l.id', 'DESC');
    if (query.status) qb.andWhere('l.status = :status', { status: query.status });
    if (query.squadId) qb.andWhere('l.squad_id = :squadId', { squadId: query.squadId });
    if (query.retailerId) qb.andWhere('l.retailer_id = :retailerId', { retailerId: query.retailerId });
    // Business dates: from the start of `from` to the end of `to` in the business time zone.
    if (query.from)
      qb.andWhere('l.reported_at >= :fromInstant', {
        fromInstant: startOfDay(query.from, this.config.timeZone),
      });
    if (query.to)
      qb.andWhere('l.reported_at < :toInstant', { toInstant: endOfDay(query.to, this.config.timeZone) });
    const [leads, total] = await qb.skip(pageOffset(query)).take(query.pageSize).getManyAndCount();
    const now = this.clock.now();
    return pageOf(
      leads.map((lead) => toLeadView(lead, now)),
      total,
      query,
    );
  }

  /** One lead with its history; out of scope is 404. */
  async get(actor: Actor, id: number): Promise<LeadDetail> {
    const lead = await this.dataSource.manager
      .createQueryBuilder(Lead, 'l')
      .where('l.id = :id', { id })
      .andWhere(...leadScopeCondition(actor))
      .getOne();
    if (!lead) throw notFound('lead', id);
    const history = await this.dataSource.manager.find(LeadEventRecord, {
      where: { leadId: id },
      order: { at: 'ASC', id: 'ASC' },
    });
    return {
      ...toLeadView(lead, this.clock.now()),
      history: history.map(({ event, fromStatus, toStatus, actorId, actorRole, comment, at }) => ({
        event,
        fromStatus,
        toStatus,
        actorId,
        actorRole,
        comment,
        at,
      })),
      resultPhotoIds: await this.photos.photoIds(id),
    };
  }

  private async insertLead(
    manager: EntityManager,
    actor: Actor,
    place: LeadPlace,
    content: {
      kind: LeadKind;
      importance: LeadImportance;
      description: string;
      evidence: string[];
      source: LeadSource;
      sourceCycleId?: number;
      sourceBrandId?: number;
      anomaly?: object;
    },
  ): Promise<LeadView> {
    const now = this.clock.now();
    const policy = await this.policies.policyFor(place.territory.departmentId, manager);
    const lead = manager.create(Lead, {
      ...content,
      status: 'new',
      retailerId: place.retailerId,
      territoryId: place.territory.id,
      serviceCenterId: place.territory.serviceCenterId,
      departmentId: place.territory.departmentId,
      squadId: place.territory.squadId,
      reportedBy: actor.userId,
      reporterRole: actor.role,
      reportedAt: now,
      deadlineAt: leadDeadline(now, content.importance, policy),
    });
    await manager.save(lead);
    await recordLeadHistory(manager, actor, [{ leadId: lead.id, event: 'report', toStatus: 'new', at: now }]);
    await this.audit.record(manager, actor, {
      action: content.source === 'anomaly' ? 'lead.report_anomaly' : 'lead.report',
      entityType: 'lead',
      entityId: lead.id,
      after: { ...lead },
      departmentId: lead.departmentId,
    });
    return toLeadView(lead, now);
  }

  /**
   * The lead's place: the retailer's territory when it names one (the retailer must be in the caller's
   * scope), else the territory named or the caller's own (an account manager's territory; for delivery
   * staff, the first territory of the route). The territory's covering squad receives the lead.
   */
  private async placeOf(actor: Actor, retailerId?: number, territoryId?: number): Promise<LeadPlace> {
    let id: number;
    if (retailerId !== undefined) {
      const retailer = await this.retailers.facts(retailerId);
      if (!retailer || !isInScope(actor.scope, retailer.territoryId, retailer.id))
        throw notFound('retailer', retailerId);
      if (territoryId !== undefined && territoryId !== retailer.territoryId)
        throw enforcementError('LEAD_TERRITORY_MISMATCH', { retailerId, territoryId });
      id = retailer.territoryId;
    } else if (territoryId !== undefined) {
      if (!isInScope(actor.scope, territoryId)) throw notFound('territory', territoryId);
      id = territoryId;
    } else {
      const own = actor.scope.kind === 'territories' ? actor.scope.territoryIds[0] : undefined;
      if (own === undefined) throw enforcementError('LEAD_TERRITORY_REQUIRED');
      id = own;
    }
    const [territory] = await this.org.territoriesByIds([id]);
    if (!territory) throw notFound('territory', id);
    if (territory.squadId === null) throw enforcementError('LEAD_NO_SQUAD', { territoryId: id });
    return {
      retailerId: retailerId ?? null,
      territory: territory as LeadPlace['territory'],
    };
  }
}

/** 异常订购预警 in words, with the figures the warning rests on. */
function anomalyDescription(anomaly: OrderAnomaly, brandName: string, note?: string): string {
  const prior = anomaly.priorCycleCartons;
  const average = prior.length ? prior.reduce((sum, n) => sum + n, 0) / prior.length : 0;
  const text =
    `异常订购预警：${anomaly.orderDate} 订货周期，${brandName} 订购 ${anomaly.cartons} 条，` +
    `前 ${prior.length} 期平均 ${Math.round(average * 10) / 10} 条` +
    (anomaly.ratio === null ? '' : `（${anomaly.ratio} 倍）`);
  const extra = note?.trim();
  return extra ? `${text}。${extra}` : text;
}
