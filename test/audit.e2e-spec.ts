import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AuditService } from '#libs/audit';
import { TransactionRunner } from '#libs/shared';
import { countRows } from './support/test-app.js';
import { pinClock } from './support/test-clock.js';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';

describe('audit log', () => {
  let t: DemoApp;
  beforeAll(async () => {
    t = await startDemoApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is written in the change’s transaction: a rolled-back change leaves no audit row', async () => {
    const audit = t.app.get(AuditService);
    const transactions = t.app.get(TransactionRunner);
    const before = await countRows(t.db, 'audit_log');
    await expect(
      transactions.run(async (manager) => {
        await audit.record(manager, 'system', { action: 'test.change', entityType: 'test', entityId: 1 });
        throw new Error('the change fails after its audit row was written');
      }),
    ).rejects.toThrow('the change fails');
    expect(await countRows(t.db, 'audit_log')).toBe(before);
    await transactions.run((manager) =>
      audit.record(manager, 'system', { action: 'test.change', entityType: 'test', entityId: 1 }),
    );
    expect(await countRows(t.db, 'audit_log')).toBe(before + 1);
  });

  it('records the time of the one clock, not the database’s', async () => {
    pinClock(t, '2026-03-02T09:15:00+08:00');
    const audit = t.app.get(AuditService);
    await t.app
      .get(TransactionRunner)
      .run((manager) =>
        audit.record(manager, 'system', { action: 'test.clock', entityType: 'test', entityId: 2 }),
      );
    await t.app
      .get(TransactionRunner)
      .run((manager) =>
        audit.recordBulk(manager, 'system', [{ action: 'test.clock-bulk', entityType: 'test', entityId: 3 }]),
      );
    const { rows } = await t.db.query<{ action: string; at: Date }>(
      `SELECT action, at FROM audit_log WHERE action LIKE 'test.clock%' ORDER BY action`,
    );
    expect(rows.map((row) => [row.action, row.at.toISOString()])).toEqual([
      ['test.clock', '2026-03-02T01:15:00.000Z'],
      ['test.clock-bulk', '2026-03-02T01:15:00.000Z'],
    ]);
    jest.restoreAllMocks();
  });

  it.each([
    ['UPDATE audit_log SET action = $1', ['tampered']],
    ['DELETE FROM audit_log', []],
    ['TRUNCATE audit_log', []],
  ])('refuses %s', async (sql, params) => {
    await expect(t.db.query(sql, params)).rejects.toThrow(/append-only/);
  });

  it('is readable by inspectors and department heads, filtered, newest first; not by account managers', async () => {
    const admin = bearer(await t.token('admin'));
    const target = await t.userId('ds1');
    await t.http.patch(`/api/users/${target}`).set(admin).send({ displayName: '张送货' }).expect(200);
    const res = await t.http
      .get(`/api/audit?entityType=user&entityId=${target}`)
      .set(bearer(await t.token('insp1')))
      .expect(200);
    expect(res.body.items[0]).toMatchObject({
      action: 'user.update',
      actorRole: 'admin',
      entityId: String(target),
    });
    expect(res.body.items[0].after.displayName).toBe('张送货');
    expect((await t.http.get('/api/audit').set(bearer(await t.token('am01')))).status).toBe(403);
    const bad = await t.http.get('/api/audit?from=yesterday').set(bearer(await t.token('head')));
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });
});
