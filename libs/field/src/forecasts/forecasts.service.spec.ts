import { describe, expect, it, jest } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { AuditService } from '#libs/audit';
import type { BrandDirectory } from '#libs/catalog';
import type { RetailerDirectory } from '#libs/retailers';
import type { Actor, TransactionRunner } from '#libs/shared';
import type { FieldScope, ScopedTerritory } from '../field-scope.js';
import type { FieldWorkRecording } from '../field-work-recording.js';
import { FieldFacts } from '../facts/field-facts.js';
import type { FieldLookups } from '../lookups/field-lookups.js';
import type { FieldPolicyService } from '../policy/field-policy.service.js';
import { FieldModule } from '../field.module.js';
import { ACTUAL_VOLUMES, type ActualVolumesProvider } from './actual-volumes.js';
import { ForecastsService } from './forecasts.service.js';
import type { BusinessCalendarDirectory } from '#libs/calendar';

/**
 * How accuracy is put together: the month must be over, actuals come only from the injected provider (asked
 * for exactly the territories in scope and the month), forecasts and key brands from the database.
 * The maths itself is tested in accuracy-report.spec.ts and the domain.
 */
const actor = { userId: 7, role: 'market_manager' } as Actor;
const territories: ScopedTerritory[] = [
  { territoryId: 10, departmentId: 1, accountManagerId: 101 },
  { territoryId: 20, departmentId: 1, accountManagerId: null },
];

function service(today: string, actuals?: ActualVolumesProvider) {
  const query = jest.fn(async () => [
    { territoryId: 10, brandId: 1, cartons: 90 },
    { territoryId: 20, brandId: 2, cartons: 10 },
  ]);
  const scope = { territories: jest.fn(async (_actor: Actor, _filter: object) => territories) };
  const brands = {
    keyBrandsOf: jest.fn(async (_year: number, _departmentIds: readonly number[]) => [
      { brandId: 1, kind: 'national_top20', departmentId: null },
    ]),
  };
  const recording = { today: () => today };
  const dataSource = { query } as unknown as DataSource;
  const facts = new FieldFacts(
    dataSource,
    {} as RetailerDirectory,
    brands as unknown as BrandDirectory,
    {} as FieldPolicyService,
    {} as BusinessCalendarDirectory,
    actuals,
  );
  const forecasts = new ForecastsService(
    dataSource,
    {} as TransactionRunner,
    {} as AuditService,
    recording as unknown as FieldWorkRecording,
    {} as FieldLookups,
    scope as unknown as FieldScope,
    facts,
  );
  return { forecasts, query, scope, brands };
}

describe('ForecastsService.accuracy', () => {
  const provider = (): ActualVolumesProvider & { actualCartonsByBrand: jest.Mock } =>
    ({
      actualCartonsByBrand: jest.fn(async () => [
        { territoryId: 10, brandId: 1, demandCartons: 100, orderedCartons: 100 },
        { territoryId: 20, brandId: 3, demandCartons: 40, orderedCartons: 40 },
      ]),
    }) as never;

  it('answers 409 FORECAST_MONTH_NOT_OVER before the month has ended, asking nobody', async () => {
    const actuals = provider();
    const { forecasts, query } = service('2026-12-31', actuals);
    await expect(forecasts.accuracy(actor, '2026-12', {})).rejects.toMatchObject({
      code: 'FORECAST_MONTH_NOT_OVER',
      status: 409,
    });
    expect(actuals.actualCartonsByBrand).not.toHaveBeenCalled();
    expect(query).not.toHaveBeenCalled();
  });

  it('answers 503 FORECAST_ACTUALS_UNAVAILABLE without a provider, never estimating', async () => {
    const { forecasts, query } = service('2027-01-01');
    await expect(forecasts.accuracy(actor, '2026-12', {})).rejects.toMatchObject({
      code: 'FORECAST_ACTUALS_UNAVAILABLE',
      status: 503,
    });
    expect(query).not.toHaveBeenCalled();
  });

  it('asks the provider for the scope’s territories and month, and scores them', async () => {
    const actuals = provider();
    const { forecasts, scope, brands } = service('2027-01-01', actuals);
    const report = await forecasts.accuracy(actor, '2026-12', { accountManagerId: 101 });
    expect(scope.territories).toHaveBeenCalledWith(actor, { accountManagerId: 101 });
    expect(actuals.actualCartonsByBrand).toHaveBeenCalledWith([10, 20], '2026-12');
    expect(brands.keyBrandsOf).toHaveBeenCalledWith(2026, [1]);
    // T10: brand 1 A=100 F=90 → error 10, 0.9. T20: brand 2 forecast 10, nothing demanded → error 10; brand 3
    // demanded 40, not forecast → error 40: 1 − 50/40 < 0 → 0. Roll-up 1 − 60/140; key brand 1 only: 0.9.
    expect(report.territories.map((t) => t.overall.accuracy)).toEqual([0.9, 0]);
    expect(report.overall).toMatchObject({ demandCartons: 140, errorCartons: 60 });
    expect(report.overall.accuracy).toBeCloseTo(1 - 60 / 140, 12);
    expect(report.keyBrands).toMatchObject({ demandCartons: 100, errorCartons: 10, accuracy: 0.9 });
  });
});

describe('FieldModule.register', () => {
  it('provides ACTUAL_VOLUMES only when a provider is given', () => {
    class OrderingActuals {}
    const bare = FieldModule.register();
    const wired = FieldModule.register({ actualVolumes: { useExisting: OrderingActuals } });
    const tokens = (providers: unknown[] | undefined) =>
      (providers ?? []).map((p) => (typeof p === 'function' ? p : (p as { provide: unknown }).provide));
    expect(tokens(bare.providers)).not.toContain(ACTUAL_VOLUMES);
    expect(wired.providers).toContainEqual({ provide: ACTUAL_VOLUMES, useExisting: OrderingActuals });
  });
});
