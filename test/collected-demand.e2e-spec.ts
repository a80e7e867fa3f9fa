import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import sharp from 'sharp';
import { Clock } from '#libs/shared';
import { countRows } from './support/test-app.js';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertBrands, insertRetailers, ROUND_QUOTA_POLICY } from './support/fixtures.js';

/** A signature as the phone's canvas exports it: dark strokes on a transparent PNG. */
async function signaturePng(): Promise<Buffer> {
  const strokes = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"><path d="M20 150 C 120 20, 220 180, 320 60 S 520 160, 580 40" stroke="#111" stroke-width="6" fill="none"/></svg>',
  );
  return sharp(strokes).png().toBuffer();
}

/**
 * Collected demand 代收需求: confirmed by the retailer's signature on the account manager's phone, and recorded
 * after the cutoff for a retailer who missed its window until the cycle's unified order (rule 6 amended).
 * Fixture: T001 orders on Monday 2026-12-14 (window Sunday 12:00 → Monday 16:00 Shanghai); am01 has T001 in
 * center SC1 (mm1); the next cycle is 2026-12-21.
 */
describe('collected demand: signatures and collecting after the cutoff', () => {
  let t: DemoApp;
  let clock: jest.SpiedFunction<() => Date>;
  let am01: Record<string, string>;
  let mm1: Record<string, string>;
  let admin: Record<string, string>;
  let r1: number, r2: number, r3: number, r4: number, r5: number;
  let brand: number;
  let cycle: number;
  const lic = (n: number) => `23000000000${n}`;
  const at = (iso: string) => clock.mockReturnValue(new Date(iso));
  const collect = (retailerId: number, cartons = 5, more: object = {}) =>
    t.http
      .post('/api/demands')
      .set(am01)
      .send({ retailerId, channel: 'collected', lines: [{ brandId: brand, cartons }], ...more });
  const sign = (id: number, file: Buffer, headers: Record<string, string> = am01) =>
    t.http.post(`/api/demands/${id}/signature`).set(headers).attach('file', file, 'signature.png');
  const reserved = async (retailerId: number) =>
    (
      await t.db.query(
        `SELECT reserved FROM retailer_quotas WHERE retailer_id = $1 AND month = '2026-12-01'`,
        [retailerId],
      )
    ).rows[0]?.reserved ?? 0;

  beforeAll(async () => {
    t = await startDemoApp();
    clock = jest.spyOn(t.app.get(Clock), 'now');
    at('2026-12-10T02:00:00Z');
    admin = bearer(await t.token('admin'));
    am01 = bearer(await t.token('am01'));
    mm1 = bearer(await t.token('mm1'));
    [r1, r2, r3, r4, r5] = await insertRetailers(
      t,
      [1, 2, 3, 4, 5].map((n) => ({ licenseNo: lic(n), territory: 'T001', grade: 20, withUser: true })),
    );
    [brand] = await insertBrands(t, [{ code: 'S01', priceClass: 1, wholesalePriceFen: 25000 }]);
    await t.http
      .put('/api/quota-policies')
      .set(bearer(await t.token('head')))
      .send(ROUND_QUOTA_POLICY)
      .expect(200);
    const territoryId = await t.unitId('T001');
    for (const [orderDate, opensAt, cutoffAt] of [
      ['2026-12-14', '2026-12-13T04:00:00Z', '2026-12-14T08:00:00Z'],
      ['2026-12-21', '2026-12-20T04:00:00Z', '2026-12-21T08:00:00Z'],
    ]) {
      const res = await t.http
        .post('/api/order-cycles')
        .set(admin)
        .send({ territoryId, orderDate, opensAt, cutoffAt })
        .expect(201);
      if (orderDate === '2026-12-14') cycle = res.body.id;
    }
    at('2026-12-14T02:00:00Z'); // Monday 10:00 in Shanghai: the window is open
  });
  afterAll(async () => {
    await t.close();
  });

  describe('confirmed by a signature drawn on the account manager’s phone', () => {
    let demand: number;

    it('keeps the signature with the demand and moves it on to approval', async () => {
      demand = (await collect(r1).expect(201)).body.id;
      const attachments = await countRows(t.db, 'attachments');
      // Sent from the outbox with its Idempotency-Key: a retry whose first answer was lost replays it.
      const queued = { ...am01, 'Idempotency-Key': 'outbox-7f3a:signature' };
      const res = await sign(demand, await signaturePng(), queued).expect(200);
      const retry = await sign(demand, await signaturePng(), queued).expect(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(res.body);
      expect(await countRows(t.db, 'attachments')).toBe(attachments + 1);
      expect(res.body).toMatchObject({
        id: demand,
        status: 'pending_approval',
        confirmedVia: 'signature',
        signatureAttachmentId: expect.any(Number),
      });
      expect(res.body.confirmedAt).toBe('2026-12-14T02:00:00.000Z');
      const { rows } = await t.db.query(
        `SELECT owner_kind, owner_id, kind, media_type, uploaded_by FROM attachments WHERE id = $1`,
        [res.body.signatureAttachmentId],
      );
      expect(rows).toEqual([
        {
          owner_kind: 'demand',
          owner_id: demand,
          kind: 'signature',
          media_type: 'image/png',
          uploaded_by: await t.userId('am01'),
        },
      ]);
      const audit = await t.db.query(
        `SELECT before, after FROM audit_log WHERE action = 'demand.confirm' AND entity_id = $1`,
        [demand],
      );
      expect(audit.rows).toEqual([
        {
          before: { status: 'pending_confirmation' },
          after: {
            status: 'pending_approval',
            confirmedVia: 'signature',
            signatureAttachmentId: res.body.signatureAttachmentId,
          },
        },
      ]);
    });

    it('shows the signature to the approving market manager and the retailer, to nobody outside', async () => {
      const seen = await t.http.get(`/api/demands/${demand}`).set(mm1).expect(200);
      const id = seen.body.signatureAttachmentId;
      const file = await t.http.get(`/api/attachments/${id}`).set(mm1).buffer(true).expect(200);
      expect(file.headers['content-type']).toBe('image/png');
      expect((await sharp(file.body as Buffer).metadata()).format).toBe('png');
      await t.http
        .get(`/api/attachments/${id}`)
        .set(bearer(await t.token(lic(1))))
        .expect(200);
      for (const username of ['mm2', 'am02', lic(2), 'clerk2']) {
        const res = await t.http.get(`/api/attachments/${id}`).set(bearer(await t.token(username)));
        expect({ username, status: res.status, code: res.body.code }).toEqual({
          username,
          status: 404,
          code: 'NOT_FOUND',
        });
      }
      await t.http
        .post(`/api/demands/${demand}/approve`)
        .set(mm1)
        .send({ comment: '已核对签名' })
        .expect(200);
    });

    it('refuses a second signature, one on another territory’s demand, and a file that is not a PNG', async () => {
      const attachments = await countRows(t.db, 'attachments');
      const again = await sign(demand, await signaturePng());
      expect({ status: again.status, code: again.body.code }).toEqual({
        status: 409,
        code: 'DEMAND_INVALID_TRANSITION',
      });
      const pending = (await collect(r2).expect(201)).body.id;
      const other = await sign(pending, await signaturePng(), bearer(await t.token('am02')));
      expect({ status: other.status, code: other.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
      const byRetailer = await sign(pending, await signaturePng(), bearer(await t.token(lic(2))));
      expect({ status: byRetailer.status, code: byRetailer.body.code }).toEqual({
        status: 403,
        code: 'FORBIDDEN',
      });
      const jpeg = await sharp({ create: { width: 60, height: 20, channels: 3, background: '#fff' } })
        .jpeg()
        .toBuffer();
      const notPng = await sign(pending, jpeg);
      expect({ status: notPng.status, code: notPng.body.code }).toEqual({
        status: 415,
        code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      });
      expect(await countRows(t.db, 'attachments')).toBe(attachments);
      const still = await t.http.get(`/api/demands/${pending}`).set(am01).expect(200);
      expect(still.body).toMatchObject({ status: 'pending_confirmation', signatureAttachmentId: null });
    });

    it('asks for a new signature after an amendment', async () => {
      const pending = (await t.http.get(`/api/demands?retailerId=${r2}`).set(am01).expect(200)).body.items[0]
        .id;
      await sign(pending, await signaturePng()).expect(200);
      const amended = await t.http
        .patch(`/api/demands/${pending}`)
        .set(am01)
        .send({ lines: [{ brandId: brand, cartons: 4 }] })
        .expect(200);
      expect(amended.body).toMatchObject({
        status: 'pending_confirmation',
        confirmedVia: null,
        signatureAttachmentId: null,
      });
    });
  });

  describe('after the cutoff, until the unified order', () => {
    let late: number;
    let lateUnapproved: number;

    it('takes collected demand for a retailer who missed its window, never its own demand', async () => {
      at('2026-12-14T08:00:00Z');
      const cut = await t.http.post(`/api/order-cycles/${cycle}/cutoff`).set(admin).expect(200);
      // r3, r4, r5 had nothing: no-demand records; r2's collected demand still awaits its confirmation.
      expect(cut.body).toEqual({ cycleId: cycle, noDemand: 3 });
      at('2026-12-14T09:30:00Z'); // Monday 17:30: after the cutoff, the unified order is tomorrow

      const own = await t.http
        .post('/api/demands')
        .set(bearer(await t.token(lic(3))))
        .send({ retailerId: r3, channel: 'self', lines: [{ brandId: brand, cartons: 5 }] });
      expect({ status: own.status, code: own.body.code }).toEqual({ status: 409, code: 'CYCLE_CLOSED' });

      const res = await collect(r3, 6).expect(201);
      expect(res.body).toMatchObject({ cycleId: cycle, status: 'pending_confirmation', totalCartons: 6 });
      late = res.body.id;
      expect(await reserved(r3)).toBe(6);
      // It is no longer a retailer without demand.
      const noDemand = await t.db.query(
        `SELECT 1 FROM no_demand_records WHERE cycle_id = $1 AND retailer_id = $2`,
        [cycle, r3],
      );
      expect(noDemand.rows).toEqual([]);
      await sign(late, await signaturePng()).expect(200);
      await t.http.post(`/api/demands/${late}/approve`).set(mm1).send({}).expect(200);

      lateUnapproved = (await collect(r4, 3).expect(201)).body.id;
      const twice = await collect(r4, 3);
      expect({ status: twice.status, code: twice.body.code }).toEqual({
        status: 409,
        code: 'DEMAND_ALREADY_EXISTS',
      });
    });

    it('joins the unified order when approved by then; what is not approved expires and gives its quota back', async () => {
      at('2026-12-15T01:00:00Z');
      const res = await t.http.post(`/api/order-cycles/${cycle}/consolidate`).set(admin).expect(200);
      // r1 (approved in the window) and r3 (collected late, approved) are ordered; r2's and r4's expire.
      expect(res.body).toMatchObject({ cycleIds: [cycle], demands: 2, expired: 2 });
      const lines = await t.db.query(
        `SELECT retailer_id, ordered FROM order_lines WHERE cycle_id = $1 ORDER BY retailer_id`,
        [cycle],
      );
      expect(lines.rows).toEqual([
        { retailer_id: r1, ordered: 5 },
        { retailer_id: r3, ordered: 6 },
      ]);
      const states = await t.db.query(`SELECT id, status FROM demands WHERE id = ANY($1) ORDER BY id`, [
        [late, lateUnapproved],
      ]);
      expect(states.rows).toEqual([
        { id: late, status: 'ordered' },
        { id: lateUnapproved, status: 'expired' },
      ]);
      expect(await reserved(r4)).toBe(0);
      const noDemand = await t.db.query(
        `SELECT retailer_id FROM no_demand_records WHERE cycle_id = $1 ORDER BY retailer_id`,
        [cycle],
      );
      expect(noDemand.rows.map((row: { retailer_id: number }) => row.retailer_id)).toEqual([r2, r4, r5]);
    });

    it('refuses collected demand once the unified order is made, with its own code, writing nothing', async () => {
      const demands = await countRows(t.db, 'demands');
      const res = await collect(r5, 2);
      expect({ status: res.status, code: res.body.code, cycleId: res.body.details?.cycleId }).toEqual({
        status: 409,
        code: 'CYCLE_CONSOLIDATED',
        cycleId: cycle,
      });
      const approve = await t.http.post(`/api/demands/${lateUnapproved}/approve`).set(mm1).send({});
      expect({ status: approve.status, code: approve.body.code }).toEqual({
        status: 409,
        code: 'CYCLE_CONSOLIDATED',
      });
      expect(await countRows(t.db, 'demands')).toBe(demands);
      expect(await reserved(r5)).toBe(0);
    });

    it('collects into the next cycle once its window opens', async () => {
      at('2026-12-20T05:00:00Z');
      const res = await collect(r5, 2).expect(201);
      expect(res.body.cycleId).not.toBe(cycle);
    });
  });
});
