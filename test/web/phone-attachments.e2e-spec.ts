/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { bearer } from '../support/demo.js';
import {
  cspViolations,
  drawSignature,
  findSpec,
  screenshot,
  seriousAccessibilityViolations,
  startConsoleApp,
  type ConsoleApp,
} from './support/browser.js';

/** Monday 2026-11-23, 10:00 in Shanghai: T001 (am01) orders today, its window is open until 16:00. */
const TODAY = '2026-11-23';
const NOW = `${TODAY}T10:00:00+08:00`;

/** What a phone camera hands the page: a 3000×2000 JPEG with the camera's make, its serial and a GPS position. */
function cameraPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#2f6f3e' } })
    .jpeg({ quality: 95 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Copyright: 'SERIAL-7781' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '30/1 15/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '120/1 10/1 0/1',
      },
    })
    .toBuffer();
}

describe('console: a visit’s shelf photo and a collected demand signed on the phone', () => {
  let t: ConsoleApp;
  let retailers: { id: number; shop_name: string }[];

  /** Waits for the page to leave for `url`, or fails with the words of the alert it showed instead. */
  async function leavesFor(page: Page, url: string): Promise<void> {
    await Promise.race([
      page.waitForURL(url),
      page
        .getByRole('alert')
        .waitFor()
        .then(async () =>
          Promise.reject(new Error(`refused: ${await page.getByRole('alert').textContent()}`)),
        ),
    ]);
  }

  beforeAll(async () => {
    t = await startConsoleApp({ retailers: 60, weeks: 2, today: TODAY, now: NOW });
    await t.db.query(
      `UPDATE retailers SET license_valid_to = '2030-12-31'
        WHERE territory_id = (SELECT id FROM org_units WHERE code = 'T001') AND status = 'active'`,
    );
    retailers = (
      await t.db.query(
        `SELECT r.id, r.shop_name FROM retailers r JOIN org_units u ON u.id = r.territory_id
          WHERE u.code = 'T001' AND r.status = 'active' ORDER BY r.id DESC LIMIT 2`,
      )
    ).rows;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('records a visit with a shelf photo from the camera, compressed on the phone, and the position allowed', async () => {
    const retailer = retailers[0];
    const page = await t.phoneAs('am01', `/am/visits/new?retailerId=${retailer.id}`, async (context) => {
      await context.grantPermissions(['geolocation'], { origin: t.url });
      await context.setGeolocation({ latitude: 30.274085, longitude: 120.15507, accuracy: 15 });
    });
    await page.getByRole('button', { name: '记录当前位置' }).click();
    await page.getByText('已记录位置（精度约 15 米）').waitFor();
    const photo = await cameraPhoto();
    await page.getByLabel('货架照片', { exact: true }).setInputFiles({
      name: 'IMG_0001.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    await page.getByRole('img', { name: '货架照片预览' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '20-am-visit-photo');
    await page.getByRole('button', { name: '保存拜访' }).click();
    await leavesFor(page, '**/am/visits');

    const { rows } = await t.db.query(
      `SELECT v.id, v.latitude::float8 AS latitude, v.longitude::float8 AS longitude, v.position_accuracy_m,
              a.media_type, a.width, a.height, a.content
         FROM visits v JOIN attachments a ON a.owner_kind = 'visit' AND a.owner_id = v.id
        WHERE v.retailer_id = $1`,
      [retailer.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      latitude: 30.274085,
      longitude: 120.15507,
      position_accuracy_m: 15,
      media_type: 'image/jpeg',
      // Scaled on the phone to 1600 px on its longest side before it was sent.
      width: 1600,
      height: 1067,
    });
    const stored = rows[0].content as Buffer;
    expect(stored.length).toBeLessThan(photo.length);
    expect(stored.includes('SERIAL-7781')).toBe(false);
    expect((await sharp(stored).metadata()).exif).toBeUndefined();

    // The list shows the photo, served by the API through the session cookie.
    const thumbnail = page.getByRole('img', { name: '货架照片' }).first();
    await thumbnail.waitFor();
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('img[alt="货架照片"]')).some(
        (img) => (img as HTMLImageElement).naturalWidth > 0,
      ),
    );
    expect(await page.getByLabel('拜访列表').textContent()).toContain('已记录位置');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await screenshot(page, '21-am-visits-with-photo');
  });

  it('collects a demand the retailer confirms with a signature drawn on the AM’s phone; the market manager sees it', async () => {
    const retailer = retailers[1];
    const spec = (
      await t.db.query(`SELECT id, name FROM brands WHERE active AND NOT scarce ORDER BY id LIMIT 1`)
    ).rows[0];
    const page = await t.phoneAs('am01', `/am/collect/new?retailerId=${retailer.id}`);
    await findSpec(page, spec.name);
    await page.getByRole('button', { name: `增加${spec.name}数量（条）` }).click();
    await page.getByText('手写签名', { exact: true }).click();
    const submit = page.getByRole('button', { name: '提交代收需求' });
    expect(await submit.isDisabled()).toBe(true);
    await drawSignature(page, '零售户签名区');
    await page.getByText('已签名', { exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '22-am-collect-signature');
    await submit.click();
    await leavesFor(page, '**/am/collect');

    const { rows } = await t.db.query(
      `SELECT d.id, d.status, d.confirmed_via FROM demands d JOIN order_cycles c ON c.id = d.cycle_id
        WHERE d.retailer_id = $1 AND c.order_date = $2`,
      [retailer.id, TODAY],
    );
    expect(rows).toEqual([
      { id: expect.any(Number), status: 'pending_approval', confirmed_via: 'signature' },
    ]);
    // The market manager approving it sees the signature with the demand.
    const mm1 = bearer(await t.token('mm1'));
    const demand = await t.http.get(`/api/demands/${rows[0].id}`).set(mm1).expect(200);
    const file = await t.http
      .get(`/api/attachments/${demand.body.signatureAttachmentId}`)
      .set(mm1)
      .buffer(true)
      .expect(200);
    expect(file.headers['content-type']).toBe('image/png');
    const signature = await sharp(file.body as Buffer).stats();
    // Strokes were drawn: the image is not one flat colour.
    expect(signature.channels.some((channel) => channel.max !== channel.min)).toBe(true);
  });
});
