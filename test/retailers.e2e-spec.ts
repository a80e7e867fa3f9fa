import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BigAccountsService, RetailerGradesService, RetailerJobs } from '#libs/retailers';
import { countRows } from './support/test-app.js';
import { bearer, DEMO_PASSWORD, startDemoApp, TEST_DEMO_RETAILERS, type DemoApp } from './support/demo.js';
import { TEST_TODAY } from './support/test-clock.js';

/**
 * A hand-made county of ten retailers on the demo org (no demo retailers): centers SC1 (T001–T004),
 * SC2 (T005–T008), SC3 (T009–T012); every expected list below is read off this table.
 */
const FIXTURE = [
  // key, licence, shop, owner, phone, territory, type, market, scale, grade, district, weekday
  [
    'A',
    '440100000001',
    '张记便利店',
    '张建国',
    '13800000001',
    'T001',
    'B',
    'urban',
    'medium',
    12,
    'residential',
    1,
  ],
  [
    'B',
    '440100000002',
    '李记食杂店',
    '李秀英',
    '13800000002',
    'T001',
    'C',
    'rural',
    'small',
    3,
    'village',
    1,
  ],
  ['C', '440100000003', '万家超市', '王强', null, 'T002', 'S', 'urban', 'large', 25, 'commercial', 2],
  [
    'D',
    '440100000004',
    '鑫源烟酒店',
    '赵敏',
    '13800000004',
    'T002',
    'Y',
    'urban',
    'large',
    30,
    'commercial',
    2,
  ],
  ['E', '440100000005', '东乡小卖部', '刘洋', '13900000005', 'T005', 'C', 'rural', 'small', 1, 'town', 3],
  ['F', '440100000006', '惠民便利店', '陈静', '13900000006', 'T006', 'B', 'rural', 'medium', 15, 'town', 4],
  ['G', '440100000007', '红星茶楼', '杨磊', '13900000007', 'T007', 'F', 'urban', 'medium', 18, 'scenic', 5],
  ['H', '440100000008', '西山副食店', '黄丽', '13700000008', 'T009', 'C', 'rural', 'small', 7, 'village', 1],
  [
    'I',
    '440100000009',
    '佳佳百货',
    '周杰',
    '13700000009',
    'T010',
    'N',
    'urban',
    'large',
    28,
    'commercial',
    2,
  ],
  ['J', '440100000010', '平安报刊亭', '吴涛', null, 'T012', 'Q', 'urban', 'small', 5, 'transport', 3],
] as const;
type Key = (typeof FIXTURE)[number][0];

/** The first day of the next quarter, from today in Shanghai (the default GRADE_PERIOD). */
function nextQuarterStart(): string {
  const today = TEST_TODAY;
  const [year, month] = today.split('-').map(Number);
  const next = Math.floor((month - 1) / 3) * 3 + 4;
  return next > 12 ? `${year + 1}-01-01` : `${year}-${String(next).padStart(2, '0')}-01`;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

describe('retailers', () => {
  let t: DemoApp;
  const id: Record<Key, number> = {} as Record<Key, number>;
  const keyOf = new Map<number, Key>();
  const keys = (items: Array<{ id: number }>) => items.map((r) => keyOf.get(r.id));
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await startDemoApp({ retailers: 0 });
    admin = bearer(await t.token('admin'));
    for (const [
      key,
      licenseNo,
      shopName,
      ownerName,
      phone,
      territory,
      businessType,
      marketType,
      scale,
      grade,
      districtType,
      orderWeekday,
    ] of FIXTURE) {
      const res = await t.http
        .post('/api/retailers')
        .set(admin)
        .send({
          licenseNo,
          shopName,
          ownerName,
          phone,
          address: `示范县${shopName}地址`,
          territoryId: await t.unitId(territory),
          businessType,
          marketType,
          scale,
          grade,
          districtType,
          orderWeekday,
        });
      expect(res.status).toBe(201);
      id[key] = res.body.id;
      keyOf.set(res.body.id, key);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  async function list(
    query: string,
    username = 'admin',
  ): Promise<{ keys: Array<Key | undefined>; total: number }> {
    const res = await t.http.get(`/api/retailers?pageSize=200&${query}`).set(bearer(await t.token(username)));
    expect(res.status).toBe(200);
    return { keys: keys(res.body.items), total: res.body.total };
  }

  describe('create and read', () => {
    it('stores what was sent, with its place, grade history and a self-service account', async () => {
      const res = await t.http.get(`/api/retailers/${id.A}`).set(admin).expect(200);
      expect(res.body).toMatchObject({
        licenseNo: '440100000001',
        shopName: '张记便利店',
        territoryCode: 'T001',
        territoryName: '城关一片区',
        serviceCenterId: await t.unitId('SC1'),
        serviceCenterName: '城关客户服务部',
        businessType: 'B',
        grade: 12,
        pendingGrade: null,
        bigAccount: false,
        bigAccountSource: 'none',
        status: 'active',
      });
      const { rows } = await t.db.query(
        `SELECT u.username, u.role, u.org_unit_id, u.status, left(u.password_hash, 1) AS mark
           FROM users u WHERE u.retailer_id = $1`,
        [id.A],
      );
      expect(rows).toEqual([
        {
          username: '440100000001',
          role: 'retailer',
          org_unit_id: await t.unitId('T001'),
          status: 'active',
          mark: '!',
        },
      ]);
      // No password was ever set: nothing logs in, and the answer is the usual one.
      const login = await t.http
        .post('/api/auth/login')
        .send({ username: '440100000001', password: DEMO_PASSWORD });
      expect(login.status).toBe(401);
      expect(login.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('keeps retailers’ accounts out of the staff user list unless asked for', async () => {
      const staff = await t.http.get('/api/users?pageSize=200').set(admin).expect(200);
      expect(staff.body.items.filter((u: { role: string }) => u.role === 'retailer')).toEqual([]);
      const retailers = await t.http.get('/api/users?role=retailer&pageSize=200').set(admin).expect(200);
      expect(retailers.body.total).toBe(10);
    });
  });

  describe('filters, sorting and paging', () => {
    it.each([
      ['territory', async () => `territoryId=${await t.unitId('T001')}`, ['A', 'B']],
      ['service center', async () => `serviceCenterId=${await t.unitId('SC1')}`, ['A', 'B', 'C', 'D']],
      [
        'department',
        async () => `departmentId=${await t.unitId('D01')}`,
        ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'],
      ],
      ['another department', async () => `departmentId=${await t.unitId('C01')}`, []],
      ['grade', async () => 'grade=12', ['A']],
      ['grade range', async () => 'gradeMin=25', ['C', 'D', 'I']],
      ['grade range, both ends', async () => 'gradeMin=5&gradeMax=15', ['A', 'F', 'H', 'J']],
      ['business type', async () => 'businessType=C', ['B', 'E', 'H']],
      ['market type', async () => 'marketType=rural', ['B', 'E', 'F', 'H']],
      ['scale', async () => 'scale=large', ['C', 'D', 'I']],
      ['business district', async () => 'districtType=commercial', ['C', 'D', 'I']],
      ['order day', async () => 'orderWeekday=2', ['C', 'D', 'I']],
      ['search: shop name', async () => `search=${encodeURIComponent('便利')}`, ['A', 'F']],
      ['search: licence', async () => 'search=440100000007', ['G']],
      ['search: owner', async () => `search=${encodeURIComponent('赵敏')}`, ['D']],
      ['search: phone', async () => 'search=13900', ['E', 'F', 'G']],
      ['search: % is not a wildcard', async () => 'search=%25', []],
      [
        'combined',
        async () => `marketType=urban&scale=large&serviceCenterId=${await t.unitId('SC1')}`,
        ['C', 'D'],
      ],
    ])('%s', async (_, query, expected) => {
      const result = await list(await query());
      expect(result.keys).toEqual(expected);
      expect(result.total).toBe(expected.length);
    });

    it('sorts by grade, descending, and pages without overlap', async () => {
      expect((await list('sort=grade&order=desc')).keys).toEqual([
        'D',
        'I',
        'C',
        'G',
        'F',
        'A',
        'H',
        'J',
        'B',
        'E',
      ]);
      const page = await t.http
        .get('/api/retailers?sort=grade&order=desc&pageSize=3&page=2')
        .set(admin)
        .expect(200);
      expect(keys(page.body.items)).toEqual(['G', 'F', 'A']);
      expect(page.body).toMatchObject({ total: 10, page: 2, pageSize: 3 });
      expect((await list('sort=shopName')).total).toBe(10);
    });

    it('filters by status and big account once they change', async () => {
      await t.http
        .post(`/api/retailers/${id.J}/status`)
        .set(admin)
        .send({ status: 'suspended', reason: '店面装修' })
        .expect(200);
      await t.http
        .put(`/api/retailers/${id.D}/big-account-override`)
        .set(admin)
        .send({ bigAccount: true, reason: '批发兼营，实际经营量大' })
        .expect(200);
      expect((await list('status=suspended')).keys).toEqual(['J']);
      expect((await list('status=active')).total).toBe(9);
      expect((await list('bigAccount=true')).keys).toEqual(['D']);
      expect((await list('bigAccount=false')).total).toBe(9);
      await t.http
        .post(`/api/retailers/${id.J}/status`)
        .set(admin)
        .send({ status: 'active', reason: '恢复营业' })
        .expect(200);
    });

    it('refuses unknown filters and values', async () => {
      for (const query of ['grade=31', 'businessType=X', 'sort=password', 'colour=red', 'bigAccount=maybe']) {
        const res = await t.http.get(`/api/retailers?${query}`).set(admin);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
    });
  });

  describe('scoping from each role', () => {
    const SCOPES: Array<[string, Key[]]> = [
      ['admin', ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']],
      ['head', ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']],
      ['insp1', ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']],
      ['mm1', ['A', 'B', 'C', 'D']],
      ['mm2', ['E', 'F', 'G']],
      ['mm3', ['H', 'I', 'J']],
      ['clerk1', ['A', 'B', 'C', 'D']],
      ['am01', ['A', 'B']],
      ['am07', ['G']],
      ['am04', []],
      ['eo3', ['E', 'F', 'G']],
      ['ds1', ['A', 'B', 'C', 'D']],
      ['ds2', []],
      ['ds4', ['G']],
    ];

    it.each(SCOPES)('%s lists exactly its retailers', async (username, expected) => {
      expect((await list('sort=licenseNo', username)).keys).toEqual(expected);
    });

    it.each(SCOPES)(
      '%s reads its retailers by id, and gets 404 for the others',
      async (username, expected) => {
        const token = bearer(await t.token(username));
        for (const key of ['A', 'E', 'G', 'J'] as Key[]) {
          const res = await t.http.get(`/api/retailers/${id[key]}`).set(token);
          if (expected.includes(key)) expect(res.status).toBe(200);
          else expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
          const grades = await t.http.get(`/api/retailers/${id[key]}/grades`).set(token);
          expect(grades.status).toBe(expected.includes(key) ? 200 : 404);
        }
      },
    );

    it('a filter cannot widen the scope', async () => {
      expect((await list(`territoryId=${await t.unitId('T005')}`, 'am01')).keys).toEqual([]);
      expect((await list(`serviceCenterId=${await t.unitId('SC2')}`, 'mm1')).keys).toEqual([]);
    });

    it('out-of-scope writes answer 404 and change nothing', async () => {
      const before = await countRows(t.db, 'audit_log');
      const attempts = [
        t.http
          .patch(`/api/retailers/${id.E}`)
          .set(bearer(await t.token('am01')))
          .send({ phone: '13000000000' }),
        t.http
          .post(`/api/retailers/${id.E}/status`)
          .set(bearer(await t.token('mm1')))
          .send({ status: 'suspended', reason: 'x' }),
        t.http
          .put(`/api/retailers/${id.H}/big-account-override`)
          .set(bearer(await t.token('mm2')))
          .send({ bigAccount: true, reason: '大' }),
        t.http.post(`/api/retailers/${id.E}/account/activation`).set(bearer(await t.token('am01'))),
      ];
      for (const res of await Promise.all(attempts))
        expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
      expect(await countRows(t.db, 'audit_log')).toBe(before);
    });

    it('roles: account managers may not create, retailers and other staff may not edit', async () => {
      const body = { licenseNo: '440100000099' };
      expect(
        (
          await t.http
            .post('/api/retailers')
            .set(bearer(await t.token('am01')))
            .send(body)
        ).status,
      ).toBe(403);
      expect(
        (
          await t.http
            .patch(`/api/retailers/${id.A}`)
            .set(bearer(await t.token('eo1')))
            .send({ phone: '1' })
        ).status,
      ).toBe(403);
      expect(
        (
          await t.http
            .post(`/api/retailers/${id.A}/grade-changes`)
            .set(bearer(await t.token('mm1')))
            .send({ grade: 2, reason: 'x' })
        ).status,
      ).toBe(403);
      expect((await t.http.get('/api/retailers/export').set(bearer(await t.token('admin')))).status).toBe(
        200,
      );
    });
  });

  describe('validation: nothing is written', () => {
    const valid = async () => ({
      licenseNo: '440100000050',
      shopName: '测试商店',
      ownerName: '测试',
      address: '测试地址',
      territoryId: await t.unitId('T003'),
      businessType: 'C',
      marketType: 'urban',
      scale: 'small',
      grade: 10,
      orderWeekday: 3,
    });
    const counts = async () =>
      Promise.all(
        ['retailers', 'users', 'retailer_grades', 'audit_log'].map((table) => countRows(t.db, table)),
      );

    it.each([
      [
        'licence too short',
        { licenseNo: '4401000001' },
        'RETAILER_LICENSE_NO_INVALID',
        { reason: 'LICENSE_NO_WRONG_LENGTH', expectedLength: 12 },
      ],
      [
        'licence with a letter',
        { licenseNo: '44010000000X' },
        'RETAILER_LICENSE_NO_INVALID',
        { reason: 'LICENSE_NO_NOT_DIGITS' },
      ],
      ['licence taken', { licenseNo: '440100000001' }, 'RETAILER_LICENSE_NO_TAKEN', undefined],
      [
        'grade 31',
        { grade: 31 },
        'VALIDATION_FAILED',
        [{ field: 'grade', errors: ['grade must not be greater than 30'] }],
      ],
      [
        'unknown business type',
        { businessType: 'X' },
        'VALIDATION_FAILED',
        [expect.objectContaining({ field: 'businessType' })],
      ],
      ['unknown district type', { districtType: 'moon' }, 'RETAILER_DISTRICT_TYPE_UNKNOWN', undefined],
      [
        'licence expiring before it starts',
        { licenseValidFrom: '2026-01-01', licenseValidTo: '2025-12-31' },
        'RETAILER_LICENSE_DATES_INVALID',
        undefined,
      ],
      ['not a territory', { territoryId: -1 }, 'VALIDATION_FAILED', undefined],
      [
        'a service center is not a territory',
        { territoryId: 'SC1' },
        'RETAILER_TERRITORY_INVALID',
        undefined,
      ],
      ['an unknown field', { floor: 10 }, 'VALIDATION_FAILED', undefined],
    ])('%s → 400/409 with its code', async (_, change, code, details) => {
      const before = await counts();
      const body: Record<string, unknown> = { ...(await valid()), ...change };
      if (body.territoryId === 'SC1') body.territoryId = await t.unitId('SC1');
      const res = await t.http.post('/api/retailers').set(admin).send(body);
      expect(res.body.code).toBe(code);
      expect(res.status).toBe(code === 'RETAILER_LICENSE_NO_TAKEN' ? 409 : 400);
      if (details) expect(res.body.details).toMatchObject(details);
      expect(await counts()).toEqual(before);
    });

    it('a licence number that is already a staff username → 409, nothing written', async () => {
      await t.http
        .post('/api/users')
        .set(admin)
        .send({
          username: '440100000077',
          displayName: '督察',
          role: 'inspector',
          orgUnitId: await t.unitId('D01'),
          password: 'Inspector@2026',
        })
        .expect(201);
      const before = await counts();
      const res = await t.http
        .post('/api/retailers')
        .set(admin)
        .send({ ...(await valid()), licenseNo: '440100000077' });
      expect([res.status, res.body.code]).toEqual([409, 'RETAILER_USERNAME_TAKEN']);
      expect(await counts()).toEqual(before);
    });

    it('a market manager cannot place a retailer outside its center', async () => {
      const before = await counts();
      const res = await t.http
        .post('/api/retailers')
        .set(bearer(await t.token('mm2')))
        .send({ ...(await valid()), territoryId: await t.unitId('T001') });
      expect([res.status, res.body.code]).toEqual([400, 'RETAILER_TERRITORY_INVALID']);
      expect(await counts()).toEqual(before);
    });
  });

  describe('editing', () => {
    it('an account manager changes contact fields of its territory’s retailers, nothing else', async () => {
      const am = bearer(await t.token('am01'));
      const ok = await t.http
        .patch(`/api/retailers/${id.B}`)
        .set(am)
        .send({ phone: '13811112222', reachableWechat: true, ownerBirthday: '1970-05-01' })
        .expect(200);
      expect(ok.body).toMatchObject({
        phone: '13811112222',
        reachableWechat: true,
        ownerBirthday: '1970-05-01',
      });
      const refused = await t.http
        .patch(`/api/retailers/${id.B}`)
        .set(am)
        .send({ shopName: '新名字', territoryId: 1 });
      expect([refused.status, refused.body.code]).toEqual([403, 'RETAILER_FIELDS_NOT_EDITABLE']);
      expect(refused.body.details.fields.sort()).toEqual(['shopName', 'territoryId']);
      const audit = await t.db.query(
        `SELECT action, before, after FROM audit_log WHERE entity_type = 'retailer' AND entity_id = $1 AND action = 'retailer.update'`,
        [String(id.B)],
      );
      expect(audit.rows).toEqual([
        {
          action: 'retailer.update',
          before: { phone: '13800000002', reachableWechat: false, ownerBirthday: null },
          after: { phone: '13811112222', reachableWechat: true, ownerBirthday: '1970-05-01' },
        },
      ]);
    });

    it.each([
      [{ grade: 5 }, 'RETAILER_GRADE_LOCKED'],
      [{ status: 'closed' }, 'RETAILER_STATUS_NOT_EDITABLE_HERE'],
      [{ bigAccount: true }, 'RETAILER_BIG_ACCOUNT_NOT_EDITABLE_HERE'],
    ])('refuses %j in a PATCH with a code saying where to go', async (body, code) => {
      const res = await t.http.patch(`/api/retailers/${id.C}`).set(admin).send(body);
      expect([res.status, res.body.code]).toEqual([400, code]);
    });

    it('moving a retailer moves its center and its account (whose sessions end)', async () => {
      const mm = bearer(await t.token('mm1'));
      const res = await t.http
        .patch(`/api/retailers/${id.B}`)
        .set(mm)
        .send({ territoryId: await t.unitId('T003') })
        .expect(200);
      expect(res.body).toMatchObject({ territoryCode: 'T003', serviceCenterId: await t.unitId('SC1') });
      const { rows } = await t.db.query(
        'SELECT org_unit_id, token_version FROM users WHERE retailer_id = $1',
        [id.B],
      );
      expect(rows[0]).toEqual({ org_unit_id: await t.unitId('T003'), token_version: 2 });
      expect((await list('', 'am01')).keys).toEqual(['A']);
      await t.http
        .patch(`/api/retailers/${id.B}`)
        .set(mm)
        .send({ territoryId: await t.unitId('T001') })
        .expect(200);
    });

    it('a new licence number is the account’s new username', async () => {
      await t.http.patch(`/api/retailers/${id.I}`).set(admin).send({ licenseNo: '440100000090' }).expect(200);
      const { rows } = await t.db.query('SELECT username FROM users WHERE retailer_id = $1', [id.I]);
      expect(rows[0].username).toBe('440100000090');
      await t.http.patch(`/api/retailers/${id.I}`).set(admin).send({ licenseNo: '440100000009' }).expect(200);
    });
  });

  describe('grades are locked per period', () => {
    it('a change takes effect when the next period starts, not before', async () => {
      const head = bearer(await t.token('head'));
      const effectiveFrom = nextQuarterStart();
      const res = await t.http
        .post(`/api/retailers/${id.A}/grade-changes`)
        .set(head)
        .send({ grade: 14, reason: '季度评档' })
        .expect(200);
      expect(res.body).toMatchObject({
        grade: 12,
        pendingGrade: { grade: 14, effectiveFrom },
        period: 'quarter',
      });
      expect((await t.http.get(`/api/retailers/${id.A}`).set(head)).body).toMatchObject({
        grade: 12,
        pendingGrade: { grade: 14, effectiveFrom },
      });
      expect((await list('grade=12')).keys).toEqual(['A']);

      const grades = t.app.get(RetailerGradesService);
      expect(await grades.applyDue(dayBefore(effectiveFrom))).toEqual({
        date: dayBefore(effectiveFrom),
        applied: 0,
      });
      expect((await t.http.get(`/api/retailers/${id.A}`).set(head)).body.grade).toBe(12);
      expect(await grades.gradesOn(dayBefore(effectiveFrom), [id.A])).toEqual(new Map([[id.A, 12]]));
      expect(await grades.gradesOn(effectiveFrom, [id.A])).toEqual(new Map([[id.A, 14]]));

      // The period starts: the daily job (run once per day, whatever the replicas) puts it in force.
      const jobs = t.app.get(RetailerJobs);
      expect(await jobs.applyGrades(effectiveFrom)).toEqual({
        status: 'ran',
        result: { date: effectiveFrom, applied: 1 },
      });
      expect((await jobs.applyGrades(effectiveFrom)).status).toBe('already-done');
      const after = await t.http.get(`/api/retailers/${id.A}`).set(head).expect(200);
      expect(after.body).toMatchObject({ grade: 14, gradeSince: effectiveFrom, pendingGrade: null });
      expect((await list('grade=14')).keys).toEqual(['A']);
      const applied = await t.db.query(
        `SELECT actor_role, before, after FROM audit_log WHERE action = 'retailer.grade_applied' AND entity_id = $1`,
        [String(id.A)],
      );
      expect(applied.rows).toEqual([
        { actor_role: 'system', before: { grade: 12 }, after: { grade: 14, effectiveFrom } },
      ]);
    });

    it('the newest decision wins; deciding the grade in force cancels; repeating it is a conflict', async () => {
      const head = bearer(await t.token('head'));
      const change = (grade: number) =>
        t.http.post(`/api/retailers/${id.E}/grade-changes`).set(head).send({ grade, reason: '评档' });
      expect((await change(5)).body.pendingGrade.grade).toBe(5);
      expect((await change(4)).body.pendingGrade.grade).toBe(4);
      const cancelled = await change(1);
      expect([cancelled.status, cancelled.body.grade, cancelled.body.pendingGrade]).toEqual([200, 1, null]);
      const again = await change(1);
      expect([again.status, again.body.code]).toEqual([409, 'RETAILER_GRADE_UNCHANGED']);
      const { rows } = await t.db.query(
        `SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'retailer.grade%' ORDER BY id`,
        [String(id.E)],
      );
      expect(rows.map((r) => r.action)).toEqual([
        'retailer.grade_change',
        'retailer.grade_change',
        'retailer.grade_change_cancel',
      ]);
    });

    it('refuses grade 31', async () => {
      const head = bearer(await t.token('head'));
      const bad = await t.http
        .post(`/api/retailers/${id.F}/grade-changes`)
        .set(head)
        .send({ grade: 31, reason: 'x' });
      expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    });
  });

  describe('big accounts', () => {
    it('the monthly assessment flags ≥ 1,000 cartons; an override wins over it, and needs a reason', async () => {
      const mm = bearer(await t.token('mm1'));
      const blank = await t.http
        .put(`/api/retailers/${id.C}/big-account-override`)
        .set(mm)
        .send({ bigAccount: false, reason: '  ' });
      expect([blank.status, blank.body.code]).toEqual([400, 'BIG_ACCOUNT_OVERRIDE_REASON_REQUIRED']);
      const missing = await t.http
        .put(`/api/retailers/${id.C}/big-account-override`)
        .set(mm)
        .send({ bigAccount: false });
      expect([missing.status, missing.body.code]).toEqual([400, 'VALIDATION_FAILED']);

      // SC1: A 100, B 20, C 1,200, D 300 → total 1,620 over 4 retailers (average 405, 5× = 2,025):
      // only C, on volume. SC2: E 10, F 50, G 900 → none. SC3: none bought anything above 1,000.
      const summary = await t.app.get(BigAccountsService).assessMonthNow('2026-10', [
        { retailerId: id.A, cartons: 100 },
        { retailerId: id.B, cartons: 20 },
        { retailerId: id.C, cartons: 1200 },
        { retailerId: id.D, cartons: 300 },
        { retailerId: id.E, cartons: 10 },
        { retailerId: id.F, cartons: 50 },
        { retailerId: id.G, cartons: 900 },
        { retailerId: id.I, cartons: 400 },
      ]);
      expect(summary).toEqual({
        month: '2026-10',
        assessed: 10,
        bigAccounts: 1,
        becameBig: 1,
        noLongerBig: 0,
      });
      // D is a big account by override (set earlier), C by computation.
      expect((await list('bigAccount=true')).keys).toEqual(['C', 'D']);
      const c = await t.http.get(`/api/retailers/${id.C}/big-account`).set(mm).expect(200);
      expect(c.body).toMatchObject({ bigAccount: true, source: 'computed', computed: true, override: null });
      expect(c.body.history).toEqual([
        expect.objectContaining({
          month: '2026-10',
          cartons: 1200,
          localTotalCartons: 1620,
          localRetailerCount: 4,
          grounds: ['monthlyVolume'],
          isBigAccount: true,
        }),
      ]);

      const overruled = await t.http
        .put(`/api/retailers/${id.C}/big-account-override`)
        .set(mm)
        .send({ bigAccount: false, reason: '季节性团购，非常态' })
        .expect(200);
      expect(overruled.body).toMatchObject({
        bigAccount: false,
        source: 'override',
        computed: true,
        override: { bigAccount: false, reason: '季节性团购，非常态' },
      });
      const cleared = await t.http
        .put(`/api/retailers/${id.D}/big-account-override`)
        .set(mm)
        .send({ bigAccount: null, reason: '核实后取消人工认定' })
        .expect(200);
      expect(cleared.body).toMatchObject({ bigAccount: false, source: 'computed', override: null });
      expect((await list('bigAccount=true')).keys).toEqual([]);
      const audit = await t.db.query(
        `SELECT action, actor_role FROM audit_log WHERE action LIKE 'retailer.big_account%' ORDER BY id`,
      );
      expect(audit.rows).toEqual([
        { action: 'retailer.big_account_override', actor_role: 'admin' },
        { action: 'retailer.big_accounts_assessed', actor_role: 'system' },
        { action: 'retailer.big_account_override', actor_role: 'market_manager' },
        { action: 'retailer.big_account_override_clear', actor_role: 'market_manager' },
      ]);
    });
  });

  describe('self-service account and status', () => {
    it('staff hand over a one-time password; the retailer must change it, then sees only itself', async () => {
      const issued = await t.http
        .post(`/api/retailers/${id.A}/account/activation`)
        .set(bearer(await t.token('am01')))
        .expect(201);
      expect(issued.body).toMatchObject({
        username: '440100000001',
        temporaryPassword: expect.stringMatching(/^\w{10}$/),
      });
      const login = await t.http
        .post('/api/auth/login')
        .send({ username: '440100000001', password: issued.body.temporaryPassword })
        .expect(200);
      expect(login.body.user).toMatchObject({ role: 'retailer', retailerId: id.A, mustChangePassword: true });
      const first = bearer(login.body.accessToken);
      const blocked = await t.http.get('/api/retailers').set(first);
      expect([blocked.status, blocked.body.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
      await t.http.get('/api/auth/me').set(first).expect(200);
      const changed = await t.http
        .post('/api/auth/change-password')
        .set(first)
        .send({ currentPassword: issued.body.temporaryPassword, newPassword: 'Shop@2026A' })
        .expect(200);
      expect(changed.body.user.mustChangePassword).toBe(false);
      const own = bearer(changed.body.accessToken);
      const mine = await t.http.get('/api/retailers').set(own).expect(200);
      expect(keys(mine.body.items)).toEqual(['A']);
      expect((await t.http.get(`/api/retailers/${id.B}`).set(own)).status).toBe(404);
      expect((await t.http.get('/api/retailers/export').set(own)).status).toBe(403);
      expect((await t.http.patch(`/api/retailers/${id.A}`).set(own).send({ phone: '1' })).status).toBe(403);

      // Closing the retailer disables the account at once; reopening enables it again.
      const closed = await t.http
        .post(`/api/retailers/${id.A}/status`)
        .set(bearer(await t.token('mm1')))
        .send({ status: 'closed', reason: '经营者申请歇业' })
        .expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', statusReason: '经营者申请歇业' });
      expect((await t.http.get('/api/retailers').set(own)).status).toBe(401);
      expect(
        (await t.http.post('/api/auth/login').send({ username: '440100000001', password: 'Shop@2026A' }))
          .status,
      ).toBe(401);
      const edit = await t.http.patch(`/api/retailers/${id.A}`).set(admin).send({ phone: '13000000000' });
      expect([edit.status, edit.body.code]).toEqual([409, 'RETAILER_CLOSED']);
      const suspend = await t.http
        .post(`/api/retailers/${id.A}/status`)
        .set(admin)
        .send({ status: 'suspended', reason: 'x' });
      expect([suspend.status, suspend.body.code]).toEqual([409, 'RETAILER_STATUS_TRANSITION_FORBIDDEN']);
      await t.http
        .post(`/api/retailers/${id.A}/status`)
        .set(admin)
        .send({ status: 'active', reason: '重新开业' })
        .expect(200);
      await t.http
        .post('/api/auth/login')
        .send({ username: '440100000001', password: 'Shop@2026A' })
        .expect(200);
    });
  });

  describe('district types', () => {
    it('are a list the department edits; retired types are refused for new retailers', async () => {
      const head = bearer(await t.token('head'));
      await t.http
        .post('/api/district-types')
        .set(head)
        .send({ code: 'hospital', name: '医院周边', sortOrder: 11 })
        .expect(201);
      const listed = await t.http
        .get('/api/district-types')
        .set(bearer(await t.token('am01')))
        .expect(200);
      expect(listed.body.map((d: { code: string }) => d.code)).toContain('hospital');
      await t.http.patch('/api/district-types/hospital').set(head).send({ active: false }).expect(200);
      const res = await t.http.patch(`/api/retailers/${id.C}`).set(admin).send({ districtType: 'hospital' });
      expect([res.status, res.body.code]).toEqual([400, 'RETAILER_DISTRICT_TYPE_UNKNOWN']);
      expect(
        (
          await t.http
            .post('/api/district-types')
            .set(bearer(await t.token('mm1')))
            .send({ code: 'x', name: 'x' })
        ).status,
      ).toBe(403);
    });
  });
});

describe('the small test county', () => {
  let t: DemoApp;
  beforeAll(async () => {
    t = await startDemoApp({ retailers: TEST_DEMO_RETAILERS });
  });
  afterAll(async () => {
    await t.close();
  });

  it('has 60 retailers, 5 per territory, valid licences, each with an account that logs in', async () => {
    const { rows } = await t.db.query(
      `SELECT t.code, count(r.id)::int AS n, bool_and(r.license_no ~ '^[0-9]{12}$') AS licences,
              count(DISTINCT r.order_weekday)::int AS weekdays
         FROM org_units t LEFT JOIN retailers r ON r.territory_id = t.id
        WHERE t.type = 'territory' GROUP BY t.code ORDER BY t.code`,
    );
    expect(rows).toHaveLength(12);
    for (const row of rows) expect(row).toMatchObject({ n: 5, licences: true, weekdays: 1 });
    const { rows: accounts } = await t.db.query(
      `SELECT count(*)::int AS n FROM users u JOIN retailers r ON r.id = u.retailer_id AND u.org_unit_id = r.territory_id`,
    );
    expect(accounts[0].n).toBe(60);
    const { rows: first } = await t.db.query(
      `SELECT license_no FROM retailers WHERE status = 'active' ORDER BY id LIMIT 1`,
    );
    await t.http
      .post('/api/auth/login')
      .send({ username: first[0].license_no, password: DEMO_PASSWORD })
      .expect(200);
    expect(await countRows(t.db, 'brands')).toBe(80);
    const { rows: top20 } = await t.db.query(
      `SELECT count(*)::int AS n FROM key_brands WHERE kind = 'national_top20'`,
    );
    expect(top20[0].n).toBe(20);
  });
});
