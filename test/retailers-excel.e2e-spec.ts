import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { countRows } from './support/test-app.js';
import { bearer, startDemoApp, TEST_DEMO_RETAILERS, type DemoApp } from './support/demo.js';
import { binary, readXlsx, xlsxOf } from './support/xlsx.js';

const HEADERS = [
  '专卖许可证号',
  '店铺名称',
  '负责人',
  '联系电话',
  '经营地址',
  '片区编码',
  '业态',
  '市场类型',
  '经营规模',
  '档位',
  '商圈类型',
  '订货日',
  '短信可达',
  '微信可达',
  '订货平台可达',
  '负责人生日',
  '许可证有效期起',
  '许可证有效期止',
];
const EXPORT_HEADERS = [
  ...HEADERS.slice(0, 6),
  '片区',
  '客户服务部',
  ...HEADERS.slice(6),
  '档位生效日',
  '待生效档位',
  '待生效日期',
  '大户',
  '大户依据',
  '经营状态',
  '状态原因',
  '系统编号',
];

/** Eight rows (Excel rows 2–9); rows 4, 6 and 9 are wrong in exactly one cell each. */
function fixture(fixed = false): unknown[][] {
  return [
    HEADERS,
    [
      '530100000001',
      '王记便利店',
      '王伟',
      '13600000001',
      '示范县城关镇人民路1号',
      'T001',
      '便利',
      '城镇',
      '中',
      10,
      '居民社区',
      '周一',
      '是',
      '是',
      '否',
      '1970-01-01',
      '2024-01-01',
      '2028-12-31',
    ],
    [
      '530100000002',
      '刘记食杂店',
      '刘芳',
      '13600000002',
      '示范县城关镇李家村2组',
      'T002',
      '食杂',
      '乡村',
      '小',
      4,
      '农村村落',
      '周二',
      '是',
      '否',
      '否',
      '',
      '',
      '',
    ],
    [
      fixed ? '530100000003' : '53010000003',
      '好又多超市',
      '陈刚',
      '',
      '示范县城关镇建设路9号',
      'T003',
      '超市',
      '城镇',
      '大',
      22,
      '商业街区',
      '周三',
      '否',
      '是',
      '是',
      '',
      '',
      '',
    ],
    [
      '530100000004',
      '东乡烟酒行',
      '杨敏',
      '13600000004',
      '示范县东乡镇胜利路4号',
      'T005',
      '烟酒',
      '城镇',
      '中',
      15,
      '',
      '星期四',
      '',
      '',
      '',
      '',
      '',
      '',
    ],
    [
      '530100000005',
      '平安茶楼',
      '赵磊',
      '13600000005',
      '示范县东乡镇滨江路5号',
      'T006',
      '娱乐服务',
      '城镇',
      '中',
      fixed ? 30 : 31,
      '旅游景区',
      '周五',
      '是',
      '是',
      '是',
      '',
      '',
      '',
    ],
    // A licence typed as a number and a real date cell: both read as what they show.
    [
      530100000006,
      '西山小卖部',
      '孙丽',
      '13600000006',
      '示范县西山镇白石村6组',
      'T009',
      'C',
      'rural',
      'small',
      2,
      'village',
      1,
      '否',
      '否',
      '否',
      new Date(Date.UTC(1980, 1, 29)),
      '2023-05-01',
      '2028-04-30',
    ],
    [
      '530100000007',
      '百顺商场',
      '周强',
      '13600000007',
      '示范县西山镇中山路7号',
      'T010',
      '商场',
      '城镇',
      '大',
      27,
      '商业街区',
      '周二',
      '是',
      '是',
      '是',
      '',
      '',
      '',
    ],
    [
      '530100000008',
      '佳佳报刊亭',
      '吴静',
      '',
      '示范县西山镇车站路8号',
      'T012',
      fixed ? '其他' : '批发',
      '城镇',
      '小',
      6,
      '交通枢纽',
      '周三',
      '否',
      '否',
      '否',
      '',
      '',
      '',
    ],
  ];
}

describe('retailer import and export', () => {
  let t: DemoApp;
  let head: Record<string, string>;
  const counts = () =>
    Promise.all(
      ['retailers', 'users', 'retailer_grades', 'audit_log'].map((table) => countRows(t.db, table)),
    );

  beforeAll(async () => {
    t = await startDemoApp({ retailers: TEST_DEMO_RETAILERS });
    head = bearer(await t.token('head'));
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = async (rows: unknown[][], query = '', headers: Record<string, string> = head) => {
    const file = await xlsxOf(rows);
    return t.http.post(`/api/retailers/import${query}`).set(headers).attach('file', file, '零售户.xlsx');
  };

  describe('all or nothing', () => {
    it('a file with three bad rows among good ones: every problem listed, nothing written', async () => {
      const before = await counts();
      const res = await upload(fixture());
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('IMPORT_ROWS_INVALID');
      expect(res.body.details).toEqual({
        rowCount: 8,
        invalidRows: 3,
        errorCount: 3,
        truncated: false,
        errors: [
          { row: 4, column: '专卖许可证号', value: '53010000003', reason: '应为12位数字' },
          { row: 6, column: '档位', value: '31', reason: '应在1到30之间' },
          {
            row: 9,
            column: '业态',
            value: '批发',
            reason: '应为：食杂、便利、超市、商场、烟酒、娱乐服务、其他',
          },
        ],
      });
      expect(await counts()).toEqual(before);
    });

    it('the same report as the uploaded sheet with an error column, when asked for .xlsx', async () => {
      for (const [query, accept] of [
        ['?format=xlsx', undefined],
        ['', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ] as const) {
        const request = t.http.post(`/api/retailers/import${query}`).set(head);
        if (accept) request.set('accept', accept);
        const res = await request
          .attach('file', await xlsxOf(fixture()), 'x.xlsx')
          .buffer(true)
          .parse(binary);
        expect(res.status).toBe(400);
        expect(res.headers['x-error-code']).toBe('IMPORT_ROWS_INVALID');
        expect(res.headers['content-type']).toContain('spreadsheetml');
        const book = await readXlsx(res.body as Buffer);
        expect(book.sheets).toEqual(['导入结果', '错误明细']);
        const rows = book.rows('导入结果');
        expect(rows[0]).toEqual(['错误说明', ...HEADERS]);
        expect(rows.slice(1).map((r) => r[0])).toEqual([
          '',
          '',
          '专卖许可证号：应为12位数字',
          '',
          '档位：应在1到30之间',
          '',
          '',
          '业态：应为：食杂、便利、超市、商场、烟酒、娱乐服务、其他',
        ]);
        expect(rows[3][1]).toBe('53010000003');
        expect(book.rows('错误明细')).toEqual([
          ['行号', '列', '值', '原因'],
          [4, '专卖许可证号', '53010000003', '应为12位数字'],
          [6, '档位', '31', '应在1到30之间'],
          [9, '业态', '批发', '应为：食杂、便利、超市、商场、烟酒、娱乐服务、其他'],
        ]);
      }
    });

    it('checks across rows and against the database: duplicates, territories, district types, dates', async () => {
      const rows = fixture(true);
      rows[2][0] = '530100000001'; // row 3 repeats row 2's licence
      rows[3][5] = 'T999';
      rows[4][10] = '月球基地';
      rows[5][16] = '2025-01-01';
      rows[5][17] = '2024-12-31';
      const before = await counts();
      const res = await upload(rows);
      expect(res.body.details.errors).toEqual([
        { row: 3, column: '专卖许可证号', value: '530100000001', reason: '与第2行重复' },
        { row: 4, column: '片区编码', value: 'T999', reason: '片区不存在、已停用或不在您的管辖范围' },
        { row: 5, column: '商圈类型', value: '月球基地', reason: '未知的商圈类型' },
        { row: 6, column: '许可证有效期止', value: '2024-12-31', reason: '早于许可证有效期起' },
      ]);
      expect(await counts()).toEqual(before);
    });

    it('refuses a header row that does not match the template, files that are not .xlsx, and no file', async () => {
      const rows = fixture(true).map((r) => [...r]);
      rows[0] = rows[0].map((h) => (h === '业态' ? '等级' : h));
      const headers = await upload(rows);
      expect([headers.status, headers.body.code]).toEqual([400, 'IMPORT_HEADERS_INVALID']);
      expect(headers.body.details).toMatchObject({ missing: ['业态'], unknown: ['等级'], duplicate: [] });
      const text = await t.http
        .post('/api/retailers/import')
        .set(head)
        .attach('file', Buffer.from('专卖许可证号,店铺名称\n'), 'a.csv');
      expect([text.status, text.body.code]).toEqual([400, 'IMPORT_FILE_NOT_XLSX']);
      const none = await t.http.post('/api/retailers/import').set(head).send({});
      expect([none.status, none.body.code]).toEqual([400, 'IMPORT_FILE_MISSING']);
      const empty = await upload([HEADERS]);
      expect([empty.status, empty.body.code]).toEqual([400, 'IMPORT_FILE_EMPTY']);
    });

    it('refuses a malformed multipart body (no boundary, truncated, no end) as IMPORT_UPLOAD_MALFORMED', async () => {
      const before = await counts();
      const part = '--b\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\x03\x04';
      for (const [contentType, body] of [
        ['multipart/form-data', `${part}\r\n--b--\r\n`],
        ['multipart/form-data; boundary=other', `${part}\r\n--b--\r\n`],
        ['multipart/form-data; boundary=b', part],
      ]) {
        const res = await t.http
          .post('/api/retailers/import')
          .set(head)
          .set('content-type', contentType)
          .send(body);
        expect([res.status, res.body.code]).toEqual([400, 'IMPORT_UPLOAD_MALFORMED']);
      }
      expect(await counts()).toEqual(before);
    });

    it('is for the department: market and account managers may not import', async () => {
      for (const username of ['mm1', 'am01']) {
        expect((await upload(fixture(true), '', bearer(await t.token(username)))).status).toBe(403);
      }
    });
  });

  describe('a clean import', () => {
    it('creates every row with its account, in one go', async () => {
      const [retailers, users, grades, audit] = await counts();
      const res = await upload(fixture(true));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        rows: 8,
        created: 8,
        updated: 0,
        unchanged: 0,
        grades: {
          scheduled: 0,
          cancelled: 0,
          effectiveFrom: expect.stringMatching(/^\d{4}-(01|04|07|10)-01$/),
        },
        accounts: { created: 8, updated: 0 },
      });
      // 8 retailers, 8 accounts, 8 initial grades; 8 audit rows plus the import's own.
      expect(await counts()).toEqual([retailers + 8, users + 8, grades + 8, audit + 9]);
      const { rows } = await t.db.query(
        `SELECT r.license_no, r.business_type, r.market_type, r.scale, r.grade, r.district_type, r.order_weekday,
                r.owner_birthday::text AS birthday, r.reachable_sms, u.username, u.role, left(u.password_hash, 1) AS mark,
                (SELECT code FROM org_units WHERE id = r.territory_id) AS territory
           FROM retailers r JOIN users u ON u.retailer_id = r.id
          WHERE r.license_no LIKE '5301%' ORDER BY r.license_no`,
      );
      expect(
        rows.map((r) => [r.license_no, r.territory, r.business_type, r.grade, r.username, r.role, r.mark]),
      ).toEqual([
        ['530100000001', 'T001', 'B', 10, '530100000001', 'retailer', '!'],
        ['530100000002', 'T002', 'C', 4, '530100000002', 'retailer', '!'],
        ['530100000003', 'T003', 'S', 22, '530100000003', 'retailer', '!'],
        ['530100000004', 'T005', 'Y', 15, '530100000004', 'retailer', '!'],
        ['530100000005', 'T006', 'F', 30, '530100000005', 'retailer', '!'],
        ['530100000006', 'T009', 'C', 2, '530100000006', 'retailer', '!'],
        ['530100000007', 'T010', 'N', 27, '530100000007', 'retailer', '!'],
        ['530100000008', 'T012', 'Q', 6, '530100000008', 'retailer', '!'],
      ]);
      expect(rows[5]).toMatchObject({
        market_type: 'rural',
        scale: 'small',
        district_type: 'village',
        order_weekday: 1,
        birthday: '1980-02-29',
      });
      expect(rows[3]).toMatchObject({ district_type: null, order_weekday: 4, reachable_sms: false });
    });

    it('importing again updates by licence number; a new grade waits for the next period', async () => {
      const rows = fixture(true);
      rows[1][1] = '王记便利超市';
      rows[2][9] = 6;
      const res = await upload(rows);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        rows: 8,
        created: 0,
        updated: 1,
        unchanged: 7,
        grades: { scheduled: 1, cancelled: 0 },
        accounts: { created: 0, updated: 1 },
      });
      const list = await t.http.get('/api/retailers?search=5301000000&sort=licenseNo').set(head).expect(200);
      expect(list.body.items[0]).toMatchObject({ shopName: '王记便利超市' });
      expect(list.body.items[1]).toMatchObject({
        grade: 4,
        pendingGrade: { grade: 6, effectiveFrom: res.body.grades.effectiveFrom },
      });
      const { rows: account } = await t.db.query(
        `SELECT display_name FROM users WHERE username = '530100000001'`,
      );
      expect(account[0].display_name).toBe('王记便利超市');
    });
  });

  describe('export', () => {
    const download = async (query: string, username = 'head') =>
      t.http
        .get(`/api/retailers/export${query}`)
        .set(bearer(await t.token(username)))
        .buffer(true)
        .parse(binary);

    it('opens with exceljs and matches the filtered, sorted list', async () => {
      const query = 'marketType=rural&sort=grade&order=desc';
      const res = await download(`?${query}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="retailers-\d{8}\.xlsx"; filename\*=UTF-8''/,
      );
      const book = await readXlsx(res.body as Buffer);
      expect(book.sheets).toEqual(['零售户']);
      const [header, ...rows] = book.rows('零售户');
      expect(header).toEqual(EXPORT_HEADERS);
      const list = await t.http.get(`/api/retailers?${query}&pageSize=200`).set(head).expect(200);
      expect(rows).toHaveLength(list.body.total);
      expect(rows.map((r) => r[0])).toEqual(list.body.items.map((r: { licenseNo: string }) => r.licenseNo));
      for (const [i, item] of list.body.items.entries()) {
        expect(rows[i].slice(0, 13)).toEqual([
          item.licenseNo,
          item.shopName,
          item.ownerName,
          item.phone ?? '',
          item.address,
          item.territoryCode,
          item.territoryName,
          item.serviceCenterName,
          expect.any(String),
          '乡村',
          { large: '大', medium: '中', small: '小' }[item.scale as string],
          item.grade,
          expect.any(String),
        ]);
        expect(rows[i][27]).toBe(item.id);
      }
    });

    it('is scoped: an account manager exports its territory only', async () => {
      const res = await download('', 'am01');
      const [, ...rows] = (await readXlsx(res.body as Buffer)).rows('零售户');
      const list = await t.http
        .get('/api/retailers?pageSize=200')
        .set(bearer(await t.token('am01')))
        .expect(200);
      expect(rows.map((r) => r[0])).toEqual(list.body.items.map((r: { licenseNo: string }) => r.licenseNo));
      expect(new Set(rows.map((r) => r[5]))).toEqual(new Set(['T001']));
    });

    it('an export imported back changes nothing', async () => {
      const exported = await download('');
      const before = await counts();
      const res = await t.http
        .post('/api/retailers/import')
        .set(head)
        .attach('file', exported.body as Buffer, 'export.xlsx')
        .expect(200);
      const total = (await t.http.get('/api/retailers?pageSize=1').set(head)).body.total;
      expect(res.body).toMatchObject({
        rows: total,
        created: 0,
        updated: 0,
        unchanged: total,
        grades: { scheduled: 0, cancelled: 0 },
      });
      const [retailers, users, grades, audit] = await counts();
      expect([retailers, users, grades, audit]).toEqual([before[0], before[1], before[2], before[3] + 1]);
    });

    it('the template has the Chinese headers, an example row and a sheet of explanations', async () => {
      const res = await t.http
        .get('/api/retailers/import-template')
        .set(head)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const book = await readXlsx(res.body as Buffer);
      expect(book.sheets).toEqual(['零售户', '说明']);
      expect(book.rows('零售户')[0]).toEqual(HEADERS);
      expect(
        book
          .rows('说明')
          .slice(1, 19)
          .map((r) => r[0]),
      ).toEqual(HEADERS);
    });
  });
});
