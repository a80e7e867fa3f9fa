import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { binary, readXlsx } from './support/xlsx.js';

/**
 * A market manager downloads its center's KPI workbook: its own territories and center, nothing of the other
 * centers and no department total; the department head's holds the whole department.
 */
describe('KPI workbook of a market manager’s center', () => {
  let t: DemoApp;
  const month = '2026-11';

  beforeAll(async () => {
    t = await startDemoApp({ retailers: 60, weeks: 2 });
  });
  afterAll(async () => {
    await t.close();
  });

  const download = async (username: string, query = '') =>
    t.http
      .get(`/api/reports/kpi?month=${month}${query}`)
      .set(bearer(await t.token(username)))
      .buffer(true)
      .parse(binary);

  /** The first column of a sheet's rows under its header. */
  const column = async (body: Buffer, sheet: string, index: number) =>
    (await readXlsx(body))
      .rows(sheet)
      .slice(1)
      .map((row) => String(row[index]));

  it('holds only the center’s territories and the center’s own row', async () => {
    const res = await download('mm1');
    expect(res.status).toBe(200);
    expect(res.headers['x-report-source']).toBe('live');
    const sc1 = await t.unitId('SC1');
    const { rows: center } = await t.db.query(`SELECT name FROM org_units WHERE id = $1`, [sc1]);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="kpi-${month}-center-${sc1}.xlsx"; filename*=UTF-8''${encodeURIComponent(`客户经理考核-${center[0].name}-${month}.xlsx`)}`,
    );
    expect((await column(res.body, '客户经理考核', 1)).sort()).toEqual(['T001', 'T002', 'T003', 'T004']);
    expect(await column(res.body, '客户经理考核', 0)).toEqual(Array(4).fill(center[0].name));
    expect(await column(res.body, '客户服务部汇总', 0)).toEqual([center[0].name]);
    // The department's own workbook, for comparison: every territory and the total.
    const head = await download('head');
    expect(head.status).toBe(200);
    expect(await column(head.body, '客户经理考核', 1)).toHaveLength(12);
    expect((await column(head.body, '客户服务部汇总', 0)).at(-1)).toMatch(/合计$/);
  });

  /** Every sheet's print settings, read back as Excel would apply them. */
  const printSetup = async (body: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    return workbook.worksheets.map((sheet) => ({
      name: sheet.name,
      orientation: sheet.pageSetup.orientation,
      paperSize: sheet.pageSetup.paperSize,
      fitToPage: sheet.pageSetup.fitToPage,
      fitToWidth: sheet.pageSetup.fitToWidth,
      fitToHeight: sheet.pageSetup.fitToHeight,
      printTitlesRow: sheet.pageSetup.printTitlesRow,
      header: sheet.headerFooter.oddHeader,
      footer: sheet.headerFooter.oddFooter,
    }));
  };

  it('prints every sheet landscape, one page wide, header row on each page, department and month on top', async () => {
    const { rows } = await t.db.query(`SELECT name FROM org_units WHERE type = 'department'`);
    const department = rows[0].name;
    const sheets = await printSetup((await download('head')).body);
    expect(sheets.map((s) => s.name)).toHaveLength(9);
    for (const sheet of sheets)
      expect(sheet).toEqual({
        name: sheet.name,
        orientation: 'landscape',
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        // 0: as many pages tall as the rows take
        fitToHeight: 0,
        printTitlesRow: '1:1',
        header: `&L${department} 2026年11月&R${sheet.name}`,
        footer: '&C第 &P 页，共 &N 页',
      });
    // A center's workbook names its center beside the department.
    const { rows: center } = await t.db.query(`SELECT name FROM org_units WHERE code = 'SC1'`);
    const centerSheets = await printSetup((await download('mm1')).body);
    expect(new Set(centerSheets.map((s) => s.header?.replace(/&R.*$/, '')))).toEqual(
      new Set([`&L${department} ${center[0].name} 2026年11月`]),
    );
  });

  it('answers 404 for another department', async () => {
    const { rows } = await t.db.query(
      `INSERT INTO org_units (type, code, name) VALUES ('department', 'D-OTHER', '另一营销部') RETURNING id`,
    );
    const res = await t.http
      .get(`/api/reports/kpi?month=${month}&departmentId=${rows[0].id}`)
      .set(bearer(await t.token('mm1')));
    expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
  });
});
