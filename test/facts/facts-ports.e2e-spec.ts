import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { FieldFacts } from '#libs/field';
import { OrderingFacts } from '#libs/ordering';
import { startDemoApp, type DemoApp } from '../support/demo.js';
import { buildKpiFixture, type KpiFixture } from '../kpi/kpi-fixture.js';

/**
 * The middle tier: the facts ports other contexts read (the KPI month, cultivation, reports), called directly
 * against a real database, without HTTP, on the hand-built November of kpi-fixture.ts. Each expected figure is
 * worked out from that file's description, as in the KPI tests that read the same facts through the API.
 */
describe('facts ports on a real database', () => {
  let t: DemoApp;
  let f: KpiFixture;
  let field: FieldFacts;
  let ordering: OrderingFacts;
  const november = { from: '2026-11-01', to: '2026-11-30' };

  beforeAll(async () => {
    t = await startDemoApp({ today: '2026-10-01' });
    f = await buildKpiFixture(t);
    field = t.app.get(FieldFacts);
    ordering = t.app.get(OrderingFacts);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('FieldFacts', () => {
    it('awareness: the latest answer of each surveyed retailer, per territory', async () => {
      // r3 aware of both; r4 of neither, then of both the next day; r5 of floating quotas only. T002 surveyed nobody.
      expect(await field.awareness(november, [f.territory.t001, f.territory.t002])).toEqual([
        {
          territoryId: f.territory.t001,
          surveyedRetailers: 3,
          awareRetailers: 2,
          awareFloatingQuota: 3,
          awareSelfReporting: 2,
        },
      ]);
    });

    it('price compliance: carton and pack prices at or below the guide, counted apart', async () => {
      // Cartons: K1 ¥260 (the guide), K2 ¥120 (below ¥130), K1 ¥280 (above). Packs: K1 ¥27 (above ¥26), ¥26 (at).
      expect(await field.priceCompliance(november, [f.territory.t001, f.territory.t002])).toEqual([
        {
          territoryId: f.territory.t001,
          cartonChecked: 3,
          cartonCompliant: 2,
          packChecked: 2,
          packCompliant: 1,
        },
      ]);
    });

    it('counts nothing outside the period, and nothing for no territory', async () => {
      // Every visit of the fixture is on the 20th or later.
      expect(await field.awareness({ from: '2026-11-01', to: '2026-11-19' }, [f.territory.t001])).toEqual([]);
      expect(await field.priceCompliance(november, [])).toEqual([]);
    });
  });

  describe('OrderingFacts', () => {
    it('the month’s demand per territory and spec: asked for and supplied, cancelled demand not counted', async () => {
      // The 23rd's cycle: r1 K1 10 + N1 5, r2 K1 4, r3 (collected) K2 6; r4's K1 1 was cancelled.
      const { k1, k2, n1 } = f.brands;
      expect(await ordering.actualCartonsByBrand([f.territory.t001, f.territory.t002], '2026-11')).toEqual(
        [
          { territoryId: f.territory.t001, brandId: k1, demandCartons: 14, orderedCartons: 14 },
          { territoryId: f.territory.t001, brandId: k2, demandCartons: 6, orderedCartons: 6 },
          { territoryId: f.territory.t001, brandId: n1, demandCartons: 5, orderedCartons: 5 },
        ].sort((a, b) => a.brandId - b.brandId),
      );
      expect(await ordering.actualCartonsByBrand([f.territory.t001], '2026-10')).toEqual([]);
    });

    it('a month’s cartons per retailer, the big-account assessment’s volumes', async () => {
      const [r1, r2, r3, r4] = f.retailers;
      const ours = new Set([r1, r2, r3, r4]);
      const dataSource = t.app.get(DataSource);
      const rows = await ordering.monthlyCartons('2026-11', dataSource.manager);
      expect(
        rows.filter((row) => ours.has(row.retailerId)).sort((a, b) => a.retailerId - b.retailerId),
      ).toEqual([
        { retailerId: r1, cartons: 15 },
        { retailerId: r2, cartons: 4 },
        { retailerId: r3, cartons: 6 },
      ]);
      // Last year's sale, written as history: r1's 20 cartons of K1 on 24 November 2025.
      const lastYear = await ordering.monthlyCartons('2025-11', dataSource.manager);
      expect(lastYear.filter((row) => ours.has(row.retailerId))).toEqual([{ retailerId: r1, cartons: 20 }]);
    });
  });
});
