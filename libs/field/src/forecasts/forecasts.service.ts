import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, TransactionRunner } from '#libs/shared';
import { AuditService } from '#libs/audit';
import { fieldError } from '../field.errors.js';
import { FieldScope } from '../field-scope.js';
import { FieldWorkRecording } from '../field-work-recording.js';
import { FieldLookups } from '../lookups/field-lookups.js';
import { firstDayOfMonth } from '#libs/kernel';
import { forecastWindow, monthIsOver } from '../domain/index.js';
import { FieldFacts } from '../facts/field-facts.js';
import type { AccuracyReport } from './accuracy-report.js';
import type { ForecastQuery, PutForecastDto } from './dto/forecast.dto.js';

export interface ForecastLineView {
  brandId: number;
  cartons: number;
}

export interface ForecastView {
  id: number;
  territoryId: number;
  departmentId: number;
  month: string;
  submittedBy: number;
  createdAt: Date;
  updatedAt: Date;
  totalCartons: number;
  lines: ForecastLineView[];
}

export interface ForecastMonthView {
  month: string;
  /** True once the month has started: forecasts can no longer change. */
  locked: boolean;
  items: Array<ForecastView & { accountManagerId: number | null }>;
  /** Territories in scope without a forecast for the month. */
  missingTerritoryIds: number[];
}

@Injectable()
export class ForecastsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly recording: FieldWorkRecording,
    private readonly lookups: FieldLookups,
    private readonly scope: FieldScope,
    private readonly facts: FieldFacts,
  ) {}

  /**
   * Submits (or replaces) the caller's territory forecast for a month that has not started. Once the month
   * starts, 409 FORECAST_LOCKED. The upsert locks the forecast row, so concurrent submissions apply in turn.
   */
  async put(actor: Actor, month: string, dto: PutForecastDto): Promise<ForecastView> {
    const territoryId = actor.orgUnitId;
    if (territoryId === null || actor.departmentId === null) throw fieldError('FIELD_NO_TERRITORY');
    return this.transactions.run(async (manager) => {
      const window = forecastWindow(month, this.recording.today());
      if (window === 'locked')
        throw fieldError('FORECAST_LOCKED', { month, lockedSince: firstDayOfMonth(month) });
      if (window === 'tooFar') throw fieldError('FORECAST_MONTH_TOO_FAR', { month });
      const brandIds = dto.lines.map((line) => line.brandId);
      const brands = await this.lookups.brandGuidePrices(manager, brandIds);
      const unknown = brandIds.filter((id) => !brands.has(id));
      if (unknown.length)
        throw fieldError('FIELD_BRAND_UNKNOWN', { brandIds: unknown.sort((a, b) => a - b) });
      const [{ id }]: Array<{ id: number }> = await manager.query(
        `INSERT INTO forecasts (territory_id, department_id, month, submitted_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (territory_id, month) DO UPDATE SET submitted_by = EXCLUDED.submitted_by, updated_at = now()
         RETURNING id`,
        [territoryId, actor.departmentId, firstDayOfMonth(month), actor.userId],
      );
      const before: ForecastLineView[] = await manager.query(
        `SELECT brand_id AS "brandId", cartons FROM forecast_lines WHERE forecast_id = $1 ORDER BY brand_id`,
        [id],
      );
      await manager.query('DELETE FROM forecast_lines WHERE forecast_id = $1', [id]);
      await manager.query(
        `INSERT INTO forecast_lines (forecast_id, brand_id, department_id, cartons)
         SELECT $1, brand_id, $4, cartons FROM unnest($2::int[], $3::int[]) AS l(brand_id, cartons)`,
        [id, brandIds, dto.lines.map((line) => line.cartons), actor.departmentId],
      );
      const [view] = await this.forecasts(manager, [territoryId], month);
      await this.audit.record(manager, actor, {
        action: 'forecast.submit',
        entityType: 'forecast',
        entityId: id,
        before: before.length ? { month, territoryId, lines: before } : null,
        after: { month, territoryId, lines: view.lines },
        departmentId: actor.departmentId,
      });
      return view;
    });
  }

  async get(actor: Actor, month: string, query: ForecastQuery): Promise<ForecastMonthView> {
    const territories = await this.scope.territories(actor, query);
    const forecasts = await this.forecasts(
      this.dataSource.manager,
      territories.map((t) => t.territoryId),
      month,
    );
    const byTerritory = new Map(forecasts.map((f) => [f.territoryId, f]));
    return {
      month,
      locked: forecastWindow(month, this.recording.today()) === 'locked',
      items: territories
        .filter((t) => byTerritory.has(t.territoryId))
        .map((t) => ({ ...byTerritory.get(t.territoryId)!, accountManagerId: t.accountManagerId })),
      missingTerritoryIds: territories
        .filter((t) => !byTerritory.has(t.territoryId))
        .map((t) => t.territoryId),
    };
  }

  /**
   * Accuracy of a finished month per spec, per territory and rolled up, against the actual volumes the
   * ordering context provides (never estimated here: without a provider the answer is 503).
   */
  async accuracy(actor: Actor, month: string, query: ForecastQuery): Promise<AccuracyReport> {
    if (!monthIsOver(month, this.recording.today())) throw fieldError('FORECAST_MONTH_NOT_OVER', { month });
    if (!this.facts.measuresForecastAccuracy) throw fieldError('FORECAST_ACTUALS_UNAVAILABLE');
    return this.facts.forecastAccuracy(month, await this.scope.territories(actor, query));
  }

  private async forecasts(
    manager: DataSource['manager'],
    territoryIds: number[],
    month: string,
  ): Promise<ForecastView[]> {
    return manager.query(
      `SELECT f.id, f.territory_id AS "territoryId", f.department_id AS "departmentId", to_char(f.month, 'YYYY-MM') AS month,
              f.submitted_by AS "submittedBy", f.created_at AS "createdAt", f.updated_at AS "updatedAt",
              COALESCE(sum(l.cartons), 0)::int AS "totalCartons",
              COALESCE(json_agg(json_build_object('brandId', l.brand_id, 'cartons', l.cartons) ORDER BY l.brand_id)
                       FILTER (WHERE l.brand_id IS NOT NULL), '[]') AS lines
         FROM forecasts f LEFT JOIN forecast_lines l ON l.forecast_id = f.id
        WHERE f.territory_id = ANY($1::int[]) AND f.month = $2
        GROUP BY f.id
        ORDER BY f.territory_id`,
      [territoryIds, firstDayOfMonth(month)],
    );
  }
}
