import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { countRows } from './support/test-app.js';
import { bearer, DEMO_PASSWORD, startDemoApp, type DemoApp } from './support/demo.js';
import { binary, readXlsx, xlsxOf } from './support/xlsx.js';
import { TEST_TODAY } from './support/test-clock.js';

const MAKER = '测试卷烟厂';
/** code, wholesale fen per carton (at each side of the class boundaries), carton and pack guide prices. */
const FIXTURE: Array<[string, number, number, number, number]> = [
  ['TST-V1', 1649, 2000, 200, 5],
  ['TST-IV1', 1650, 2000, 200, 4],
  ['TST-IV2', 2999, 3500, 350, 4],
  ['TST-III1', 3000, 3500, 350, 3],
  ['TST-III2', 4999, 6000, 600, 3],
  ['TST-II1', 5000, 6000, 600, 2],
  ['TST-II2', 9999, 12000, 1200, 2],
  ['TST-I1', 10000, 12000, 1200, 1],
];
const HEADERS = [
  '规格编码',
  '规格名称',
  '生产厂家',
  '批发价（元/条）',
  '零售指导价（元/条）',
  '零售指导价（元/盒）',
  '上市日期',
  '紧俏',
  '在售',
];

describe('brand catalogue', () => {
  let t: DemoApp;
  let admin: Record<string, string>;
  let head: Record<string, string>;
  let retailer: Record<string, string>;
  const id: Record<string, number> = {};
  const codes = (items: Array<{ code: string }>) => items.map((b) => b.code);

  beforeAll(async () => {
    t = await startDemoApp({ retailers: 12 });
    admin = bearer(await t.token('admin'));
    head = bearer(await t.token('head'));
    const { rows } = await t.db.query(
      `SELECT license_no FROM retailers WHERE status = 'active' ORDER BY id LIMIT 1`,
    );
    const login = await t.http
      .post('/api/auth/login')
      .send({ username: rows[0].license_no, password: DEMO_PASSWORD });
    retailer = bearer(login.body.accessToken);
  });
  afterAll(async () => {
    await t.close();
  });

  async function list(query: string, headers = head) {
    const res = await t.http
      .get(`/api/brands?pageSize=200&manufacturer=${encodeURIComponent(MAKER)}&${query}`)
      .set(headers);
    expect(res.status).toBe(200);
    return codes(res.body.items);
  }

  describe('price classes follow the wholesale price', () => {
    it.each(FIXTURE)(
      '%s at %d fen a carton is class %i (through the API)',
      async (code, wholesale, carton, pack, expected) => {
        const res = await t.http
          .post('/api/brands')
          .set(head)
          .send({
            code,
            name: `测试烟(${code})`,
            manufacturer: MAKER,
            wholesalePriceFen: wholesale,
            retailPriceCartonFen: carton,
            retailPricePackFen: pack,
          });
        expect(res.status).toBe(201);
        expect(res.body.priceClass).toBe(expected);
        id[code] = res.body.id;
        const { rows } = await t.db.query('SELECT price_class FROM brands WHERE id = $1', [res.body.id]);
        expect(rows[0].price_class).toBe(expected);
      },
    );

    it('moves class when the price moves, and records both in the audit trail', async () => {
      const res = await t.http
        .patch(`/api/brands/${id['TST-IV1']}`)
        .set(head)
        .send({ wholesalePriceFen: 1649 })
        .expect(200);
      expect(res.body).toMatchObject({ priceClass: 5, priceClassLabel: '五类烟' });
      const { rows } = await t.db.query(
        `SELECT before, after FROM audit_log WHERE action = 'brand.update' AND entity_id = $1`,
        [String(id['TST-IV1'])],
      );
      expect(rows).toEqual([
        {
          before: { wholesalePriceFen: 1650, priceClass: 4 },
          after: { wholesalePriceFen: 1649, priceClass: 5 },
        },
      ]);
      await t.http
        .patch(`/api/brands/${id['TST-IV1']}`)
        .set(head)
        .send({ wholesalePriceFen: 1650 })
        .expect(200);
    });

    it('is never typed in: the API refuses it, the database refuses a wrong one', async () => {
      const before = await countRows(t.db, 'brands');
      const res = await t.http.post('/api/brands').set(head).send({
        code: 'TST-X',
        name: 'x',
        manufacturer: MAKER,
        wholesalePriceFen: 1000,
        retailPriceCartonFen: 2000,
        retailPricePackFen: 200,
        priceClass: 1,
      });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      await expect(
        t.db.query(
          `INSERT INTO brands (code, name, manufacturer, wholesale_price_fen, retail_price_carton_fen, retail_price_pack_fen, price_class)
           VALUES ('TST-X', 'x', 'x', 1000, 2000, 200, 1)`,
        ),
      ).rejects.toThrow(/ck_brands_price_class_derived/);
      expect(await countRows(t.db, 'brands')).toBe(before);
    });

    it.each([
      [{ retailPriceCartonFen: 1000 }, 400, 'BRAND_PRICES_INCONSISTENT'],
      [{ retailPricePackFen: 99999 }, 400, 'BRAND_PRICES_INCONSISTENT'],
      [{ code: 'TST-I1' }, 409, 'BRAND_CODE_TAKEN'],
      [{ code: 'TST X' }, 400, 'VALIDATION_FAILED'],
      [{ wholesalePriceFen: 0 }, 400, 'VALIDATION_FAILED'],
      [{ wholesalePriceFen: 16.5 }, 400, 'VALIDATION_FAILED'],
    ])('refuses %j with %d %s, writing nothing', async (change, status, code) => {
      const before = await Promise.all([countRows(t.db, 'brands'), countRows(t.db, 'audit_log')]);
      const res = await t.http
        .post('/api/brands')
        .set(head)
        .send({
          code: 'TST-NEW',
          name: 'x',
          manufacturer: MAKER,
          wholesalePriceFen: 1650,
          retailPriceCartonFen: 2000,
          retailPricePackFen: 200,
          ...change,
        });
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(await Promise.all([countRows(t.db, 'brands'), countRows(t.db, 'audit_log')])).toEqual(before);
    });
  });

  describe('list and filters', () => {
    it.each([
      ['priceClass=4&sort=code', ['TST-IV1', 'TST-IV2']],
      ['priceClass=1&sort=code', ['TST-I1']],
      ['search=TST-II&sort=code', ['TST-II1', 'TST-II2', 'TST-III1', 'TST-III2']],
      [
        'sort=wholesalePrice&order=desc',
        ['TST-I1', 'TST-II2', 'TST-II1', 'TST-III2', 'TST-III1', 'TST-IV2', 'TST-IV1', 'TST-V1'],
      ],
      // Default focus tiers: urban ≥ 10 yuan a pack, rural 5–8 yuan.
      ['focusMarket=urban&sort=code', ['TST-I1', 'TST-II2']],
      ['focusMarket=rural&sort=code', ['TST-II1', 'TST-III2']],
    ])('%s', async (query, expected) => {
      expect(await list(query)).toEqual(expected);
    });

    it('scarce and active flags; retailers see active specifications only', async () => {
      await t.http.patch(`/api/brands/${id['TST-I1']}`).set(head).send({ scarce: true }).expect(200);
      await t.http.patch(`/api/brands/${id['TST-V1']}`).set(head).send({ active: false }).expect(200);
      expect(await list('scarce=true')).toEqual(['TST-I1']);
      await t.http
        .patch(`/api/brands/${id['TST-II1']}`)
        .set(head)
        .send({ launchDate: '2026-09-15' })
        .expect(200);
      await t.http
        .patch(`/api/brands/${id['TST-II2']}`)
        .set(head)
        .send({ launchDate: '2020-01-01' })
        .expect(200);
      expect(await list('launchedSince=2026-09-01')).toEqual(['TST-II1']);
      expect(await list('active=false')).toEqual(['TST-V1']);
      expect(await list('sort=code', retailer)).not.toContain('TST-V1');
      expect((await t.http.get(`/api/brands/${id['TST-V1']}`).set(retailer)).status).toBe(404);
      expect(
        (await t.http.get(`/api/brands/${id['TST-V1']}`).set(bearer(await t.token('am01')))).status,
      ).toBe(200);
      const all = await t.http.get('/api/brands?pageSize=1').set(head).expect(200);
      expect(all.body.total).toBe(88);
    });

    it('only the department writes the catalogue', async () => {
      for (const username of ['am01', 'mm1', 'insp1']) {
        const token = bearer(await t.token(username));
        expect((await t.http.post('/api/brands').set(token).send({})).status).toBe(403);
        expect(
          (await t.http.patch(`/api/brands/${id['TST-I1']}`).set(token).send({ scarce: false })).status,
        ).toBe(403);
      }
      expect(
        (await t.http.patch(`/api/brands/${id['TST-I1']}`).set(retailer).send({ scarce: false })).status,
      ).toBe(403);
    });
  });

  describe('focus tiers', () => {
    it('default to urban ≥ 10 yuan and rural 5–8 yuan a pack; a department sets its own', async () => {
      const am = bearer(await t.token('am01'));
      expect((await t.http.get('/api/focus-tiers').set(am).expect(200)).body).toMatchObject({
        urban: { minFenPerPack: 1000, maxFenPerPack: null, source: 'default' },
        rural: { minFenPerPack: 500, maxFenPerPack: 800, source: 'default' },
      });
      const bad = await t.http
        .put('/api/focus-tiers')
        .set(head)
        .send({
          urban: { minFenPerPack: 1200, maxFenPerPack: 1000 },
          rural: { minFenPerPack: 300, maxFenPerPack: 600 },
        });
      expect([bad.status, bad.body.code]).toEqual([400, 'FOCUS_TIER_INVALID']);
      await t.http
        .put('/api/focus-tiers')
        .set(head)
        .send({
          urban: { minFenPerPack: 1200, maxFenPerPack: null },
          rural: { minFenPerPack: 300, maxFenPerPack: 600 },
        })
        .expect(200);
      expect(await list('sort=code&focusMarket=rural', am)).toEqual([
        'TST-II1',
        'TST-III1',
        'TST-III2',
        'TST-IV2',
      ]);
      const brand = await t.http.get(`/api/brands/${id['TST-IV2']}`).set(am).expect(200);
      expect(brand.body.focusMarkets).toEqual(['rural']);
      expect((await t.http.put('/api/focus-tiers').set(am).send({})).status).toBe(403);
    });
  });

  describe('key brands', () => {
    const year = Number(TEST_TODAY.slice(0, 4));

    it('the demo year has a national top 20 and the department’s equivalents', async () => {
      const res = await t.http
        .get('/api/key-brands')
        .set(bearer(await t.token('am01')))
        .expect(200);
      expect(res.body.filter((k: { kind: string }) => k.kind === 'national_top20')).toHaveLength(20);
      expect(res.body.filter((k: { kind: string }) => k.kind === 'equivalent')).toHaveLength(2);
    });

    it('the national list: admins only, at most 20, existing active brands; nothing written on refusal', async () => {
      const current = await t.http.get(`/api/key-brands?year=${year}`).set(admin).expect(200);
      const national: number[] = current.body
        .filter((k: { kind: string }) => k.kind === 'national_top20')
        .map((k: { brandId: number }) => k.brandId);
      const before = await countRows(t.db, 'key_brands');
      expect(
        (await t.http.put(`/api/key-brands/${year}/national`).set(head).send({ brandIds: national })).status,
      ).toBe(403);
      const tooMany = await t.http
        .put(`/api/key-brands/${year}/national`)
        .set(admin)
        .send({ brandIds: [...national, id['TST-II2']] });
      expect([tooMany.status, tooMany.body.code]).toEqual([400, 'KEY_BRANDS_TOO_MANY']);
      const inactive = await t.http
        .put(`/api/key-brands/${year}/national`)
        .set(admin)
        .send({ brandIds: [id['TST-V1']] });
      expect([inactive.status, inactive.body.code, inactive.body.details]).toEqual([
        400,
        'KEY_BRAND_UNKNOWN',
        { brandIds: [id['TST-V1']] },
      ]);
      const past = await t.http
        .put(`/api/key-brands/${year - 1}/national`)
        .set(admin)
        .send({ brandIds: [] });
      expect([past.status, past.body.code]).toEqual([409, 'KEY_BRAND_YEAR_CLOSED']);
      const badYear = await t.http.put('/api/key-brands/1999/national').set(admin).send({ brandIds: [] });
      expect([badYear.status, badYear.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(await countRows(t.db, 'key_brands')).toBe(before);

      const replaced = [...national.slice(1), id['TST-II2']];
      const res = await t.http
        .put(`/api/key-brands/${year}/national`)
        .set(admin)
        .send({ brandIds: replaced })
        .expect(200);
      expect(
        res.body
          .filter((k: { kind: string }) => k.kind === 'national_top20')
          .map((k: { brandId: number }) => k.brandId)
          .sort(),
      ).toEqual([...replaced].sort());
      expect(await list('keyBrand=true')).toEqual(['TST-II2']);
      expect((await t.http.get(`/api/brands/${id['TST-II2']}`).set(head)).body.keyBrand).toBe(
        'national_top20',
      );
    });

    it('equivalents: the department names its own, never a national one', async () => {
      const before = await countRows(t.db, 'key_brands');
      const national = await t.http
        .put(`/api/key-brands/${year}/equivalents`)
        .set(head)
        .send({ brandIds: [id['TST-II2']] });
      expect([national.status, national.body.code]).toEqual([409, 'KEY_BRAND_ALREADY_NATIONAL']);
      const noSuchDepartment = await t.http
        .put(`/api/key-brands/${year}/equivalents`)
        .set(admin)
        .send({ departmentId: 999_999, brandIds: [id['TST-I1']] });
      expect([noSuchDepartment.status, noSuchDepartment.body.code]).toEqual([404, 'NOT_FOUND']);
      expect(await countRows(t.db, 'key_brands')).toBe(before);
      await t.http
        .put(`/api/key-brands/${year}/equivalents`)
        .set(head)
        .send({ brandIds: [id['TST-I1']] })
        .expect(200);
      expect(
        (await t.http.get(`/api/brands/${id['TST-I1']}`).set(bearer(await t.token('am03')))).body.keyBrand,
      ).toBe('equivalent');
      expect(await list('sort=code&keyBrand=true')).toEqual(['TST-I1', 'TST-II2']);
      expect(await countRows(t.db, 'key_brands')).toBe(before - 1);
    });
  });

  describe('import and export', () => {
    const upload = async (rows: unknown[][]) => {
      const file = await xlsxOf([HEADERS, ...rows]);
      return t.http.post('/api/brands/import').set(head).attach('file', file, '规格.xlsx');
    };
    const good = (): unknown[][] => [
      ['IMP-1650', '导入烟(16.50)', '导入卷烟厂', '16.50', '20', '2', '2026-01-01', '否', '是'],
      ['IMP-1649', '导入烟(16.49)', '导入卷烟厂', 16.49, 20, 2, '', '', ''],
      ['IMP-3000', '导入烟(30)', '导入卷烟厂', 30, 35, 3.5, '', '是', ''],
      ['IMP-10000', '导入烟(100)', '导入卷烟厂', '100', '120', '12', '', '', '否'],
    ];

    it('three bad rows among good ones: every problem listed, nothing written', async () => {
      const rows = [
        ...good(),
        ['IMP-BAD1', '坏价格', '导入卷烟厂', '12.345', '20', '2', '', '', ''],
        ['IMP-BAD2', '低于批发价', '导入卷烟厂', '30', '29.99', '3', '', '', ''],
        ['IMP-1650', '重复编码', '导入卷烟厂', '16.5', '20', '2', '', '', ''],
      ];
      const before = await Promise.all([countRows(t.db, 'brands'), countRows(t.db, 'audit_log')]);
      const res = await upload(rows);
      expect([res.status, res.body.code]).toEqual([400, 'IMPORT_ROWS_INVALID']);
      expect(res.body.details.errors).toEqual([
        { row: 6, column: '批发价（元/条）', value: '12.345', reason: '应为金额（元），最多两位小数' },
        { row: 7, column: '零售指导价（元/条）', value: '29.99', reason: '低于批发价' },
        { row: 8, column: '规格编码', value: 'IMP-1650', reason: '与第2行重复' },
      ]);
      expect(await Promise.all([countRows(t.db, 'brands'), countRows(t.db, 'audit_log')])).toEqual(before);
    });

    it('a clean import derives the classes at the boundaries; prices are exact fen', async () => {
      const res = await upload(good());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ rows: 4, created: 4, updated: 0, unchanged: 0, priceClassChanges: 0 });
      const listed = await t.http.get('/api/brands?search=IMP-&sort=code').set(head).expect(200);
      expect(
        listed.body.items.map(
          (b: {
            code: string;
            wholesalePriceFen: number;
            priceClass: string;
            scarce: boolean;
            active: boolean;
          }) => [b.code, b.wholesalePriceFen, b.priceClass, b.scarce, b.active],
        ),
      ).toEqual([
        ['IMP-10000', 10000, 1, false, false],
        ['IMP-1649', 1649, 5, false, true],
        ['IMP-1650', 1650, 4, false, true],
        ['IMP-3000', 3000, 3, true, true],
      ]);
      const again = good();
      again[1][3] = '16.5';
      const update = await upload(again);
      expect(update.body).toEqual({ rows: 4, created: 0, updated: 1, unchanged: 3, priceClassChanges: 1 });
    });

    it('exports the filtered catalogue, which imports back unchanged', async () => {
      const res = await t.http
        .get('/api/brands/export?priceClass=4&sort=code')
        .set(head)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const [header, ...rows] = (await readXlsx(res.body as Buffer)).rows('规格');
      expect(header).toEqual([...HEADERS, '价类', '城镇重点价位', '乡村重点价位', '重点品牌', '系统编号']);
      const listed = await t.http
        .get('/api/brands?priceClass=4&sort=code&pageSize=200')
        .set(head)
        .expect(200);
      expect(rows.map((r) => r[0])).toEqual(codes(listed.body.items));
      const imp = rows.find((r) => r[0] === 'IMP-1649')!;
      expect(imp.slice(3, 10)).toEqual(['16.50', '20.00', '2.00', '', '否', '是', '四类烟']);
      const back = await t.http
        .post('/api/brands/import')
        .set(head)
        .attach('file', res.body as Buffer, 'x.xlsx')
        .expect(200);
      expect(back.body).toMatchObject({ created: 0, updated: 0, unchanged: rows.length });
      expect((await t.http.get('/api/brands/export').set(retailer)).status).toBe(403);
    });
  });
});
