import type { EntityManager } from 'typeorm';
import type { SeededRandom } from '../random.js';
import { personName } from './names.js';

export interface DemoShape {
  centers: number;
  territoriesPerCenter: number;
}

/** The demo county: 3 centers × 4 territories. City scale: one territory per ~200 retailers, 10 per center. */
export function demoShape(retailers: number): DemoShape {
  if (retailers <= 3000) return { centers: 3, territoriesPerCenter: 4 };
  const territories = Math.max(12, Math.round(retailers / 200));
  return { centers: Math.ceil(territories / 10), territoriesPerCenter: 10 };
}

const CENTER_NAMES = [
  '城关',
  '东乡',
  '西山',
  '南湖',
  '北岭',
  '河口',
  '桥头',
  '新城',
  '青石',
  '白沙',
  '龙泉',
  '凤鸣',
  '梅岭',
  '松林',
  '柳溪',
];
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function centerName(index: number): string {
  return CENTER_NAMES[index] ?? `第${index + 1}`;
}

export interface DemoOrg {
  departmentId: number;
  centers: Array<{
    id: number;
    supplyPointId: number;
    routeIds: number[];
    territoryIds: number[];
    squadId: number;
  }>;
  territoryIds: number[];
}

async function insertUnit(
  manager: EntityManager,
  unit: {
    type: string;
    code: string;
    name: string;
    parentId: number | null;
    departmentId?: number | null;
    serviceCenterId?: number | null;
    squadId?: number | null;
  },
): Promise<number> {
  const [row] = await manager.query(
    `INSERT INTO org_units (type, code, name, parent_id, department_id, service_center_id, squad_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      unit.type,
      unit.code,
      unit.name,
      unit.parentId,
      unit.departmentId ?? null,
      unit.serviceCenterId ?? null,
      unit.squadId ?? null,
    ],
  );
  return row.id;
}

/** company → department → centers (each with a supply point, two routes, a squad) → territories. */
export async function seedOrg(manager: EntityManager, shape: DemoShape): Promise<DemoOrg> {
  const companyId = await insertUnit(manager, {
    type: 'company',
    code: 'C01',
    name: '示范市烟草公司',
    parentId: null,
  });
  const departmentId = await insertUnit(manager, {
    type: 'department',
    code: 'D01',
    name: '示范县营销部',
    parentId: companyId,
  });
  await manager.query('UPDATE org_units SET department_id = id WHERE id = $1', [departmentId]);
  const centers: DemoOrg['centers'] = [];
  for (let c = 0; c < shape.centers; c++) {
    const name = centerName(c);
    const n = c + 1;
    const id = await insertUnit(manager, {
      type: 'service_center',
      code: `SC${n}`,
      name: `${name}客户服务部`,
      parentId: departmentId,
      departmentId,
    });
    await manager.query('UPDATE org_units SET service_center_id = id WHERE id = $1', [id]);
    const inCenter = { parentId: id, departmentId, serviceCenterId: id };
    const supplyPointId = await insertUnit(manager, {
      type: 'supply_point',
      code: `SP${n}`,
      name: `${name}支点`,
      ...inCenter,
    });
    const routeIds = [
      await insertUnit(manager, { type: 'route', code: `R${n}-1`, name: `${name}一号送货线路`, ...inCenter }),
      await insertUnit(manager, { type: 'route', code: `R${n}-2`, name: `${name}二号送货线路`, ...inCenter }),
    ];
    const squadId = await insertUnit(manager, {
      type: 'squad',
      code: `SQ${n}`,
      name: `第${ORDINALS[c % 10]}${c >= 10 ? '(' + n + ')' : ''}专卖检查中队`,
      parentId: departmentId,
      departmentId,
    });
    const territoryIds: number[] = [];
    for (let t = 0; t < shape.territoriesPerCenter; t++) {
      const territoryId = await insertUnit(manager, {
        type: 'territory',
        code: `T${String(c * shape.territoriesPerCenter + t + 1).padStart(3, '0')}`,
        name: `${name}${ORDINALS[t % 10]}${t >= 10 ? n : ''}片区`,
        ...inCenter,
        squadId,
      });
      territoryIds.push(territoryId);
      // The first half of the center's territories is served by route 1, the rest by route 2.
      const route = t < shape.territoriesPerCenter / 2 ? routeIds[0] : routeIds[1];
      await manager.query('INSERT INTO territory_routes (territory_id, route_id) VALUES ($1, $2)', [
        territoryId,
        route,
      ]);
    }
    centers.push({ id, supplyPointId, routeIds, territoryIds, squadId });
  }
  return { departmentId, centers, territoryIds: centers.flatMap((c) => c.territoryIds) };
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: string;
  orgUnitId: number;
}

/** Staff for every role, with fixed usernames (listed in the README) and generated Chinese names. */
export function demoStaff(org: DemoOrg, random: SeededRandom): DemoUser[] {
  const users: DemoUser[] = [
    {
      username: 'head',
      displayName: personName(random),
      role: 'department_head',
      orgUnitId: org.departmentId,
    },
    { username: 'insp1', displayName: personName(random), role: 'inspector', orgUnitId: org.departmentId },
    { username: 'insp2', displayName: personName(random), role: 'inspector', orgUnitId: org.departmentId },
  ];
  let territoryNumber = 0;
  org.centers.forEach((center, c) => {
    const n = c + 1;
    users.push({
      username: `mm${n}`,
      displayName: personName(random),
      role: 'market_manager',
      orgUnitId: center.id,
    });
    users.push({
      username: `clerk${n}`,
      displayName: personName(random),
      role: 'supply_clerk',
      orgUnitId: center.supplyPointId,
    });
    users.push({
      username: `eo${2 * n - 1}`,
      displayName: personName(random),
      role: 'enforcement_officer',
      orgUnitId: center.squadId,
    });
    users.push({
      username: `eo${2 * n}`,
      displayName: personName(random),
      role: 'enforcement_officer',
      orgUnitId: center.squadId,
    });
    center.routeIds.forEach((routeId, r) =>
      users.push({
        username: `ds${2 * c + r + 1}`,
        displayName: personName(random),
        role: 'delivery_staff',
        orgUnitId: routeId,
      }),
    );
    for (const territoryId of center.territoryIds) {
      territoryNumber++;
      users.push({
        username: `am${String(territoryNumber).padStart(2, '0')}`,
        displayName: personName(random),
        role: 'account_manager',
        orgUnitId: territoryId,
      });
    }
  });
  return users;
}

export async function insertUsers(
  manager: EntityManager,
  users: DemoUser[],
  passwordHash: string,
): Promise<void> {
  if (!users.length) return;
  await manager.query(
    `INSERT INTO users (username, display_name, role, org_unit_id, password_hash)
     SELECT u.username, u.display_name, u.role, u.org_unit_id, $2
       FROM jsonb_to_recordset($1::jsonb) AS u(username text, display_name text, role text, org_unit_id int)`,
    [
      JSON.stringify(
        users.map((u) => ({
          username: u.username,
          display_name: u.displayName,
          role: u.role,
          org_unit_id: u.orgUnitId,
        })),
      ),
      passwordHash,
    ],
  );
}
