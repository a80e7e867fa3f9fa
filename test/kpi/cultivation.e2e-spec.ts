import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CultivationTasksService } from '#libs/kpi';
import { countRows } from '../support/test-app.js';
import { bearer, startDemoApp, type DemoApp } from '../support/demo.js';
import { insertBrands, insertRetailers } from '../support/fixtures.js';
import { pinClock } from '../support/test-clock.js';

jest.setTimeout(120_000);

/**
 * New-spec cultivation: spec NEW launched on Monday 16 November 2026. T001 (am01) has r1, r2, r3 active and
 * orders on Mondays: 23 Nov r1 takes 2 cartons of NEW; 30 Nov r1 takes 1 more and r2 3. Its first 30 days are
 * 16 Nov – 15 Dec: week 1 (16–22) nothing, week 2 (23–29) 2 cartons from 1 retailer, week 3 (30 Nov – 6 Dec)
 * 4 cartons from 2 retailers. Retailers ordering: r1, r2; ordering again on another day: r1 (50 %); reach 2 of 3.
 * Analysis tasks are due on 16 December (launch + 30 days).
 */
describe('new-spec cultivation', () => {
  let t: DemoApp;
  let newSpec: number;
  let plain: number;
  let am01: Record<string, string>;
  const lic = (n: number) => `34000000000${n}`;

  beforeAll(async () => {
    t = await startDemoApp({ today: '2026-10-01' });
    am01 = bearer(await t.token('am01'));
    const [r1, r2] = await insertRetailers(
      t,
      [1, 2, 3].map((n) => ({
        licenseNo: lic(n),
        territory: 'T001',
        grade: 30,
        scale: 'large' as const,
        withUser: true,
      })),
    );
    [newSpec, plain] = await insertBrands(t, [
      { code: 'NEW1', wholesalePriceFen: 15000 },
      { code: 'OLD1', wholesalePriceFen: 15000 },
    ]);
    // NEW1 is the only spec launched in the autumn (the demo catalogue's recent launches are set aside).
    await t.db.query(`UPDATE brands SET launch_date = NULL WHERE launch_date >= '2026-08-01'`);
    await t.db.query(`UPDATE brands SET launch_date = '2026-11-16' WHERE id = $1`, [newSpec]);
    const admin = bearer(await t.token('admin'));
    pinClock(t, '2026-11-20T10:00:00+08:00');
    const territoryId = await t.unitId('T001');
    const cycles: number[] = [];
    for (const day of ['23', '30']) {
      const res = await t.http
        .post('/api/order-cycles')
        .set(admin)
        .send({
          territoryId,
          orderDate: `2026-11-${day}`,
          opensAt: `2026-11-${Number(day) - 1}T04:00:00Z`,
          cutoffAt: `2026-11-${day}T08:00:00Z`,
        })
        .expect(201);
      cycles.push(res.body.id);
    }
    const order = async (n: number, retailerId: number, cartons: number) =>
      t.http
        .post('/api/demands')
        .set(bearer(await t.token(lic(n))))
        .send({ retailerId, channel: 'self', lines: [{ brandId: newSpec, cartons }] })
        .expect(201);
    const close = async (cycle: number, at: string) => {
      pinClock(t, at);
      await t.http.post(`/api/order-cycles/${cycle}/cutoff`).set(admin).expect(200);
      await t.http.post(`/api/order-cycles/${cycle}/consolidate`).set(admin).expect(200);
    };
    pinClock(t, '2026-11-23T10:00:00+08:00');
    await order(1, r1, 2);
    await close(cycles[0], '2026-11-23T17:00:00+08:00');
    pinClock(t, '2026-11-30T10:00:00+08:00');
    await order(1, r1, 1);
    await order(2, r2, 3);
    await close(cycles[1], '2026-11-30T17:00:00+08:00');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('the analysis of the first 30 days', () => {
    it('while the 30 days run: weekly sales, retailers ordering, repeat orders, reach', async () => {
      pinClock(t, '2026-12-01T09:00:00+08:00');
      const res = await t.http.get(`/api/cultivation/new-brands/${newSpec}/analysis`).set(am01).expect(200);
      expect(res.body).toMatchObject({
        brand: { brandId: newSpec, code: 'NEW1', launchDate: '2026-11-16' },
        window: { from: '2026-11-16', to: '2026-12-15', countedThrough: '2026-11-30' },
        complete: false,
      });
      // An account manager sees its own territory.
      expect(res.body.territories).toHaveLength(1);
      const [t001] = res.body.territories;
      expect(t001.weeks).toEqual([
        { week: 1, from: '2026-11-16', to: '2026-11-22', cartons: 0, orderingRetailers: 0 },
        { week: 2, from: '2026-11-23', to: '2026-11-29', cartons: 2, orderingRetailers: 1 },
        { week: 3, from: '2026-11-30', to: '2026-12-06', cartons: 4, orderingRetailers: 2 },
        { week: 4, from: '2026-12-07', to: '2026-12-13', cartons: 0, orderingRetailers: 0 },
        { week: 5, from: '2026-12-14', to: '2026-12-15', cartons: 0, orderingRetailers: 0 },
      ]);
      expect(t001).toMatchObject({
        cartons: 6,
        orderingRetailers: 2,
        repeatRetailers: 1,
        repeatOrderRate: { numerator: 1, denominator: 2, ratio: 0.5 },
        activeRetailers: 3,
        reach: { numerator: 2, denominator: 3 },
      });
    });

    it('for the department: every territory and the total', async () => {
      pinClock(t, '2026-12-20T09:00:00+08:00');
      const res = await t.http
        .get(`/api/cultivation/new-brands/${newSpec}/analysis`)
        .set(bearer(await t.token('head')))
        .expect(200);
      expect(res.body).toMatchObject({ complete: true, window: { countedThrough: '2026-12-15' } });
      expect(res.body.territories).toHaveLength(12);
      expect(res.body.total).toMatchObject({
        cartons: 6,
        orderingRetailers: 2,
        repeatOrderRate: { ratio: 0.5 },
        reach: { numerator: 2, denominator: 3 },
      });
      expect(res.body.total.weeks.map((w: { cartons: number }) => w.cartons)).toEqual([0, 2, 4, 0, 0]);
    });

    it('is only for launched specs', async () => {
      const old = await t.http.get(`/api/cultivation/new-brands/${plain}/analysis`).set(am01);
      expect([old.status, old.body.code]).toEqual([409, 'CULTIVATION_NOT_A_NEW_SPEC']);
      await t.db.query(`UPDATE brands SET launch_date = '2027-03-01' WHERE id = $1`, [plain]);
      const future = await t.http.get(`/api/cultivation/new-brands/${plain}/analysis`).set(am01);
      expect([future.status, future.body.code]).toEqual([409, 'CULTIVATION_NOT_LAUNCHED']);
      expect((await t.http.get(`/api/cultivation/new-brands/99999/analysis`).set(am01)).status).toBe(404);
      expect(
        (
          await t.http
            .get(`/api/cultivation/new-brands/${newSpec}/analysis`)
            .set(bearer(await t.token('ds1')))
        ).status,
      ).toBe(403);
    });
  });

  describe('the account managers’ written analyses', () => {
    it('the daily job gives every territory a task due 30 days after launch, once', async () => {
      const tasks = t.app.get(CultivationTasksService);
      expect(await tasks.generateDue('2026-11-15')).toEqual({ created: 0 }); // not launched yet
      expect(await tasks.generateDue('2026-11-16')).toEqual({ created: 12 });
      expect(await tasks.generateDue('2026-11-16')).toBeNull(); // that day's run is done
      expect(await tasks.generateDue('2026-11-17')).toEqual({ created: 0 }); // one task per spec and territory
      const { rows } = await t.db.query(
        `SELECT t.due_on::text AS due, u.username FROM cultivation_tasks t JOIN org_units o ON o.id = t.territory_id
           LEFT JOIN users u ON u.id = t.assigned_to WHERE o.code = 'T001'`,
      );
      expect(rows).toEqual([{ due: '2026-12-16', username: 'am01' }]);
    });

    it('a department head makes a spec’s tasks by hand, once, and only for a launched spec', async () => {
      const head = bearer(await t.token('head'));
      const again = await t.http
        .post('/api/cultivation/tasks/generate')
        .set(head)
        .send({ brandId: newSpec })
        .expect(200);
      expect(again.body).toEqual({ created: 0 });
      const future = await t.http.post('/api/cultivation/tasks/generate').set(head).send({ brandId: plain });
      expect([future.status, future.body.code]).toEqual([409, 'CULTIVATION_NOT_LAUNCHED']);
      expect((await t.http.post('/api/cultivation/tasks/generate').set(am01).send({})).status).toBe(403);
    });

    it('lists open tasks by scope, overdue once past the due date', async () => {
      pinClock(t, '2026-12-10T09:00:00+08:00');
      const own = (await t.http.get('/api/cultivation/tasks').set(am01).expect(200)).body;
      expect(own.total).toBe(1);
      expect(own.items[0]).toMatchObject({
        brandId: newSpec,
        brandCode: 'NEW1',
        status: 'open',
        dueOn: '2026-12-16',
        overdue: false,
        analysis: null,
      });
      expect(own.summary).toEqual({ open: 1, overdue: 0, submitted: 0 });
      pinClock(t, '2026-12-17T09:00:00+08:00');
      const mm1 = (
        await t.http
          .get('/api/cultivation/tasks?status=overdue')
          .set(bearer(await t.token('mm1')))
          .expect(200)
      ).body;
      expect(mm1.total).toBe(4);
      expect(mm1.summary).toEqual({ open: 4, overdue: 4, submitted: 0 });
    });

    it('the territory’s account manager submits once (late here), audited; nobody else can', async () => {
      const [task] = (await t.http.get('/api/cultivation/tasks').set(am01).expect(200)).body.items;
      const body = {
        salesTrend: '第三周起稳步上升',
        consumerOpinion: '口感评价较好',
        ordering: '2户订购，1户复购',
      };
      const blank = await t.http
        .post(`/api/cultivation/tasks/${task.id}/submit`)
        .set(am01)
        .send({ ...body, consumerOpinion: '   ' });
      expect([blank.status, blank.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const other = await t.http
        .post(`/api/cultivation/tasks/${task.id}/submit`)
        .set(bearer(await t.token('am02')))
        .send(body);
      expect(other.status).toBe(404);
      const audit = await countRows(t.db, 'audit_log');
      const res = await t.http
        .post(`/api/cultivation/tasks/${task.id}/submit`)
        .set(am01)
        .send(body)
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'submitted',
        overdue: false,
        submittedLate: true,
        analysis: body,
        submittedBy: await t.userId('am01'),
      });
      expect(await countRows(t.db, 'audit_log')).toBe(audit + 1);
      const again = await t.http.post(`/api/cultivation/tasks/${task.id}/submit`).set(am01).send(body);
      expect([again.status, again.body.code]).toEqual([409, 'CULTIVATION_TASK_ALREADY_SUBMITTED']);
      const head = (
        await t.http
          .get('/api/cultivation/tasks?status=submitted')
          .set(bearer(await t.token('head')))
          .expect(200)
      ).body;
      expect(head.items.map((x: { id: number }) => x.id)).toEqual([task.id]);
      expect(head.summary).toEqual({ open: 11, overdue: 11, submitted: 1 });
      expect(
        (await t.http.get(`/api/cultivation/tasks/${task.id}`).set(bearer(await t.token('am05')))).status,
      ).toBe(404);
    });
  });
});
