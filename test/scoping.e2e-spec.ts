import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';

/**
 * The one scoping rule, from every role. Demo county: centers SC1–SC3 with territories T001–T004,
 * T005–T008, T009–T012; squad SQn covers center n; route Rn-1 serves the first two territories of center n.
 */
const EXPECTED_TERRITORIES: Array<[string, string[]]> = [
  ['admin', ['T001', 'T002', 'T003', 'T004', 'T005', 'T006', 'T007', 'T008', 'T009', 'T010', 'T011', 'T012']],
  ['head', ['T001', 'T002', 'T003', 'T004', 'T005', 'T006', 'T007', 'T008', 'T009', 'T010', 'T011', 'T012']],
  ['insp1', ['T001', 'T002', 'T003', 'T004', 'T005', 'T006', 'T007', 'T008', 'T009', 'T010', 'T011', 'T012']],
  ['mm2', ['T005', 'T006', 'T007', 'T008']],
  ['clerk3', ['T009', 'T010', 'T011', 'T012']],
  ['am07', ['T007']],
  ['eo3', ['T005', 'T006', 'T007', 'T008']],
  ['ds4', ['T007', 'T008']],
];

describe('territory scoping from each role', () => {
  let t: DemoApp;
  beforeAll(async () => {
    t = await startDemoApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(EXPECTED_TERRITORIES)('%s lists exactly its territories', async (username, codes) => {
    const res = await t.http
      .get('/api/org-units/territories')
      .set(bearer(await t.token(username)))
      .expect(200);
    expect(res.body.map((territory: { code: string }) => territory.code)).toEqual(codes);
  });

  it.each(EXPECTED_TERRITORIES)(
    '%s reads a territory in scope by id, and gets 404 outside it',
    async (username, codes) => {
      const token = bearer(await t.token(username));
      for (const code of ['T001', 'T006', 'T007', 'T012']) {
        const res = await t.http.get(`/api/org-units/${await t.unitId(code)}`).set(token);
        if (codes.includes(code)) {
          expect(res.status).toBe(200);
          expect(res.body.code).toBe(code);
        } else {
          expect(res.status).toBe(404);
          expect(res.body.code).toBe('NOT_FOUND');
        }
      }
    },
  );

  it('an account manager never sees another center’s units in the org list', async () => {
    const res = await t.http
      .get('/api/org-units?pageSize=200')
      .set(bearer(await t.token('am07')))
      .expect(200);
    expect(res.body.items.map((u: { code: string }) => u.code).sort()).toEqual(['T007']);
  });

  it('a market manager lists only its center’s users, and 404s on others', async () => {
    const token = bearer(await t.token('mm2'));
    const res = await t.http.get('/api/users?pageSize=200').set(token).expect(200);
    const names: string[] = res.body.items.map((u: { username: string }) => u.username);
    expect(names.sort()).toEqual(['am05', 'am06', 'am07', 'am08', 'clerk2', 'ds3', 'ds4', 'mm2']);
    expect((await t.http.get(`/api/users/${await t.userId('am01')}`).set(token)).status).toBe(404);
    expect((await t.http.get(`/api/users/${await t.userId('am05')}`).set(token)).status).toBe(200);
  });

  it('roles without user administration are refused the user list', async () => {
    for (const username of ['am01', 'eo1', 'ds1', 'clerk1']) {
      expect((await t.http.get('/api/users').set(bearer(await t.token(username)))).status).toBe(403);
    }
  });

  it('a path id that is not a positive integer is a validation error, not a database error', async () => {
    const res = await t.http.get('/api/org-units/abc').set(bearer(await t.token('admin')));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect((await t.http.get('/api/org-units/99999999999').set(bearer(await t.token('admin')))).status).toBe(
      400,
    );
  });
});
