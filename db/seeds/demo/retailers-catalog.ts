import type { EntityManager } from 'typeorm';
import { addDays, addMonths, monthOf } from '#libs/kernel';
import { assessBigAccount, gradePeriodContaining, gradeChangeEffectiveFrom } from '#libs/retailers';
import { priceClassOf } from '#libs/catalog';
import type { SeededRandom } from '../random.js';
import { personName } from './names.js';
import type { DemoOrg } from './org-and-staff.js';

// ---------------------------------------------------------------- catalogue

/**
 * ~80 specifications 规格 over the five price classes: [name, manufacturer, retail guide price per pack in
 * fen]. Names and makers are the national brands a county stocks; prices are plausible, not official.
 * The wholesale (transfer) price is derived at ~85% of the carton guide price, so classes follow.
 */
const SPECS: ReadonlyArray<readonly [string, string, number]> = [
  // class I: wholesale ≥ 100 yuan a carton (≥ ~11.8 yuan a pack)
  ['中华(软)', '上海烟草集团有限责任公司', 6500],
  ['中华(硬)', '上海烟草集团有限责任公司', 4500],
  ['中华(金中支)', '上海烟草集团有限责任公司', 5000],
  ['黄金叶(天叶)', '河南中烟工业有限责任公司', 10000],
  ['冬虫夏草(和润)', '云南中烟工业有限责任公司', 10000],
  ['苏烟(软金砂)', '江苏中烟工业有限责任公司', 4800],
  ['钻石(荷花)', '河北白沙烟草有限责任公司', 3500],
  ['贵烟(跨越)', '贵州中烟工业有限责任公司', 3000],
  ['芙蓉王(硬)', '湖南中烟工业有限责任公司', 2500],
  ['玉溪(软)', '红塔烟草(集团)有限责任公司', 2300],
  ['云烟(软珍品)', '云南中烟工业有限责任公司', 2200],
  ['黄鹤楼(软蓝)', '湖北中烟工业有限责任公司', 1900],
  ['南京(炫赫门)', '江苏中烟工业有限责任公司', 1800],
  ['泰山(佛光)', '山东中烟工业有限责任公司', 1800],
  ['娇子(宽窄逍遥)', '四川中烟工业有限责任公司', 1600],
  ['好猫(长乐)', '陕西中烟工业有限责任公司', 1500],
  ['利群(新版)', '浙江中烟工业有限责任公司', 1400],
  ['七匹狼(红)', '福建中烟工业有限责任公司', 1300],
  ['黄山(徽商)', '安徽中烟工业有限责任公司', 1300],
  ['真龙(海韵)', '广西中烟工业有限责任公司', 1200],
  // class II: 50–100 yuan a carton
  ['红塔山(硬经典)', '红塔烟草(集团)有限责任公司', 1000],
  ['黄山(红方印)', '安徽中烟工业有限责任公司', 1000],
  ['南京(红)', '江苏中烟工业有限责任公司', 1100],
  ['云烟(紫)', '云南中烟工业有限责任公司', 1000],
  ['白沙(精品二代)', '湖南中烟工业有限责任公司', 900],
  ['红双喜(硬)', '上海烟草集团有限责任公司', 800],
  ['双喜(硬经典)', '广东中烟工业有限责任公司', 900],
  ['七匹狼(白)', '福建中烟工业有限责任公司', 1000],
  ['利群(软红长嘴)', '浙江中烟工业有限责任公司', 1100],
  ['泰山(红将军)', '山东中烟工业有限责任公司', 1000],
  ['娇子(X)', '四川中烟工业有限责任公司', 900],
  ['真龙(甜润)', '广西中烟工业有限责任公司', 800],
  ['黄鹤楼(硬红)', '湖北中烟工业有限责任公司', 1000],
  ['红河(V8)', '红云红河烟草(集团)有限责任公司', 1000],
  ['金圣(滕王阁)', '江西中烟工业有限责任公司', 1100],
  ['金圣(智圣出山)', '江西中烟工业有限责任公司', 800],
  ['猴王(红)', '湖南中烟工业有限责任公司', 700],
  ['贵烟(福)', '贵州中烟工业有限责任公司', 1100],
  ['钻石(硬蓝)', '河北白沙烟草有限责任公司', 800],
  ['黄金叶(红旗渠)', '河南中烟工业有限责任公司', 700],
  ['好猫(金丝猴)', '陕西中烟工业有限责任公司', 800],
  ['长白山(777)', '吉林烟草工业有限责任公司', 1000],
  // class III: 30–50 yuan a carton
  ['红塔山(软经典)', '红塔烟草(集团)有限责任公司', 500],
  ['红河(硬)', '红云红河烟草(集团)有限责任公司', 500],
  ['白沙(硬)', '湖南中烟工业有限责任公司', 500],
  ['红金龙(硬红)', '湖北中烟工业有限责任公司', 500],
  ['红梅(黄)', '红塔烟草(集团)有限责任公司', 450],
  ['大前门(短支)', '上海烟草集团有限责任公司', 450],
  ['哈德门(精品)', '山东中烟工业有限责任公司', 500],
  ['将军(红)', '山东中烟工业有限责任公司', 550],
  ['金圣(硬红)', '江西中烟工业有限责任公司', 550],
  ['红旗渠(银河之光)', '河南中烟工业有限责任公司', 500],
  ['云烟(软)', '云南中烟工业有限责任公司', 550],
  ['双喜(软)', '广东中烟工业有限责任公司', 450],
  ['红双喜(软)', '上海烟草集团有限责任公司', 400],
  ['黄果树(长征)', '贵州中烟工业有限责任公司', 500],
  ['南京(硬红)', '江苏中烟工业有限责任公司', 550],
  ['七匹狼(软蓝)', '福建中烟工业有限责任公司', 550],
  ['长白山(软)', '吉林烟草工业有限责任公司', 450],
  ['芙蓉(软)', '湖南中烟工业有限责任公司', 400],
  // class IV: 16.5–30 yuan a carton
  ['红梅(软)', '红塔烟草(集团)有限责任公司', 300],
  ['红金龙(软)', '湖北中烟工业有限责任公司', 300],
  ['大前门(软)', '上海烟草集团有限责任公司', 300],
  ['白沙(软)', '湖南中烟工业有限责任公司', 300],
  ['红河(软甲)', '红云红河烟草(集团)有限责任公司', 250],
  ['哈德门(软)', '山东中烟工业有限责任公司', 250],
  ['黄果树(软)', '贵州中烟工业有限责任公司', 300],
  ['金圣(软)', '江西中烟工业有限责任公司', 300],
  ['红旗渠(软)', '河南中烟工业有限责任公司', 250],
  ['大红鹰(软)', '浙江中烟工业有限责任公司', 300],
  ['五叶神(软)', '广东中烟工业有限责任公司', 250],
  ['都宝(软)', '河北白沙烟草有限责任公司', 250],
  // class V: below 16.5 yuan a carton
  ['金桥(软)', '上海烟草集团有限责任公司', 180],
  ['大丰收(软)', '河南中烟工业有限责任公司', 150],
  ['红梅(简装)', '红塔烟草(集团)有限责任公司', 180],
  ['大庆(软)', '吉林烟草工业有限责任公司', 150],
  ['蝴蝶泉(软)', '红云红河烟草(集团)有限责任公司', 120],
  ['红三环(软)', '河南中烟工业有限责任公司', 150],
  ['迎客松(软)', '安徽中烟工业有限责任公司', 180],
  ['椰树(软)', '广东中烟工业有限责任公司', 170],
];

/** The national top 20 of the demo year (by name), and a local brand the department treats as equivalent. */
const TOP20 = [
  '中华(硬)',
  '芙蓉王(硬)',
  '玉溪(软)',
  '云烟(软珍品)',
  '黄鹤楼(软蓝)',
  '南京(炫赫门)',
  '利群(新版)',
  '泰山(佛光)',
  '七匹狼(红)',
  '黄山(红方印)',
  '红塔山(硬经典)',
  '白沙(精品二代)',
  '双喜(硬经典)',
  '真龙(甜润)',
  '娇子(X)',
  '贵烟(跨越)',
  '钻石(荷花)',
  '黄金叶(红旗渠)',
  '红河(V8)',
  '好猫(长乐)',
];
const EQUIVALENTS = ['金圣(滕王阁)', '金圣(智圣出山)'];
const SCARCE = ['中华(软)', '中华(金中支)', '黄金叶(天叶)', '冬虫夏草(和润)', '苏烟(软金砂)', '贵烟(跨越)'];

export interface DemoCatalog {
  brandIds: number[];
}

export async function seedCatalog(
  manager: EntityManager,
  random: SeededRandom,
  departmentId: number,
  today: string,
): Promise<DemoCatalog> {
  const year = Number(today.slice(0, 4));
  const specs = SPECS.map(([name, manufacturer, packFen], i) => {
    const cartonFen = packFen * 10;
    const wholesaleFen = Math.round(cartonFen * 0.848);
    // A few launched in the last two months: the "new brands" cultivation follows for 30 days.
    const launchDate =
      i % 17 === 5
        ? addDays(today, -random.int(5, 60))
        : `${random.int(1998, year - 1)}-${pad(random.int(1, 12), 2)}-01`;
    return {
      code: `69010${pad(28000 + i * 37, 8)}`,
      name,
      manufacturer,
      wholesale_price_fen: wholesaleFen,
      retail_price_carton_fen: cartonFen,
      retail_price_pack_fen: packFen,
      price_class: priceClassOf(wholesaleFen),
      launch_date: launchDate,
      scarce: SCARCE.includes(name),
    };
  });
  const rows: Array<{ id: number; name: string }> = await manager.query(
    `INSERT INTO brands (code, name, manufacturer, wholesale_price_fen, retail_price_carton_fen, retail_price_pack_fen,
                         price_class, launch_date, scarce)
     SELECT b.code, b.name, b.manufacturer, b.wholesale_price_fen, b.retail_price_carton_fen, b.retail_price_pack_fen,
            b.price_class, b.launch_date, b.scarce
       FROM jsonb_to_recordset($1::jsonb) AS b(code text, name text, manufacturer text, wholesale_price_fen int,
            retail_price_carton_fen int, retail_price_pack_fen int, price_class smallint, launch_date date, scarce boolean)
     RETURNING id, name`,
    [JSON.stringify(specs)],
  );
  const idOf = new Map(rows.map((r) => [r.name, r.id]));
  await manager.query(
    `INSERT INTO key_brands (year, brand_id, kind, department_id)
     SELECT $1::smallint, unnest($2::int[]), 'national_top20', NULL::int
     UNION ALL SELECT $1::smallint, unnest($3::int[]), 'equivalent', $4::int`,
    [year, TOP20.map((n) => idOf.get(n)!), EQUIVALENTS.map((n) => idOf.get(n)!), departmentId],
  );
  return { brandIds: rows.map((r) => r.id) };
}

// ---------------------------------------------------------------- retailers

const STREETS = [
  '人民路',
  '解放路',
  '建设路',
  '中山路',
  '新华街',
  '胜利路',
  '文化路',
  '滨江路',
  '东风路',
  '朝阳路',
  '和平路',
  '光明街',
  '车站路',
  '府前路',
  '育才路',
  '西湖路',
  '北门街',
  '南关街',
];
const VILLAGES = [
  '李家',
  '王庄',
  '张湾',
  '石桥',
  '柳树',
  '杨林',
  '新塘',
  '高坪',
  '马岭',
  '枫树',
  '竹园',
  '桃源',
  '黄泥',
  '大岭',
  '白石',
];
const PREFIXES = [
  '鑫源',
  '兴旺',
  '福满多',
  '好又多',
  '万家',
  '惠民',
  '乐购',
  '金盛',
  '顺发',
  '红星',
  '家家乐',
  '便民',
  '诚信',
  '和顺',
  '佳佳',
  '平安',
  '永兴',
  '富民',
  '天天',
  '百顺',
];
const SHOP_WORDS: Record<string, readonly string[]> = {
  C: ['食杂店', '小卖部', '副食店', '杂货店'],
  B: ['便利店', '便利超市'],
  S: ['超市', '平价超市', '购物中心'],
  N: ['商场', '百货'],
  Y: ['烟酒店', '烟酒行', '名烟名酒'],
  F: ['茶楼', '棋牌室', '宾馆', '饭店', 'KTV'],
  Q: ['报刊亭', '加油站便利店', '药店'],
};
const URBAN_TYPES: Array<[string, number]> = [
  ['C', 35],
  ['B', 25],
  ['S', 10],
  ['N', 2],
  ['Y', 15],
  ['F', 8],
  ['Q', 5],
];
const RURAL_TYPES: Array<[string, number]> = [
  ['C', 65],
  ['B', 10],
  ['S', 8],
  ['Y', 7],
  ['F', 5],
  ['Q', 5],
];
const URBAN_DISTRICTS: Array<[string, number]> = [
  ['residential', 40],
  ['commercial', 25],
  ['market', 8],
  ['transport', 7],
  ['school', 10],
  ['industrial', 5],
  ['scenic', 5],
];
const RURAL_DISTRICTS: Array<[string, number]> = [
  ['town', 45],
  ['village', 45],
  ['market', 10],
];

function weighted(random: SeededRandom, table: ReadonlyArray<[string, number]>): string {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return table[table.length - 1][0];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A grade moved by `step`, bounced off the ends of 1–30 so it always differs. */
function nextGrade(grade: number, step: number): number {
  const moved = grade + step;
  return moved < 1 || moved > 30 ? grade - step : moved;
}

export interface DemoRetailerOptions {
  count: number;
  /** Digits of a licence number (LICENSE_NO_LENGTH, 12 by default; at least 9 here). */
  licenseNoLength: number;
  /** Business date of the seed (grades, licences and the last assessed month follow from it). */
  today: string;
  gradePeriod: 'month' | 'quarter';
}

/**
 * The county's retailers: spread over every territory; the county town's center (the first) mostly urban,
 * the others mostly rural (~40% rural overall); grades bell-shaped over 1–30 with scale following grade;
 * ~3% big accounts from last month's (simulated) volumes, assessed with the real rule; one order weekday
 * per territory (Monday–Friday in turn); a self-service account each (username = licence number).
 */
export async function seedRetailers(
  manager: EntityManager,
  org: DemoOrg,
  random: SeededRandom,
  options: DemoRetailerOptions,
  passwordHash: string,
): Promise<number> {
  if (options.count <= 0) return 0;
  const territories = org.centers.flatMap((center, c) =>
    center.territoryIds.map((id) => ({ id, center, centerIndex: c })),
  );
  const { today } = options;
  const periodStart = gradePeriodContaining(today, options.gradePeriod).start;
  const nextPeriod = gradeChangeEffectiveFrom(today, options.gradePeriod);
  const centerNames: string[] = await manager
    .query(`SELECT name FROM org_units WHERE id = ANY($1::int[]) ORDER BY id`, [org.centers.map((c) => c.id)])
    .then((rows: Array<{ name: string }>) => rows.map((r) => r.name.replace('客户服务部', '')));
  const serialWidth = options.licenseNoLength - 5;
  const rows = Array.from({ length: options.count }, (_, i) => {
    const t = i % territories.length;
    const territory = territories[t];
    const urban = random.chance(territory.centerIndex === 0 ? 0.85 : 0.48);
    const businessType = weighted(random, urban ? URBAN_TYPES : RURAL_TYPES);
    const grade = random.bell(15.5, 8, 1, 30);
    const scale = grade >= 22 ? 'large' : grade >= 12 ? 'medium' : 'small';
    const owner = personName(random);
    const shopName = random.chance(0.45)
      ? `${owner[0]}记${random.pick(SHOP_WORDS[businessType])}`
      : `${random.pick(PREFIXES)}${random.pick(SHOP_WORDS[businessType])}`;
    const town = territory.centerIndex === 0 ? '城关镇' : `${centerNames[territory.centerIndex] ?? '新'}镇`;
    const address = urban
      ? `示范县${town}${random.pick(STREETS)}${random.int(1, 399)}号`
      : `示范县${town}${random.pick(VILLAGES)}村${random.int(1, 12)}组`;
    const validFrom = `${random.int(2020, 2025)}-${pad(random.int(1, 12), 2)}-${pad(random.int(1, 28), 2)}`;
    const validTo = addDays(`${Number(validFrom.slice(0, 4)) + 5}${validFrom.slice(4)}`, -1);
    const statusRoll = random.next();
    const status = statusRoll < 0.97 ? 'active' : statusRoll < 0.99 ? 'suspended' : 'closed';
    const big = random.chance(grade >= 20 ? 0.06 : 0.022);
    return {
      license_no: `36${pad(t + 1, 3)}${pad(Math.floor(i / territories.length) + 1, serialWidth)}`,
      shop_name: shopName,
      owner_name: owner,
      phone: `1${random.pick([3, 5, 7, 8, 9])}${pad(random.int(0, 999_999_999), 9)}`,
      address,
      territory_id: territory.id,
      service_center_id: territory.center.id,
      department_id: org.departmentId,
      business_type: businessType,
      market_type: urban ? 'urban' : 'rural',
      scale,
      grade,
      district_type: weighted(random, urban ? URBAN_DISTRICTS : RURAL_DISTRICTS),
      order_weekday: (t % 5) + 1,
      reachable_sms: random.chance(0.85),
      reachable_wechat: random.chance(urban ? 0.75 : 0.5),
      reachable_portal: random.chance(urban ? 0.6 : 0.3),
      owner_birthday: `${random.int(1955, 1995)}-${pad(random.int(1, 12), 2)}-${pad(random.int(1, 28), 2)}`,
      license_valid_from: validFrom,
      license_valid_to: validTo,
      status,
      status_reason:
        status === 'suspended' ? '店面装修，暂停营业' : status === 'closed' ? '经营者申请歇业' : null,
      // Last month's volume: grade-driven, with the few big shops well above 1,000 cartons.
      cartons:
        big && status === 'active'
          ? random.int(1000, 1600)
          : Math.round(grade * 12 * (0.6 + random.next() * 0.8)),
      pending:
        status === 'active' && random.chance(0.03) ? nextGrade(grade, random.pick([-2, -1, 1, 2])) : null,
    };
  });

  // Last month's big-account assessment with the real rule, each service center its own "local" area.
  const lastMonth = addMonths(monthOf(today), -1);
  const local = new Map<number, { totalCartons: number; retailerCount: number }>();
  for (const r of rows) {
    if (r.status === 'closed') continue;
    const area = local.get(r.service_center_id) ?? { totalCartons: 0, retailerCount: 0 };
    area.totalCartons += r.cartons;
    area.retailerCount += 1;
    local.set(r.service_center_id, area);
  }
  const assessed = rows.map((r) => {
    const area = local.get(r.service_center_id) ?? { totalCartons: r.cartons, retailerCount: 1 };
    return r.status === 'closed' ? null : { ...assessBigAccount(r.cartons, area), area };
  });

  const columns = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  const ids: Array<{ id: number }> = await manager.query(
    `INSERT INTO retailers (license_no, shop_name, owner_name, phone, address, territory_id, service_center_id,
            department_id, business_type, market_type, scale, grade, grade_since, district_type, order_weekday,
            reachable_sms, reachable_wechat, reachable_portal, owner_birthday, license_valid_from, license_valid_to,
            status, status_reason, status_changed_at, big_account, big_account_computed, created_at, updated_at)
     SELECT s.license_no, s.shop_name, s.owner_name, s.phone, s.address, s.territory_id, s.service_center_id,
            s.department_id, s.business_type, s.market_type, s.scale, s.grade, $25::date, s.district_type,
            s.order_weekday, s.reachable_sms, s.reachable_wechat, s.reachable_portal, s.owner_birthday,
            s.license_valid_from, s.license_valid_to, s.status, s.status_reason,
            CASE WHEN s.status <> 'active' THEN now() END, COALESCE(s.big, false), s.big,
            s.license_valid_from::timestamptz, now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[],
                   $9::text[], $10::text[], $11::text[], $12::smallint[], $13::text[], $14::smallint[], $15::boolean[],
                   $16::boolean[], $17::boolean[], $18::date[], $19::date[], $20::date[], $21::text[], $22::text[],
                   $23::boolean[], $24::int[])
         WITH ORDINALITY
         AS s(license_no, shop_name, owner_name, phone, address, territory_id, service_center_id, department_id,
              business_type, market_type, scale, grade, district_type, order_weekday, reachable_sms, reachable_wechat,
              reachable_portal, owner_birthday, license_valid_from, license_valid_to, status, status_reason, big,
              cartons, n)
      ORDER BY s.n
     RETURNING id`,
    [
      columns('license_no'),
      columns('shop_name'),
      columns('owner_name'),
      columns('phone'),
      columns('address'),
      columns('territory_id'),
      columns('service_center_id'),
      columns('department_id'),
      columns('business_type'),
      columns('market_type'),
      columns('scale'),
      columns('grade'),
      columns('district_type'),
      columns('order_weekday'),
      columns('reachable_sms'),
      columns('reachable_wechat'),
      columns('reachable_portal'),
      columns('owner_birthday'),
      columns('license_valid_from'),
      columns('license_valid_to'),
      columns('status'),
      columns('status_reason'),
      assessed.map((a) => (a ? a.isBigAccount : null)),
      columns('cartons'),
      periodStart,
    ],
  );
  const retailerIds = ids.map((r) => r.id);

  // Grade history: the grade in force since this period started; a few changes decided for the next one.
  const pending = rows
    .map((r, i) => ({ id: retailerIds[i], grade: r.pending }))
    .filter((p) => p.grade !== null);
  await manager.query(
    `INSERT INTO retailer_grades (retailer_id, grade, effective_from, source, reason)
     SELECT unnest($1::int[]), unnest($2::smallint[]), $3::date, 'initial', '期初档位'
     UNION ALL
     SELECT unnest($4::int[]), unnest($5::smallint[]), $6::date, 'change', '季度评档'`,
    [
      retailerIds,
      columns('grade'),
      periodStart,
      pending.map((p) => p.id),
      pending.map((p) => p.grade),
      nextPeriod,
    ],
  );
  const open = rows.map((r, i) => ({ r, id: retailerIds[i], a: assessed[i] })).filter((x) => x.a !== null);
  await manager.query(
    `INSERT INTO retailer_big_account_months
       (retailer_id, month, territory_id, department_id, cartons, local_total_cartons, local_retailer_count, grounds, is_big_account)
     SELECT a.id, $1::date, a.territory_id, a.department_id, a.cartons, a.total, a.count,
            string_to_array(a.grounds, ',')::text[], a.big
       FROM unnest($2::int[], $3::int[], $4::int[], $5::int[], $6::bigint[], $7::int[], $8::text[], $9::boolean[])
         AS a(id, territory_id, department_id, cartons, total, count, grounds, big)`,
    [
      `${lastMonth}-01`,
      open.map((x) => x.id),
      open.map((x) => x.r.territory_id),
      open.map((x) => x.r.department_id),
      open.map((x) => x.r.cartons),
      open.map((x) => x.a!.area.totalCartons),
      open.map((x) => x.a!.area.retailerCount),
      open.map((x) => x.a!.grounds.join(',')),
      open.map((x) => x.a!.isBigAccount),
    ],
  );
  // Self-service accounts: the demo password, like every demo user; closed retailers' accounts disabled.
  await manager.query(
    `INSERT INTO users (username, display_name, role, org_unit_id, retailer_id, phone, password_hash, status)
     SELECT r.license_no, left(r.shop_name, 64), 'retailer', r.territory_id, r.id, r.phone, $2,
            CASE WHEN r.status = 'closed' THEN 'disabled' ELSE 'active' END
       FROM retailers r WHERE r.id = ANY($1::int[])`,
    [retailerIds, passwordHash],
  );
  return retailerIds.length;
}
