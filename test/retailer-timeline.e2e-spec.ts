import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock } from '#libs/shared';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertRetailers } from './support/fixtures.js';
import { insertStops } from './delivery-fixture.js';

/**
 * The three-role timeline of a retailer, on hand-built data: a retailer of T001 (center SC1: mm1; squad SQ1:
 * eo1; route R1-1: ds1; account manager am01) with a visit of every kind of source, written with SQL at
 * fixed instants, and a problem raised and answered through the API.
 */
jest.setTimeout(60_000);

interface Step {
  type: string;
  at: string;
  title: string;
  detail: string | null;
  actor: { name: string; role: string } | null;
}

describe('the three-role timeline', () => {
  let t: DemoApp;
  let shop: number, elsewhere: number;
  let expected: Step[];
  const as = async (username: string) => bearer(await t.token(username));
  const timeline = async (username: string, id: number, query = '') =>
    t.http.get(`/api/retailers/${id}/timeline${query}`).set(await as(username));
  const name = async (username: string) =>
    (await t.db.query(`SELECT display_name FROM users WHERE username = $1`, [username])).rows[0].display_name;
  const steps = (items: Array<Step & { key: string; refId: number }>) =>
    items.map(({ type, at, title, detail, actor }) => ({
      type,
      at,
      title,
      detail,
      actor: actor && { name: actor.name, role: actor.role },
    }));

  beforeAll(async () => {
    t = await startDemoApp();
    [shop, elsewhere] = await insertRetailers(t, [
      { licenseNo: '440000000201', territory: 'T001', grade: 10, withUser: true },
      { licenseNo: '440000000202', territory: 'T001', grade: 10 },
    ]);
    const user = (username: string) => t.userId(username);
    const [am01, mm1, eo1, ds1, owner] = await Promise.all(
      ['am01', 'mm1', 'eo1', 'ds1', '440000000201'].map(user),
    );
    const visit = async (retailer: number, kind: string, at: string, notes: string | null) => {
      const { rows } = await t.db.query(
        `INSERT INTO visits (retailer_id, territory_id, department_id, account_manager_id, kind, visited_at, visited_on,
                             notes, guidance_topics, guidance_advice)
         SELECT r.id, r.territory_id, r.department_id, $2, $3, $4, ($4::timestamptz AT TIME ZONE 'Asia/Shanghai')::date,
                $5, CASE WHEN $3 = 'guidance' THEN ARRAY['display'] END, CASE WHEN $3 = 'guidance' THEN '调整陈列' END
           FROM retailers r WHERE r.id = $1 RETURNING id`,
        [retailer, am01, kind, at, notes],
      );
      return rows[0].id as number;
    };
    const guidance = await visit(shop, 'guidance', '2026-11-02T01:00:00Z', '陈列指导');
    await visit(elsewhere, 'routine', '2026-11-05T01:00:00Z', '别家的拜访');
    await t.db.query(
      `INSERT INTO visit_checks (visit_id, territory_id, department_id, effective, note, checked_by, checked_at)
       SELECT v.id, v.territory_id, v.department_id, true, '指导有效', $2, '2026-11-03T02:00:00Z' FROM visits v WHERE v.id = $1`,
      [guidance, mm1],
    );
    await t.db.query(
      `INSERT INTO leads (kind, importance, status, description, retailer_id, territory_id, service_center_id, department_id,
                          squad_id, reported_by, reporter_role, reported_at, deadline_at, assigned_to, assigned_at,
                          verification_result, verification_note, verified_by, verified_at)
       SELECT 'counterfeit', 'important', 'verified', '疑似假烟', r.id, r.territory_id, r.service_center_id, r.department_id,
              t.squad_id, $2, 'account_manager', '2026-11-04T03:00:00Z', '2026-11-07T03:00:00Z', $3, '2026-11-05T04:00:00Z',
              'confirmed', '现场查获', $3, '2026-11-05T04:00:00Z'
         FROM retailers r JOIN org_units t ON t.id = r.territory_id WHERE r.id = $1`,
      [shop, am01, eo1],
    );
    const [proxy] = await insertStops(t, {
      route: 'R1-1',
      deliveryDate: '2026-11-06',
      orderDate: '2026-11-05',
      windowStart: '2026-11-06T01:00:00Z',
      windowEnd: '2026-11-06T06:00:00Z',
      retailers: [shop],
    });
    const [confirmed] = await insertStops(t, {
      route: 'R1-1',
      deliveryDate: '2026-11-09',
      orderDate: '2026-11-08',
      windowStart: '2026-11-09T01:00:00Z',
      windowEnd: '2026-11-09T06:00:00Z',
      retailers: [shop],
    });
    await t.db.query(
      `UPDATE deliveries SET status = 'delivered', arrived_at = '2026-11-06T05:00:00Z', recorded_at = '2026-11-06T05:00:00Z',
              time_source = 'server', receiver = 'proxy', receiver_name = '店员小王', proxy_reason = '店主外出',
              completed_by = $2, completed_at = '2026-11-06T05:00:00Z'
        WHERE id = $1`,
      [proxy, ds1],
    );
    await t.db.query(
      `UPDATE deliveries SET status = 'confirmed', arrived_at = '2026-11-09T05:00:00Z', recorded_at = '2026-11-09T05:00:00Z',
              time_source = 'server', receiver = 'retailer', completed_by = $2, completed_at = '2026-11-09T05:00:00Z',
              confirmed_by = $3, confirmed_at = '2026-11-09T06:30:00Z'
        WHERE id = $1`,
      [confirmed, ds1, owner],
    );
    await t.db.query(
      `INSERT INTO delivery_feedback (delivery_id, retailer_id, territory_id, service_center_id, department_id, route_id,
                                      kind, description, status, raised_by, raised_at, answer, answered_by, answered_at)
       SELECT d.id, d.retailer_id, d.territory_id, d.service_center_id, d.department_id, d.route_id, 'late', '晚到两小时',
              'answered', $2, '2026-11-07T06:00:00Z', '路上堵车', $3, '2026-11-08T07:00:00Z'
         FROM deliveries d WHERE d.id = $1`,
      [proxy, am01, ds1],
    );
    // A routine visit at the very instant the problem is answered: a tie, ordered by type (visit first).
    await visit(shop, 'routine', '2026-11-10T03:00:00Z', null);
    const clock = jest.spyOn(t.app.get(Clock), 'now');
    clock.mockReturnValue(new Date('2026-11-10T02:00:00Z'));
    const problem = await t.http
      .post('/api/problems')
      .set(await as('am01'))
      .send({ retailerId: shop, kind: 'proxy_receipt', description: '货由店员代收，店主不知情' })
      .expect(201);
    clock.mockReturnValue(new Date('2026-11-10T03:00:00Z'));
    await t.http
      .post(`/api/problems/${problem.body.id}/answer`)
      .set(await as('mm1'))
      .send({ answer: '已提醒送货员到户交本人' })
      .expect(200);

    const who = async (username: string, role: string) => ({ name: await name(username), role });
    const [am, mm, eo, ds, retailer] = await Promise.all([
      who('am01', 'account_manager'),
      who('mm1', 'market_manager'),
      who('eo1', 'enforcement_officer'),
      who('ds1', 'delivery_staff'),
      who('440000000201', 'retailer'),
    ]);
    const problemTitle = '他人代接货（涉及送货员）';
    expected = [
      { type: 'visit', at: '2026-11-10T03:00:00.000Z', title: '日常拜访', detail: null, actor: am },
      {
        type: 'problem_answer',
        at: '2026-11-10T03:00:00.000Z',
        title: `答复问题：${problemTitle}`,
        detail: '已提醒送货员到户交本人',
        actor: mm,
      },
      {
        type: 'problem',
        at: '2026-11-10T02:00:00.000Z',
        title: `提出问题：${problemTitle}`,
        detail: '货由店员代收，店主不知情',
        actor: am,
      },
      {
        type: 'receipt',
        at: '2026-11-09T06:30:00.000Z',
        title: '零售户确认收货',
        detail: '2 条',
        actor: retailer,
      },
      { type: 'delivery', at: '2026-11-09T05:00:00.000Z', title: '送达', detail: '2 条', actor: ds },
      {
        type: 'feedback_answer',
        at: '2026-11-08T07:00:00.000Z',
        title: '送货反馈答复：送货不及时',
        detail: '路上堵车',
        actor: ds,
      },
      {
        type: 'feedback',
        at: '2026-11-07T06:00:00.000Z',
        title: '送货反馈：送货不及时',
        detail: '晚到两小时',
        actor: am,
      },
      {
        type: 'delivery',
        at: '2026-11-06T05:00:00.000Z',
        title: '送达（代接货）',
        detail: '2 条；店员小王；店主外出',
        actor: ds,
      },
      {
        type: 'lead_result',
        at: '2026-11-05T04:00:00.000Z',
        title: '线索核查结果：属实',
        detail: '现场查获',
        actor: eo,
      },
      {
        type: 'lead',
        at: '2026-11-04T03:00:00.000Z',
        title: '报告线索：假冒卷烟（重要）',
        detail: '疑似假烟',
        actor: am,
      },
      {
        type: 'visit_check',
        at: '2026-11-03T02:00:00.000Z',
        title: '有效指导检查：有效',
        detail: '指导有效',
        actor: mm,
      },
      { type: 'visit', at: '2026-11-02T01:00:00.000Z', title: '经营指导', detail: '陈列指导', actor: am },
    ];
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every step of the three roles at the retailer, newest first, with who and when', async () => {
    const res = await timeline('am01', shop, '?limit=100');
    expect(res.status).toBe(200);
    expect(steps(res.body.items)).toEqual(expected);
    expect(res.body).toMatchObject({
      retailerId: shop,
      shopName: '测试商店440000000201',
      licenseNo: '440000000201',
    });
    expect(res.body.next).toBeNull();
    expect(res.body.items[0].key).toBe(`2026-11-10T03:00:00.000Z_visit_${res.body.items[0].refId}`);
  });

  it('pages by key: each page continues after the last step of the one before', async () => {
    const seen: Step[] = [];
    let before = '';
    const sizes: number[] = [];
    for (;;) {
      const res = await timeline(
        'am01',
        shop,
        `?limit=5${before ? `&before=${encodeURIComponent(before)}` : ''}`,
      );
      expect(res.status).toBe(200);
      sizes.push(res.body.items.length);
      seen.push(...steps(res.body.items));
      if (!res.body.next) break;
      expect(res.body.next).toBe(res.body.items.at(-1).key);
      before = res.body.next;
    }
    expect(sizes).toEqual([5, 5, 2]);
    expect(seen).toEqual(expected);
  });

  it.each(['eo1', 'ds1', 'mm1', 'insp1', 'head'])(
    'shows %s the same steps (the retailer is in scope)',
    async (u) => {
      const res = await timeline(u, shop, '?limit=100');
      expect(res.status).toBe(200);
      expect(steps(res.body.items)).toEqual(expected);
    },
  );

  it.each(['eo3', 'ds3', 'am02', 'mm2'])(
    'answers 404 to %s, whose scope the retailer is not in',
    async (u) => {
      const res = await timeline(u, shop);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    },
  );

  it('answers 404 for a retailer that does not exist, and refuses a malformed position', async () => {
    const missing = await timeline('admin', 999_999);
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    for (const before of [
      'yesterday',
      '2026-11-10T03:00:00.000Z_unknown_1',
      '2026-11-10T03:00:00Z_visit_1',
    ]) {
      const res = await timeline('am01', shop, `?before=${encodeURIComponent(before)}`);
      expect({ before, status: res.status, code: res.body.code }).toEqual({
        before,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });

  it('keeps another retailer’s steps apart', async () => {
    const res = await timeline('am01', elsewhere);
    expect(steps(res.body.items)).toEqual([
      {
        type: 'visit',
        at: '2026-11-05T01:00:00.000Z',
        title: '日常拜访',
        detail: '别家的拜访',
        actor: expected[0].actor,
      },
    ]);
  });
});
