import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { countRows } from './support/test-app.js';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';

describe('org structure administration', () => {
  let t: DemoApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await startDemoApp();
    admin = bearer(await t.token('admin'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a territory under a center with its squad and routes, denormalising its ancestors', async () => {
    const center = await t.unitId('SC1');
    const res = await t.http
      .post('/api/org-units')
      .set(admin)
      .send({
        type: 'territory',
        code: 'T013',
        name: '城关五片区',
        parentId: center,
        squadId: await t.unitId('SQ1'),
        routeIds: [await t.unitId('R1-2')],
      })
      .expect(201);
    expect(res.body).toMatchObject({
      type: 'territory',
      serviceCenterId: center,
      departmentId: await t.unitId('D01'),
    });
    const mm1 = await t.http
      .get('/api/org-units/territories')
      .set(bearer(await t.token('mm1')))
      .expect(200);
    expect(mm1.body.map((x: { code: string }) => x.code)).toContain('T013');
  });

  it.each<[{ type: string; parent: string | null; squad?: string; route?: string; code?: string }, string]>([
    [{ type: 'territory', parent: 'D01' }, 'ORG_PARENT_TYPE_MISMATCH'],
    [{ type: 'territory', parent: null }, 'ORG_PARENT_REQUIRED'],
    [{ type: 'territory', parent: 'SC1', squad: 'R1-1' }, 'ORG_SQUAD_INVALID'],
    [{ type: 'territory', parent: 'SC1', route: 'R2-1' }, 'ORG_ROUTE_INVALID'],
    [{ type: 'territory', parent: 'SC1', code: 'T001' }, 'ORG_CODE_TAKEN'],
    [{ type: 'supply_point', parent: 'SC1' }, 'CONFLICT'],
  ])('refuses %j with %s, writing nothing', async (input, code) => {
    const units = await countRows(t.db, 'org_units');
    const audit = await countRows(t.db, 'audit_log');
    const body: Record<string, unknown> = { type: input.type, code: input.code ?? 'NEW1', name: '新单位' };
    if (input.parent) body.parentId = await t.unitId(input.parent);
    if (input.squad) body.squadId = await t.unitId(input.squad);
    if (input.route) body.routeIds = [await t.unitId(input.route)];
    const res = await t.http.post('/api/org-units').set(admin).send(body);
    expect(res.body.code).toBe(code);
    expect(await countRows(t.db, 'org_units')).toBe(units);
    expect(await countRows(t.db, 'audit_log')).toBe(audit);
  });

  it('moves a territory to another center; the new center’s market manager sees it', async () => {
    const territory = await t.unitId('T004');
    await t.http
      .patch(`/api/org-units/${territory}`)
      .set(admin)
      .send({ parentId: await t.unitId('SC2') })
      .expect(200);
    const mm2 = await t.http
      .get('/api/org-units/territories')
      .set(bearer(await t.token('mm2')))
      .expect(200);
    expect(mm2.body.map((x: { code: string }) => x.code)).toContain('T004');
    const audit = await t.db.query(
      `SELECT before->>'parentId' AS before, after->>'parentId' AS after FROM audit_log WHERE action = 'org_unit.update' AND entity_id = $1`,
      [String(territory)],
    );
    expect(audit.rows).toEqual([
      { before: String(await t.unitId('SC1')), after: String(await t.unitId('SC2')) },
    ]);
  });

  it('only admins change the structure', async () => {
    const res = await t.http
      .post('/api/org-units')
      .set(bearer(await t.token('head')))
      .send({ type: 'route', code: 'RX', name: 'x', parentId: 1 });
    expect(res.status).toBe(403);
  });
});
