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
import { orThrow } from '#libs/kernel';
import { AuditService } from '#libs/audit';
import { checkSpecPrice } from '#libs/catalog';
import { fieldError } from '../field.errors.js';
import { fieldScope } from '../field-scope.js';
import { FieldWorkRecording, type RecordingContext } from '../field-work-recording.js';
import { FieldLookups } from '../lookups/field-lookups.js';
import { checkVisitContent } from '../domain/index.js';
import { Visit, VisitCheck, VisitPriceCheck, VisitShelfItem } from './visit.entity.js';
import { VisitPhotos } from './visit-photos.js';
import {
  type PriceCheckView,
  VISIT_SUMMARY_COLUMNS,
  type VisitCheckView,
  type VisitSummary,
  type VisitSummaryRow,
  type VisitView,
} from './visit.view.js';
import type { CheckVisitDto, RecordVisitDto, VisitQuery } from './dto/visit.dto.js';

@Injectable()
export class VisitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly recording: FieldWorkRecording,
    private readonly lookups: FieldLookups,
    private readonly photos: VisitPhotos,
  ) {}

  /** Records a visit with everything observed at it, in one transaction with its audit row. */
  async record(actor: Actor, dto: RecordVisitDto): Promise<VisitView> {
    return this.transactions.run(async (manager) => {
      const context = await this.recording.prepare(manager, actor, dto.retailerId, dto.visitedAt);
      orThrow(
        checkVisitContent({
          kind: dto.kind,
          hasGuidance: dto.guidance !== undefined,
          retailerIsBigAccount: context.retailer.bigAccount,
        }),
        fieldError,
      );
      const priceRows = await this.priceCheckRows(manager, dto, context);
      const visitId = await this.insertVisit(manager, actor, dto, context);
      const located = {
        visitId,
        retailerId: context.retailer.id,
        territoryId: context.retailer.territoryId,
        departmentId: context.retailer.departmentId,
        visitedOn: context.atDate,
      };
      if (priceRows.length) {
        await manager.insert(
          VisitPriceCheck,
          priceRows.map((row) => ({ ...located, ...row })),
        );
      }
      if (dto.shelfCheck?.brandIds.length) {
        await manager.insert(
          VisitShelfItem,
          dto.shelfCheck.brandIds.map((brandId) => ({ ...located, brandId })),
        );
      }
      const view = await this.view(manager, visitId);
      await this.audit.record(manager, actor, {
        action: 'visit.create',
        entityType: 'visit',
        entityId: visitId,
        after: view,
        departmentId: view.departmentId,
      });
      return view;
    });
  }

  async list(actor: Actor, query: VisitQuery): Promise<Page<VisitSummary>> {
    if (query.from && query.to && query.from > query.to)
      throw fieldError('FIELD_PERIOD_INVALID', { from: query.from, to: query.to });
    const qb = this.dataSource
      .createQueryBuilder()
      .from(Visit, 'v')
      .leftJoin(VisitCheck, 'c', 'c.visit_id = v.id')
      .where(...scopeCondition(fieldScope(actor), 'v.territory_id'));
    if (query.from) qb.andWhere('v.visited_on >= :from', { from: query.from });
    if (query.to) qb.andWhere('v.visited_on <= :to', { to: query.to });
    if (query.accountManagerId) qb.andWhere('v.account_manager_id = :am', { am: query.accountManagerId });
    if (query.retailerId) qb.andWhere('v.retailer_id = :retailerId', { retailerId: query.retailerId });
    if (query.territoryId) qb.andWhere('v.territory_id = :territoryId', { territoryId: query.territoryId });
    if (query.kind) qb.andWhere('v.kind = :kind', { kind: query.kind });
    const total = await qb.clone().select('count(*)::int', 'n').getRawOne<{ n: number }>();
    const rows = await qb
      .select(VISIT_SUMMARY_COLUMNS)
      .orderBy('v.visited_at', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .offset(pageOffset(query))
      .limit(query.pageSize)
      .getRawMany<VisitSummaryRow>();
    return pageOf(await this.photos.summaries(rows), total?.n ?? 0, query);
  }

  async get(actor: Actor, id: number): Promise<VisitView> {
    const visible = await this.dataSource
      .createQueryBuilder()
      .from(Visit, 'v')
      .where('v.id = :id', { id })
      .andWhere(...scopeCondition(fieldScope(actor), 'v.territory_id'))
      .getExists();
    if (!visible) throw notFound('visit', id);
    return this.view(this.dataSource.manager, id);
  }

  /**
   * A market manager's field check of a guidance visit of its center. Once per visit: a second check is
   * refused (the unique key makes this hold under concurrency too), so a verdict cannot be revised until
   * the KPI looks better.
   */
  async check(
    actor: Actor,
    visitId: number,
    dto: CheckVisitDto,
  ): Promise<VisitCheckView & { visitId: number }> {
    return this.transactions.run(async (manager) => {
      const [condition, params] = scopeCondition(fieldScope(actor), 'v.territory_id');
      const visit = await manager
        .createQueryBuilder()
        .from(Visit, 'v')
        .select([
          'v.id AS id',
          'v.kind AS kind',
          'v.territory_id AS "territoryId"',
          'v.department_id AS "departmentId"',
        ])
        .where('v.id = :visitId', { visitId })
        .andWhere(condition, params)
        .getRawOne<{ id: number; kind: string; territoryId: number; departmentId: number }>();
      if (!visit) throw notFound('visit', visitId);
      if (visit.kind !== 'guidance') throw fieldError('VISIT_NOT_GUIDANCE', { visitId, kind: visit.kind });
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(VisitCheck)
        .values({
          visitId,
          territoryId: visit.territoryId,
          departmentId: visit.departmentId,
          effective: dto.effective,
          note: dto.note,
          checkedBy: actor.userId,
          checkedAt: this.recording.now(),
        })
        .orIgnore()
        .returning('checked_at')
        .execute();
      if (!inserted.raw.length) throw fieldError('VISIT_ALREADY_CHECKED', { visitId });
      const check = {
        visitId,
        effective: dto.effective,
        note: dto.note,
        checkedBy: actor.userId,
        checkedAt: inserted.raw[0].checked_at as Date,
      };
      await this.audit.record(manager, actor, {
        action: 'visit.check',
        entityType: 'visit',
        entityId: visitId,
        after: check,
        departmentId: visit.departmentId,
      });
      return check;
    });
  }

  /** Each spec's observed prices against its guide prices, with the department's tolerance. */
  private async priceCheckRows(manager: EntityManager, dto: RecordVisitDto, context: RecordingContext) {
    const priceBrandIds = dto.priceChecks?.map((line) => line.brandId) ?? [];
    const shelfBrandIds = dto.shelfCheck?.brandIds ?? [];
    const brands = await this.lookups.brandGuidePrices(manager, [
      ...new Set([...priceBrandIds, ...shelfBrandIds]),
    ]);
    const unknown = [...new Set([...priceBrandIds, ...shelfBrandIds])].filter((id) => !brands.has(id));
    if (unknown.length) throw fieldError('FIELD_BRAND_UNKNOWN', { brandIds: unknown.sort((a, b) => a - b) });
    const tolerance = { basisPoints: context.policy.priceToleranceBp };
    return (dto.priceChecks ?? []).map((line) => {
      const brand = brands.get(line.brandId)!;
      const verdict = checkSpecPrice(
        { perPackFen: line.observedPackFen ?? null, perCartonFen: line.observedCartonFen ?? null },
        { perPackFen: brand.guidePackFen, perCartonFen: brand.guideCartonFen },
        tolerance,
      );
      return {
        brandId: line.brandId,
        observedPackFen: line.observedPackFen ?? null,
        observedCartonFen: line.observedCartonFen ?? null,
        guidePackFen: brand.guidePackFen,
        guideCartonFen: brand.guideCartonFen,
        toleranceBp: tolerance.basisPoints,
        compliant: verdict.compliant,
      };
    });
  }

  private async insertVisit(
    manager: EntityManager,
    actor: Actor,
    dto: RecordVisitDto,
    context: RecordingContext,
  ): Promise<number> {
    const result = await manager.insert(Visit, {
      retailerId: context.retailer.id,
      territoryId: context.retailer.territoryId,
      departmentId: context.retailer.departmentId,
      accountManagerId: actor.userId,
      kind: dto.kind,
      visitedAt: context.at,
      visitedOn: context.atDate,
      notes: dto.notes ?? null,
      guidanceTopics: dto.guidance?.topics ?? null,
      guidanceAdvice: dto.guidance?.advice ?? null,
      shelfChecked: dto.shelfCheck !== undefined,
      awareFloatingQuota: dto.awareness?.floatingQuota ?? null,
      awareSelfReporting: dto.awareness?.selfReporting ?? null,
      reachableSms: dto.channelReachable?.sms ?? null,
      reachableWechat: dto.channelReachable?.wechat ?? null,
      reachablePortal: dto.channelReachable?.portal ?? null,
      latitude: dto.position ? String(dto.position.latitude) : null,
      longitude: dto.position ? String(dto.position.longitude) : null,
      positionAccuracyM: dto.position?.accuracyMeters ?? null,
    });
    return result.identifiers[0].id as number;
  }

  private async view(manager: EntityManager, id: number): Promise<VisitView> {
    const [row]: VisitSummaryRow[] = await manager.query(
      `SELECT ${VISIT_SUMMARY_COLUMNS} FROM visits v LEFT JOIN visit_checks c ON c.visit_id = v.id WHERE v.id = $1`,
      [id],
    );
    if (!row) throw notFound('visit', id);
    const prices: PriceCheckView[] = await manager.query(
      `SELECT brand_id AS "brandId", observed_pack_fen AS "observedPackFen", observed_carton_fen AS "observedCartonFen",
              guide_pack_fen AS "guidePackFen", guide_carton_fen AS "guideCartonFen",
              observed_pack_fen - guide_pack_fen AS "packDifferenceFen",
              observed_carton_fen - guide_carton_fen AS "cartonDifferenceFen",
              tolerance_bp AS "toleranceBp", compliant
         FROM visit_price_checks WHERE visit_id = $1 ORDER BY brand_id`,
      [id],
    );
    const shelf: Array<{ brandId: number }> = await manager.query(
      `SELECT brand_id AS "brandId" FROM visit_shelf_items WHERE visit_id = $1 ORDER BY brand_id`,
      [id],
    );
    const [summary] = await this.photos.summaries([row], manager);
    return {
      ...summary,
      priceChecks: prices,
      shelfCheck: summary.shelfChecked ? { brandIds: shelf.map((s) => s.brandId) } : null,
    };
  }
}
