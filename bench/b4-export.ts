import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { sheetDrained } from '#libs/shared';
import type { ApiProcess } from './support/api-process.js';
import { peakRss } from './support/api-process.js';
import { BENCH_PASSWORD } from './support/bench-database.js';
import { round, timed } from './support/stats.js';

export interface ExportFigures {
  rows: number;
  appRowsPerSecond: number;
  rawRowsPerSecond: number;
  ratio: number;
  apiPeakRssMb: number;
  apiIdleRssMb: number;
}

/** A sink that counts bytes and keeps nothing. */
function discard(): Writable & { bytes: number } {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      sink.bytes += chunk.length;
      done();
    },
  }) as Writable & { bytes: number };
  sink.bytes = 0;
  return sink;
}

/**
 * The raw limit: the same rows (one query joining the labels, read through a cursor in batches) written by
 * exceljs's streaming writer alone — rows committed as written, waiting for the sheet's stream to drain.
 */
async function rawExport(databaseUrl: string, month: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: discard(),
    // The endpoint writes unstyled cells too: styles would halve the library's own throughput.
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('订单明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    '订货日期',
    '客户服务部',
    '片区',
    '支点',
    '许可证号',
    '零售户',
    '规格编码',
    '规格名称',
    '需求量（条）',
    '订货量（条）',
    '批发价（元/条）',
    '金额（元）',
  ].map((header) => ({ header, width: 14 }));
  let rows = 0;
  try {
    await client.query('BEGIN');
    await client.query(
      `DECLARE lines NO SCROLL CURSOR FOR
       SELECT to_char(ol.order_date, 'YYYY-MM-DD') AS d, sc.name AS sc, t.name AS t, sp.name AS sp, r.license_no, r.shop_name,
              b.code, b.name, ol.requested, ol.ordered, ol.price_fen, ol.amount_fen
         FROM order_lines ol JOIN org_units sc ON sc.id = ol.service_center_id JOIN org_units t ON t.id = ol.territory_id
         JOIN org_units sp ON sp.id = ol.supply_point_id JOIN retailers r ON r.id = ol.retailer_id JOIN brands b ON b.id = ol.brand_id
        WHERE ol.order_date >= $1::date AND ol.order_date < ($1::date + interval '1 month')
        ORDER BY ol.order_date, ol.id`,
      [`${month}-01`],
    );
    for (;;) {
      const batch = await client.query('FETCH 2000 FROM lines');
      if (!batch.rowCount) break;
      for (const r of batch.rows) {
        sheet
          .addRow([
            r.d,
            r.sc,
            r.t,
            r.sp,
            r.license_no,
            r.shop_name,
            r.code,
            r.name,
            r.requested,
            r.ordered,
            r.price_fen / 100,
            Number(r.amount_fen) / 100,
          ])
          .commit();
        rows++;
      }
      // exceljs pipes each sheet's buffer into a zip entry stream: wait for it to drain, or rows pile up in memory.
      await sheetDrained(sheet);
    }
    await client.query('COMMIT');
    sheet.commit();
    await workbook.commit();
    return rows;
  } finally {
    await client.end();
  }
}

async function appExport(api: ApiProcess, token: string, month: string): Promise<number> {
  const res = await fetch(`${api.url}/api/reports/order-lines?month=${month}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok || !res.body) throw new Error(`export answered ${res.status}: ${await res.text()}`);
  const reader = res.body.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
  }
  return bytes;
}

/** B4: a month of order lines through the export endpoint vs exceljs's streaming writer alone; API peak RSS. */
export async function benchExport(
  api: ApiProcess,
  databaseUrl: string,
  month: string,
): Promise<ExportFigures> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const [{ n }] = (
    await pool.query(
      `SELECT count(*)::int AS n FROM order_lines WHERE order_date >= $1::date AND order_date < ($1::date + interval '1 month')`,
      [`${month}-01`],
    )
  ).rows;
  await pool.end();
  const login = await fetch(`${api.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'head', password: BENCH_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const idle = api.rssMb();
  const app = await peakRss(api, () => timed(() => appExport(api, accessToken, month)));
  const raw = await timed(() => rawExport(databaseUrl, month));
  const appRate = n / (app.result.ms / 1000);
  const rawRate = raw.result / (raw.ms / 1000);
  return {
    rows: n,
    appRowsPerSecond: round(appRate, 0),
    rawRowsPerSecond: round(rawRate, 0),
    ratio: round(appRate / rawRate, 2),
    apiPeakRssMb: round(app.peakMb, 0),
    apiIdleRssMb: round(idle, 0),
  };
}
