/**
 * Retailer import at city scale: 30,000 rows through the real HTTP endpoint (multipart upload, parse,
 * validation, one transaction), against its raw limit (exceljs's streaming reader alone + the same rows
 * as one raw `INSERT … SELECT unnest(…)`), then an unchanged re-import, a re-import changing every row,
 * and the streamed export of the 30,000 rows.
 *
 *   npm run bench:retailer-import            (DATABASE_URL's server, else an embedded one under DATA_DIR/bench)
 *   ROWS=100000 npm run bench:retailer-import
 *
 * A fresh database is created and dropped; results also go to bench/results/retailer-import.json.
 */
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { DataSource } from 'typeorm';
import {
  dataSourceOptions,
  ensureDatabase,
  loadConfig,
  readFirstSheet,
  runMigrationsLocked,
  startEmbeddedPostgres,
} from '#libs/shared';
import { hashPassword } from '#libs/auth';
import { migrations } from '#db/migrations/index';
import { demoShape, demoStaff, insertUsers, seedOrg } from '#db/seeds/demo/org-and-staff';
import { SeededRandom } from '#db/seeds/random';
import { createApiApp } from '../apps/api/src/bootstrap.js';

const ROWS = Number(process.env.ROWS ?? 30_000);
const ADMIN_PASSWORD = 'Bench@Admin2026';
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
const TYPES = ['食杂', '便利', '超市', '烟酒', '娱乐服务', '其他'];
const DISTRICTS = ['居民社区', '商业街区', '集贸市场', '乡镇集镇', '农村村落'];
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五'];

function row(i: number, territories: string[], variant: string): unknown[] {
  const grade = 1 + ((i * 7) % 30);
  return [
    `46${String(i + 1).padStart(10, '0')}`,
    `${variant}便利店${i}`,
    `店主${i % 997}`,
    `139${String(i).padStart(8, '0')}`,
    `示范市城关镇人民路${i}号`,
    territories[i % territories.length],
    TYPES[i % TYPES.length],
    i % 5 < 2 ? '乡村' : '城镇',
    grade > 21 ? '大' : grade > 11 ? '中' : '小',
    grade,
    DISTRICTS[i % DISTRICTS.length],
    WEEKDAYS[i % 5],
    i % 3 ? '是' : '否',
    i % 2 ? '是' : '否',
    i % 4 ? '否' : '是',
    `19${60 + (i % 35)}-0${1 + (i % 9)}-1${i % 10}`,
    '2024-01-01',
    '2028-12-31',
  ];
}

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = book.addWorksheet('零售户');
  sheet.addRow(HEADERS).commit();
  for (const r of rows) sheet.addRow(r).commit();
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

function multipart(file: Buffer, filename: string): { body: Buffer; contentType: string } {
  const boundary = `----bench${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      `Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, file, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const seconds = (from: number) => (performance.now() - from) / 1000;
const rate = (rows: number, s: number) => Math.round(rows / s);

async function main() {
  const base = loadConfig({ ...process.env, SEED_DEMO: 'false' });
  let serverUrl: string;
  let stopServer: () => Promise<void> = async () => undefined;
  if (base.databaseUrl) serverUrl = base.databaseUrl;
  else {
    const server = await startEmbeddedPostgres(join(base.dataDir, 'bench'));
    serverUrl = server.url('postgres');
    stopServer = server.stop;
  }
  const database = `bench_retailer_import_${process.pid}`;
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  await ensureDatabase(serverUrl, database);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: url.toString(),
    ADMIN_PASSWORD,
    LOG_LEVEL: 'warn',
    JOBS_ENABLED: 'false',
    SEED_DEMO: 'false',
  });
  const results: Record<string, unknown> = {
    rows: ROWS,
    node: process.version,
    at: new Date().toISOString(),
  };
  try {
    // A city: 15 centers, 150 territories (the demo generator's shape for 30,000 retailers).
    const setup = new DataSource(
      dataSourceOptions({ url: url.toString(), timeZone: config.timeZone, migrations, poolSize: 2 }),
    );
    await setup.initialize();
    await runMigrationsLocked(setup);
    const staffHash = await hashPassword('Bench@Staff2026');
    await setup.transaction(async (manager) => {
      const org = await seedOrg(manager, demoShape(ROWS));
      await insertUsers(manager, demoStaff(org, new SeededRandom(1)), staffHash);
    });
    const territories: string[] = (
      await setup.query(`SELECT code FROM org_units WHERE type = 'territory' ORDER BY code`)
    ).map((r: { code: string }) => r.code);
    await setup.destroy();

    const rows = Array.from({ length: ROWS }, (_, i) => row(i, territories, '惠民'));
    const file = await workbook(rows);
    const changed = await workbook(
      Array.from({ length: ROWS }, (_, i) => {
        const r = row(i, territories, '万家');
        r[9] = 1 + ((i * 7 + 3) % 30); // every grade changes: scheduled for the next period
        return r;
      }),
    );
    results.fileBytes = file.length;

    // Raw limit, part 1: exceljs's streaming reader alone on the same file.
    let started = performance.now();
    await readFirstSheet(file, { maxRows: ROWS + 1 });
    results.rawParseSeconds = seconds(started);

    const app = await createApiApp({ config, databaseUrl: url.toString() });
    const fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();
    const login = await fastify.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    const token = login.json().accessToken as string;
    const upload = async (xlsx: Buffer) => {
      const { body, contentType } = multipart(xlsx, 'retailers.xlsx');
      const t0 = performance.now();
      const res = await fastify.inject({
        method: 'POST',
        url: '/api/retailers/import',
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        payload: body,
      });
      if (res.statusCode !== 200)
        throw new Error(`import answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
      return { seconds: seconds(t0), summary: res.json() };
    };

    const first = await upload(file);
    results.importCreate = { ...first, rowsPerSecond: rate(ROWS, first.seconds) };
    const same = await upload(file);
    results.importUnchanged = { ...same, rowsPerSecond: rate(ROWS, same.seconds) };
    const update = await upload(changed);
    results.importUpdate = { ...update, rowsPerSecond: rate(ROWS, update.seconds) };

    started = performance.now();
    const rssBefore = process.memoryUsage().rss;
    const exported = await fastify.inject({
      method: 'GET',
      url: '/api/retailers/export',
      headers: { authorization: `Bearer ${token}` },
    });
    const exportSeconds = seconds(started);
    if (exported.statusCode !== 200) throw new Error(`export answered ${exported.statusCode}`);
    results.export = {
      seconds: exportSeconds,
      rowsPerSecond: rate(ROWS, exportSeconds),
      bytes: exported.rawPayload.length,
      rssGrowthMB: Math.round((process.memoryUsage().rss - rssBefore) / 1e6),
    };
    await app.close();

    // Raw limit, part 2: the same rows as one hand-written INSERT … SELECT unnest into a copy of the table.
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const { rows: ids } = await client.query(
      `SELECT id, code, service_center_id, department_id FROM org_units WHERE type = 'territory'`,
    );
    type Place = { id: number; code: string; service_center_id: number; department_id: number };
    const place = new Map((ids as Place[]).map((t) => [t.code, t]));
    const at = (r: unknown[]) => place.get(r[5] as string)!;
    await client.query('CREATE TABLE raw_retailers (LIKE retailers INCLUDING ALL)');
    const column = (i: number) => rows.map((r) => r[i]);
    started = performance.now();
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO raw_retailers (license_no, shop_name, owner_name, phone, address, territory_id, service_center_id,
              department_id, business_type, market_type, scale, grade, grade_since, order_weekday)
       SELECT * , current_date, 1 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[],
              $7::int[], $8::int[], $9::text[], $10::text[], $11::text[], $12::smallint[])`,
      [
        column(0),
        column(1),
        column(2),
        column(3),
        column(4),
        rows.map((r) => at(r).id),
        rows.map((r) => at(r).service_center_id),
        rows.map((r) => at(r).department_id),
        rows.map(() => 'B'),
        rows.map((r) => (r[7] === '乡村' ? 'rural' : 'urban')),
        rows.map((r) => ({ 大: 'large', 中: 'medium', 小: 'small' })[r[8] as string]),
        column(9),
      ],
    );
    await client.query('COMMIT');
    results.rawInsertSeconds = seconds(started);
    await client.end();

    const rawSeconds = (results.rawParseSeconds as number) + (results.rawInsertSeconds as number);
    results.rawRowsPerSecond = rate(ROWS, rawSeconds);
    results.createVsRaw = Number((rawSeconds / first.seconds).toFixed(2));

    console.log(
      `retailer import, ${ROWS} rows (${(file.length / 1e6).toFixed(1)} MB .xlsx), node ${process.version}`,
    );
    console.table({
      'import: create all': { seconds: first.seconds.toFixed(2), 'rows/s': rate(ROWS, first.seconds) },
      'import: unchanged': { seconds: same.seconds.toFixed(2), 'rows/s': rate(ROWS, same.seconds) },
      'import: update all + grades': {
        seconds: update.seconds.toFixed(2),
        'rows/s': rate(ROWS, update.seconds),
      },
      'export (streamed)': { seconds: exportSeconds.toFixed(2), 'rows/s': rate(ROWS, exportSeconds) },
      'raw: exceljs read': {
        seconds: (results.rawParseSeconds as number).toFixed(2),
        'rows/s': rate(ROWS, results.rawParseSeconds as number),
      },
      'raw: unnest insert': {
        seconds: (results.rawInsertSeconds as number).toFixed(2),
        'rows/s': rate(ROWS, results.rawInsertSeconds as number),
      },
    });
    console.log(`create-all import runs at ${results.createVsRaw} of the raw limit (read + insert alone)`);
    await writeFile(join('bench', 'results', 'retailer-import.json'), JSON.stringify(results, null, 2));
  } finally {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    await stopServer();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
