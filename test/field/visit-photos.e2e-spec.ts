import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { bearer, startDemoApp, type DemoApp } from '../support/demo.js';
import { countRows } from '../support/test-app.js';
import { pinClock } from '../support/test-clock.js';
import { insertRetailer } from './field-fixtures.js';

/** A phone photo as cameras write it: EXIF with the camera's make, its serial and a GPS position. */
async function cameraPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 120, height: 90, channels: 3, background: '#3a7d44' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Copyright: 'SERIAL-0042' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '30/1 15/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '120/1 10/1 0/1',
      },
    })
    .toBuffer();
}

/**
 * The attachment store through its first owner: a visit's shelf photo (type sniffed and size checked on the
 * server, re-encoded without metadata, once per visit, served only to who may read the visit) and the
 * visit's position. Clock: Friday 2026-11-20 18:00 Beijing; am01 has T001 in center SC1 (mm1), am05 T005 in SC2.
 */
describe('visit shelf photos and positions (the attachment store)', () => {
  let t: DemoApp;
  let am01: Record<string, string>;
  let retailerId: number;
  let visitId: number;
  let photoId: number;

  beforeAll(async () => {
    t = await startDemoApp();
    pinClock(t, '2026-11-20T18:00:00+08:00');
    am01 = bearer(await t.token('am01'));
    retailerId = await insertRetailer(t, { license: '350100000101', territory: 'T001' });
  });
  afterAll(async () => {
    await t.close();
  });

  const visit = (more: object = {}) => ({
    retailerId,
    visitedAt: '2026-11-20T10:30:00+08:00',
    kind: 'routine',
    ...more,
  });
  const upload = (
    id: number,
    headers: Record<string, string>,
    file: Buffer,
    name = 'shelf.jpg',
    type = 'image/jpeg',
  ) =>
    t.http
      .post(`/api/visits/${id}/photo`)
      .set(headers)
      .attach('file', file, { filename: name, contentType: type });

  it('records a visit with the position the phone allowed, and one without', async () => {
    const res = await t.http
      .post('/api/visits')
      .set(am01)
      .send(visit({ position: { latitude: 30.274085, longitude: 120.15507, accuracyMeters: 12 } }))
      .expect(201);
    expect(res.body).toMatchObject({
      position: { latitude: 30.274085, longitude: 120.15507, accuracyMeters: 12 },
      shelfPhotoId: null,
    });
    visitId = res.body.id;
    const without = await t.http.post('/api/visits').set(am01).send(visit()).expect(201);
    expect(without.body.position).toBeNull();
  });

  it('refuses a position off the globe, writing nothing', async () => {
    const before = await countRows(t.db, 'visits');
    for (const position of [
      { latitude: 91, longitude: 120 },
      { latitude: 30, longitude: -181 },
      { latitude: 30 },
      { latitude: 30, longitude: 120, accuracyMeters: -1 },
    ]) {
      const res = await t.http.post('/api/visits').set(am01).send(visit({ position }));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    }
    expect(await countRows(t.db, 'visits')).toBe(before);
  });

  it('stores the shelf photo re-encoded, without the camera’s metadata', async () => {
    const original = await cameraPhoto();
    expect(original.includes('SERIAL-0042')).toBe(true);
    const res = await upload(visitId, am01, original).expect(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      ownerKind: 'visit',
      ownerId: visitId,
      kind: 'photo',
      mediaType: 'image/jpeg',
      sizeBytes: expect.any(Number),
      width: 120,
      height: 90,
      createdAt: expect.any(String),
    });
    photoId = res.body.id;
    const file = await t.http.get(`/api/attachments/${photoId}`).set(am01).buffer(true).expect(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    const stored = file.body as Buffer;
    expect(stored.length).toBe(res.body.sizeBytes);
    expect(stored.includes('SERIAL-0042')).toBe(false);
    expect(stored.includes('PhoneMaker')).toBe(false);
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 120, height: 90 });
    expect(meta.exif).toBeUndefined();
    const view = await t.http.get(`/api/visits/${visitId}`).set(am01).expect(200);
    expect(view.body.shelfPhotoId).toBe(photoId);
    const list = await t.http.get('/api/visits').set(am01).expect(200);
    expect(list.body.items.find((v: { id: number }) => v.id === visitId).shelfPhotoId).toBe(photoId);
    const audit = await t.db.query(
      `SELECT after FROM audit_log WHERE action = 'visit.photo' AND entity_id = $1`,
      [visitId],
    );
    expect(audit.rows).toEqual([
      { after: { attachmentId: photoId, mediaType: 'image/jpeg', sizeBytes: stored.length } },
    ]);
  });

  it('takes one photo per visit', async () => {
    const before = await countRows(t.db, 'attachments');
    const res = await upload(visitId, am01, await cameraPhoto());
    expect({ status: res.status, code: res.body.code }).toEqual({
      status: 409,
      code: 'VISIT_PHOTO_ALREADY_ADDED',
    });
    expect(await countRows(t.db, 'attachments')).toBe(before);
  });

  it('judges the type by the bytes, not the name or the claimed type, and checks the size', async () => {
    const fresh = (await t.http.post('/api/visits').set(am01).send(visit()).expect(201)).body.id;
    const before = await countRows(t.db, 'attachments');
    const refusals: Array<[Buffer, number, string]> = [
      [Buffer.from('<html><script>alert(1)</script></html>'), 415, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
      [
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        415,
        'ATTACHMENT_TYPE_NOT_ALLOWED',
      ],
      [
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('no image here')]),
        400,
        'ATTACHMENT_UNREADABLE',
      ],
      [Buffer.alloc(0), 400, 'ATTACHMENT_EMPTY'],
    ];
    for (const [file, status, code] of refusals) {
      const res = await upload(fresh, am01, file);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    }
    const big = Buffer.alloc(8 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const tooLarge = await upload(fresh, am01, big);
    expect({ status: tooLarge.status, code: tooLarge.body.code, details: tooLarge.body.details }).toEqual({
      status: 413,
      code: 'ATTACHMENT_TOO_LARGE',
      details: { maxBytes: 8 * 1024 * 1024 },
    });
    const noFile = await t.http.post(`/api/visits/${fresh}/photo`).set(am01).field('note', 'x');
    expect({ status: noFile.status, code: noFile.body.code }).toEqual({
      status: 400,
      code: 'ATTACHMENT_MISSING',
    });
    const json = await t.http.post(`/api/visits/${fresh}/photo`).set(am01).send({ file: 'x' });
    expect({ status: json.status, code: json.body.code }).toEqual({
      status: 400,
      code: 'ATTACHMENT_MISSING',
    });
    expect(await countRows(t.db, 'attachments')).toBe(before);

    // A real PNG sent as "photo.jpg, image/jpeg": accepted for what it is, stored as JPEG.
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    const res = await upload(fresh, am01, png, 'photo.jpg', 'image/jpeg').expect(201);
    expect(res.body).toMatchObject({ mediaType: 'image/jpeg', width: 40, height: 30 });
  });

  it('lets only the account manager who made the visit add its photo', async () => {
    const fresh = (await t.http.post('/api/visits').set(am01).send(visit()).expect(201)).body.id;
    const photo = await cameraPhoto();
    const other = await upload(fresh, bearer(await t.token('am02')), photo);
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    const manager = await upload(fresh, bearer(await t.token('mm1')), photo);
    expect({ status: manager.status, code: manager.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const missing = await upload(999999, am01, photo);
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await countRows(t.db, 'attachments')).toBe(2);
  });

  it('serves the photo to whoever may read the visit, and to nobody else', async () => {
    for (const username of ['am01', 'mm1', 'head', 'insp1', 'admin']) {
      await t.http
        .get(`/api/attachments/${photoId}`)
        .set(bearer(await t.token(username)))
        .expect(200);
    }
    // Another center's market manager, another territory's account manager, roles that never read field work.
    for (const username of ['mm2', 'am05', 'am02', 'eo1', 'clerk1', 'ds1']) {
      const res = await t.http.get(`/api/attachments/${photoId}`).set(bearer(await t.token(username)));
      expect({ who: username, status: res.status, code: res.body.code }).toEqual({
        who: username,
        status: 404,
        code: 'NOT_FOUND',
      });
    }
    const unknown = await t.http.get('/api/attachments/999999').set(am01);
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    const anonymous = await t.http.get(`/api/attachments/${photoId}`);
    expect(anonymous.status).toBe(401);
  });
});
