/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { bearer } from '../support/demo.js';
import { insertRetailers } from '../support/fixtures.js';
import {
  cspViolations,
  screenshot,
  seriousAccessibilityViolations,
  startConsoleApp,
  type ConsoleApp,
} from './support/browser.js';

/**
 * Monday 2026-11-23, 10:00 in Shanghai. r1 is in T001 (squad SQ1: officers eo1, eo2; reporter am01); eo3 is
 * in SQ2. Normal leads are due in 7 days.
 */
const NOW = '2026-11-23T10:00:00+08:00';
const LICENSE = '470000000001';

describe('console: the enforcement officer’s leads on its phone', () => {
  let t: ConsoleApp;
  let r1: number;
  let fresh: number, overdue: number, earlier: number;

  const as = async (username: string) => bearer(await t.token(username));
  async function report(description: string): Promise<number> {
    const { body } = await t.http
      .post('/api/leads')
      .set(await as('am01'))
      .send({ kind: 'counterfeit', importance: 'normal', retailerId: r1, description })
      .expect(201);
    return body.id;
  }

  beforeAll(async () => {
    t = await startConsoleApp({ today: '2026-11-23', now: NOW });
    [r1] = await insertRetailers(t, [{ licenseNo: LICENSE, territory: 'T001', grade: 10 }]);
    earlier = await report('柜台下发现无标识卷烟两条');
    await t.http
      .post(`/api/leads/${earlier}/verify`)
      .set(await as('eo2'))
      .send({ result: 'unfounded', note: '现场未发现无标识卷烟' })
      .expect(200);
    overdue = await report('店主私下低价出售外地卷烟');
    fresh = await report('店内发现疑似假冒软中华');
    // Reported ten days ago: past its 7-day deadline without a result.
    await t.db.query(
      `UPDATE leads SET reported_at = reported_at - interval '10 days', deadline_at = deadline_at - interval '10 days'
        WHERE id = $1`,
      [overdue],
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('opens on the squad’s new leads, soonest due first, the overdue one in red', async () => {
    const page = await t.phoneAs('eo1', '/');
    await page.waitForURL('**/eo/leads');
    const inbox = page.getByRole('region', { name: '待分派的线索' });
    await inbox.getByText('店内发现疑似假冒软中华', { exact: false }).waitFor();
    expect(await inbox.getByRole('link').allTextContents()).toEqual([
      '假冒卷烟：店主私下低价出售外地卷烟',
      '假冒卷烟：店内发现疑似假冒软中华',
    ]);
    expect(await inbox.getByText('剩余 7 天 0 小时', { exact: false }).count()).toBe(1);
    // The squad's rates this month, as the API counts them.
    const { body: rates } = await t.http
      .get('/api/leads/rates/squads?month=2026-11')
      .set(await as('eo1'))
      .expect(200);
    expect(rates.items).toHaveLength(1);
    const shown = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`);
    expect(await page.getByText('本月 查实率', { exact: false }).textContent()).toBe(
      `本月 查实率 ${shown(rates.items[0].verificationRate.ratio)} · 按时查实率 ${shown(rates.items[0].onTimeRate.ratio)} · 线索真实性 ${shown(rates.items[0].authenticity.ratio)}`,
    );
    expect(
      await inbox.getByText('已超期', { exact: false }).evaluate((node) => getComputedStyle(node).color),
    ).toBe('rgb(196, 29, 42)');
    expect(
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '线索' }).count(),
    ).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await screenshot(page, '40-officer-lead-inbox');

    await page.getByRole('tab', { name: '分派给我' }).click();
    await page.getByText('没有分派给我的线索。').waitFor();
  });

  it('records the result of a lead; the reporter sees it', async () => {
    const page = await t.phoneAs('eo1', '/eo/leads');
    await page.getByText('店内发现疑似假冒软中华', { exact: false }).click();
    await page.waitForURL(`**/eo/leads/${fresh}`);
    await page.getByRole('heading', { name: `假冒卷烟线索 #${fresh}` }).waitFor();
    expect(await page.getByText('客户经理').count()).toBeGreaterThan(0);
    const map = page.getByRole('link', { name: '在地图中打开' });
    expect(await map.getAttribute('href')).toBe(`geo:0,0?q=${encodeURIComponent('测试地址')}`);
    const history = page.getByRole('region', { name: '该户以往线索' });
    await history.getByText('柜台下发现无标识卷烟两条', { exact: false }).waitFor();
    expect(await history.textContent()).toContain('不实');
    expect(await history.textContent()).toContain('店主私下低价出售外地卷烟');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '41-officer-lead-detail');

    // Without a result chosen, nothing is sent.
    await page.getByRole('button', { name: '提交核查结果' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('请选择核查结果。');
    await page.getByText('属实', { exact: true }).click();
    await page.getByPlaceholder('填写现场核查情况').fill('查获假冒软中华三条，已登记暂扣');
    // What the phone's camera hands the page: a 3000×2000 JPEG, made small on the phone before it is sent.
    const camera = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#8a3324' } })
      .jpeg({ quality: 95 })
      .toBuffer();
    await page
      .getByLabel('现场照片', { exact: true })
      .setInputFiles({ name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: camera });
    await page.getByRole('img', { name: '现场照片预览 1' }).waitFor();
    await page.getByRole('button', { name: '提交核查结果' }).click();
    const result = page.getByRole('region', { name: '核查结果' });
    await result.waitFor();
    expect(await result.textContent()).toContain('属实');
    expect(await result.textContent()).toContain('查获假冒软中华三条，已登记暂扣');
    await page.getByRole('img', { name: '核查照片 1' }).waitFor();
    await page.waitForFunction(
      () =>
        (document.querySelector('img[alt="核查照片 1"]') as HTMLImageElement | null)?.naturalWidth === 1600,
    );
    expect(await page.getByRole('button', { name: '提交核查结果' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '42-officer-lead-result');

    const { body } = await t.http
      .get(`/api/leads/${fresh}`)
      .set(await as('am01'))
      .expect(200);
    expect(body).toMatchObject({
      status: 'verified',
      result: 'confirmed',
      resultNote: '查获假冒软中华三条，已登记暂扣',
      verifiedBy: await t.userId('eo1'),
      verifiedAt: new Date(NOW).toISOString(),
      resultPhotoIds: [expect.any(Number)],
    });
    // The reporter sees the photo as stored: compressed on the phone (1600 px on its long side).
    const file = await t.http
      .get(`/api/attachments/${body.resultPhotoIds[0]}`)
      .set(await as('am01'))
      .buffer(true)
      .expect(200);
    expect(await sharp(file.body as Buffer).metadata()).toMatchObject({ width: 1600, height: 1067 });
  });

  it('shows 未找到 to an officer of another squad opening the lead', async () => {
    await t.http
      .get(`/api/leads/${fresh}`)
      .set(await as('eo3'))
      .expect(404);
    const page = await t.phoneAs('eo3', `/eo/leads/${fresh}`);
    await page.getByText('未找到该线索').waitFor();
    expect(await page.getByText('店内发现疑似假冒软中华', { exact: false }).count()).toBe(0);
  });
});
