import type pg from 'pg';
import { bearer, startDemoApp, TEST_DEMO_RETAILERS, type DemoApp } from '../support/demo.js';
import { type Role } from '#libs/shared';
import { addMonths } from '#libs/kernel';
import { TEST_TODAY } from '../support/test-clock.js';
import type { Fixture } from './route-expectations.js';

/**
 * The demo county the security suites run on: 60 retailers over the 12 territories, three weeks of order
 * history (demands, cycles, deliveries, leads), and one acting user per role, all placed so that territory T005
 * (center SC2, squad SQ2, route R2-1) is "home" for every one of them and center SC3 (T009–T012) is foreign
 * to every one that is not company-wide.
 */
export const ACTORS: Record<Role, string> = {
  admin: 'admin',
  department_head: 'head',
  inspector: 'insp1',
  market_manager: 'mm2',
  account_manager: 'am05',
  supply_clerk: 'clerk2',
  enforcement_officer: 'eo3',
  delivery_staff: 'ds3',
  // Filled in by loadSecurityDemo: the self-service account of the home retailer.
  retailer: '',
};

export const HOME_TERRITORY = 'T005';
export const FOREIGN_TERRITORY = 'T009';

export type Ids = Record<Fixture, string | number>;

export interface SecurityDemo {
  t: DemoApp;
  actors: Record<Role, string>;
  /** Resources in T005 (every actor's own scope). */
  home: Ids;
  /** The same kinds of resource in T009 (another center, squad and route). */
  foreign: Ids;
  /** The home resources as a role sees them: a reporter's own lead is the one it reported. */
  ownFor: (role: Role) => Ids;
  auth: (role: Role) => Promise<Record<string, string>>;
}

const CURRENT_MONTH = TEST_TODAY.slice(0, 7);
const PREVIOUS_MONTH = addMonths(CURRENT_MONTH, -1);

async function one<T = Record<string, unknown>>(t: DemoApp, sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await t.db.query(sql, params);
  if (!rows[0]) throw new Error(`fixture query found nothing: ${sql} ${JSON.stringify(params)}`);
  return rows[0] as T;
}

/** Boots the app on the demo county and works out the home and foreign resources (the database is the oracle). */
export async function loadSecurityDemo(): Promise<SecurityDemo> {
  const t = await startDemoApp({ retailers: TEST_DEMO_RETAILERS, weeks: 3 });
  const actors = { ...ACTORS };

  // A brand launched yesterday, so that new-spec cultivation tasks exist for every territory.
  const brand = await one<{ id: number }>(t, `SELECT id FROM brands ORDER BY id LIMIT 1`);
  await t.db.query(`UPDATE brands SET launch_date = $2::date - 1 WHERE id = $1`, [brand.id, TEST_TODAY]);
  const generated = await t.http
    .post('/api/cultivation/tasks/generate')
    .set(bearer(await t.token('admin')))
    .send({ brandId: brand.id });
  if (generated.status >= 300)
    throw new Error(`generate tasks: ${generated.status} ${JSON.stringify(generated.body)}`);

  const place = async (territoryCode: string): Promise<Ids> => {
    const territory = await t.unitId(territoryCode);
    // A retailer with its own account, demand and a delivery; another one of the same territory.
    const retailer = await one<{ id: number; license_no: string }>(
      t,
      `SELECT r.id, r.license_no FROM retailers r JOIN users u ON u.retailer_id = r.id
        WHERE r.territory_id = $1 AND EXISTS (SELECT 1 FROM demands d WHERE d.retailer_id = r.id)
          AND EXISTS (SELECT 1 FROM deliveries d WHERE d.retailer_id = r.id)
        ORDER BY r.id LIMIT 1`,
      [territory],
    );
    const retailer2 = await one<{ id: number }>(
      t,
      `SELECT id FROM retailers WHERE territory_id = $1 AND id <> $2 ORDER BY id LIMIT 1`,
      [territory, retailer.id],
    );
    const manager = await one<{ username: string }>(
      t,
      `SELECT username FROM users WHERE role = 'account_manager' AND org_unit_id = $1`,
      [territory],
    );
    const managerToken = bearer(await t.token(manager.username));
    const delivery = await one<{ id: number }>(
      t,
      `SELECT id FROM deliveries WHERE retailer_id = $1 ORDER BY delivery_date DESC, id DESC LIMIT 1`,
      [retailer.id],
    );
    // A lead and a delivery feedback raised by the territory's account manager, through the API.
    const lead = await t.http
      .post('/api/leads')
      .set(managerToken)
      .send({ kind: 'other', retailerId: retailer.id, importance: 'normal', description: '安全测试线索' });
    if (lead.status !== 201) throw new Error(`lead: ${lead.status} ${JSON.stringify(lead.body)}`);
    const feedback = await t.http
      .post(`/api/deliveries/${delivery.id}/feedback`)
      .set(managerToken)
      .send({ kind: 'other', description: '安全测试反馈' });
    if (feedback.status !== 201)
      throw new Error(`feedback: ${feedback.status} ${JSON.stringify(feedback.body)}`);
    const problem = await t.http
      .post('/api/problems')
      .set(managerToken)
      .send({ kind: 'delivery_late', retailerId: retailer.id, description: '安全测试问题：送货晚到' });
    if (problem.status !== 201) throw new Error(`problem: ${problem.status} ${JSON.stringify(problem.body)}`);
    const demand = (
      await one<{ id: number }>(t, `SELECT id FROM demands WHERE retailer_id = $1 ORDER BY id DESC LIMIT 1`, [
        retailer.id,
      ])
    ).id;
    // A file of the retailer's demand (as a signature is kept): everyone who may read the demand may see it.
    const attachment = await one<{ id: number }>(
      t,
      `INSERT INTO attachments (owner_kind, owner_id, kind, media_type, size_bytes, width, height, sha256, content, uploaded_by)
       SELECT 'demand', $1, 'signature', 'image/png', 8, 1, 1, repeat('0', 64), '\\x89504e470d0a1a0a'::bytea, u.id
         FROM users u WHERE u.username = $2 RETURNING id`,
      [demand, manager.username],
    );
    const ids: Ids = {
      attachment: attachment.id,
      auditEntry: (await one<{ id: number }>(t, `SELECT max(id) AS id FROM audit_log`)).id,
      orgUnit: territory,
      user: (
        await one<{ id: number }>(
          t,
          // Not an actor of the matrix (its password gets reset): another account manager of the center.
          `SELECT u.id FROM users u JOIN org_units ou ON ou.id = u.org_unit_id
            WHERE u.role = 'account_manager' AND ou.service_center_id = (SELECT service_center_id FROM org_units WHERE id = $1)
              AND u.org_unit_id <> $1 ORDER BY u.id LIMIT 1`,
          [territory],
        )
      ).id,
      brand: brand.id,
      districtType: (await one<{ code: string }>(t, `SELECT code FROM district_types ORDER BY code LIMIT 1`))
        .code,
      retailer: retailer.id,
      retailer2: retailer2.id,
      demand,
      cycle: (
        await one<{ id: number }>(
          t,
          `SELECT id FROM order_cycles WHERE territory_id = $1 ORDER BY id DESC LIMIT 1`,
          [territory],
        )
      ).id,
      territory,
      department: (
        await one<{ department_id: number }>(t, `SELECT department_id FROM org_units WHERE id = $1`, [
          territory,
        ])
      ).department_id,
      // An unchecked guidance visit (the only kind a market manager checks).
      visit: (
        await one<{ id: number }>(
          t,
          `SELECT v.id FROM visits v WHERE v.territory_id = $1
            ORDER BY (v.kind = 'guidance' AND NOT EXISTS (SELECT 1 FROM visit_checks c WHERE c.visit_id = v.id)) DESC, v.id DESC
            LIMIT 1`,
          [territory],
        )
      ).id,
      lead: lead.body.id,
      delivery: delivery.id,
      feedback: feedback.body.id,
      problem: problem.body.id,
      cultivationTask: (
        await one<{ id: number }>(
          t,
          `SELECT id FROM cultivation_tasks WHERE territory_id = $1 ORDER BY id LIMIT 1`,
          [territory],
        )
      ).id,
      month: CURRENT_MONTH,
      pastMonth: PREVIOUS_MONTH,
      year: Number(CURRENT_MONTH.slice(0, 4)),
      job: 'jobs.prune-runs',
    };
    if (territoryCode === HOME_TERRITORY) actors.retailer = retailer.license_no;
    return ids;
  };

  const home = await place(HOME_TERRITORY);
  const foreign = await place(FOREIGN_TERRITORY);
  // Delivery staff see only the leads they reported: ds3 reports one about a retailer of its route.
  const dsLead = await t.http
    .post('/api/leads')
    .set(bearer(await t.token(actors.delivery_staff)))
    .send({
      kind: 'other',
      retailerId: home.retailer2,
      importance: 'normal',
      description: '送货员安全测试线索',
    });
  if (dsLead.status !== 201) throw new Error(`ds lead: ${dsLead.status} ${JSON.stringify(dsLead.body)}`);
  // The three roles see the problems they raised: ds3 and eo3 raise one each at the home retailer.
  const raise = async (role: Role, kind: string) => {
    const res = await t.http
      .post('/api/problems')
      .set(bearer(await t.token(actors[role])))
      .send({ kind, retailerId: home.retailer, description: '安全测试问题' });
    if (res.status !== 201) throw new Error(`${role} problem: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as number;
  };
  const dsProblem = await raise('delivery_staff', 'visit_not_done');
  const eoProblem = await raise('enforcement_officer', 'delivery_late');
  return {
    t,
    actors,
    home,
    foreign,
    ownFor: (role) =>
      role === 'delivery_staff'
        ? { ...home, lead: dsLead.body.id, problem: dsProblem }
        : role === 'enforcement_officer'
          ? { ...home, problem: eoProblem }
          : home,
    auth: async (role) => bearer(await t.token(actors[role])),
  };
}

/** Row counts of every table (but the login throttle): a refused write leaves all of them as they were. */
export async function tableCounts(db: pg.Pool): Promise<Record<string, number>> {
  const { rows: tables } = await db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('login_throttle') ORDER BY 1`,
  );
  const sql = tables
    .map((r) => `SELECT '${r.table_name}' AS t, count(*)::int AS n FROM "${r.table_name}"`)
    .join(' UNION ALL ');
  const { rows } = await db.query(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

/** One row as JSON (null when absent), to compare before and after a refused write. */
export async function rowOf(db: pg.Pool, table: string, id: number | string): Promise<unknown> {
  const { rows } = await db.query(`SELECT to_jsonb(x) AS row FROM "${table}" x WHERE id = $1`, [id]);
  return rows[0]?.row ?? null;
}
