/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, DEMO_PASSWORD } from '../support/demo.js';
import { binary, readXlsx } from '../support/xlsx.js';
import { countRows } from '../support/test-app.js';
import {
  logIn,
  screenshot,
  seriousAccessibilityViolations,
  startConsoleApp,
  type ConsoleApp,
} from './support/browser.js';

/**
 * A department head imports retailers from the template at its desk (1366×768): two new shops, the second with
 * grade 99 (grades are 1–30). The page lists the bad row (row, column, value, reason) and nothing is written.
 */
describe('console: a retailer import with a bad row', () => {
  let t: ConsoleApp;
  let upload: string;
  let licences: string[];

  beforeAll(async () => {
    t = await startConsoleApp({ retailers: 60 });
    const template = await t.http
      .get('/api/retailers/import-template')
      .set(bearer(await t.token('head')))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const example = (sheet.getRow(2).values as unknown[]).slice(1);
    const at = (name: string) => header.indexOf(name);
    const licence = String(example[at('专卖许可证号')]);
    licences = ['9901', '9902'].map((tail) => licence.slice(0, -4) + tail);
    const rows = licences.map((no, i) => {
      const row = [...example];
      row[at('专卖许可证号')] = no;
      row[at('店铺名称')] = `导入测试店${i + 1}`;
      row[at('档位')] = i === 1 ? 99 : 5;
      return row;
    });
    const out = new ExcelJS.Workbook();
    const target = out.addWorksheet(sheet.name);
    target.addRow(header);
    for (const row of rows) target.addRow(row);
    upload = join(mkdtempSync(join(tmpdir(), 'import-')), '零售户导入.xlsx');
    writeFileSync(upload, Buffer.from(await out.xlsx.writeBuffer()));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('shows the bad row in a table and writes nothing', async () => {
    const before = await countRows(t.db, 'retailers');
    const page = await (await t.desk()).newPage();
    await page.goto('/');
    await logIn(page, 'head', DEMO_PASSWORD);
    await page.waitForURL('**/desk');
    await page.getByRole('menuitem', { name: '零售户导入' }).click();
    await page.waitForURL('**/desk/retailer-import');
    await page.getByLabel('选择工作簿').setInputFiles(upload);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText('共 2 行，其中 1 行有误；未写入任何数据，请改正后重新导入。').waitFor();
    const errors = page.getByRole('table', { name: '有误的行' });
    const row = errors.getByRole('row', { name: /档位/ });
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['3', '档位', '99']);
    expect(cells[3]).not.toBe('');
    expect(await errors.getByRole('row').count()).toBe(2); // the header and the one problem
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '39-desk-retailer-import-errors');

    // The refused workbook back, annotated: each uploaded row with its problems first.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载标注错误的工作簿' }).click(),
    ]);
    const annotated = await readXlsx(readFileSync((await file.path())!));
    expect(annotated.sheets[0]).toBe('导入结果');
    expect(annotated.rows('导入结果').map((r) => r[0])).toEqual([
      '错误说明',
      '',
      expect.stringContaining('档位'),
    ]);

    expect(await countRows(t.db, 'retailers')).toBe(before);
    const { rows } = await t.db.query(`SELECT id FROM retailers WHERE license_no = ANY($1)`, [licences]);
    expect(rows).toEqual([]);
  });
});
