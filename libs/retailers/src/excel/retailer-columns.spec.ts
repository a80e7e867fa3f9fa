import { describe, expect, it } from '@jest/globals';
import {
  RETAILER_EXPORT_ONLY_HEADERS,
  retailerExportColumns,
  retailerExportRow,
  retailerImportColumns,
} from './retailer-columns.js';
import type { RetailerView } from '../retailer-view.js';

const columns = retailerImportColumns(12);
const parse = (key: string, value: string | number) => columns.find((c) => c.key === key)!.parse(value);

describe('retailer import columns', () => {
  it.each([
    ['362501000123', { ok: true, value: '362501000123' }],
    [362501000123, { ok: true, value: '362501000123' }],
    [' 362501000123 ', { ok: true, value: '362501000123' }],
    ['36250100012', { ok: false, reason: '应为12位数字' }],
    ['3625010001234', { ok: false, reason: '应为12位数字' }],
    ['36250100012X', { ok: false, reason: '只能包含数字' }],
    [3.6e11 + 0.5, { ok: false, reason: '应为数字编码，请设为文本格式' }],
  ])('licence %p → %j', (cell, expected) => {
    expect(parse('licenseNo', cell)).toEqual(expected);
  });

  it('follows the configured licence length', () => {
    expect(
      retailerImportColumns(15)
        .find((c) => c.key === 'licenseNo')!
        .parse('362501000123').ok,
    ).toBe(false);
    expect(
      retailerImportColumns(15)
        .find((c) => c.key === 'licenseNo')!
        .parse('362501000123456').ok,
    ).toBe(true);
  });

  it.each([
    ['businessType', '食杂', 'C'],
    ['businessType', '食杂店', 'C'],
    ['businessType', 'Y', 'Y'],
    ['marketType', '农村', 'rural'],
    ['scale', '大型', 'large'],
    ['orderWeekday', '星期五', 5],
    ['orderWeekday', 3, 3],
    ['grade', '30', 30],
    ['reachableSms', '是', true],
  ])('%s %p → %p', (key, cell, value) => {
    expect(parse(key, cell)).toEqual({ ok: true, value });
  });

  it.each([
    ['businessType', '批发', '应为：食杂、便利、超市、商场、烟酒、娱乐服务、其他'],
    ['grade', 0, '应在1到30之间'],
    ['grade', 12.5, '应为整数'],
    ['orderWeekday', '周八', '应为周一至周日'],
    ['phone', '电话', '应为5–20位数字（可含+、-）'],
  ])('%s %p is refused: %s', (key, cell, reason) => {
    expect(parse(key, cell)).toEqual({ ok: false, reason });
  });
});

describe('retailer export', () => {
  it('has every import column (so an export imports back) plus the export-only ones', () => {
    const headers = retailerExportColumns(12).map((c) => c.header);
    expect(headers.filter((h) => !RETAILER_EXPORT_ONLY_HEADERS.includes(h as never))).toEqual(
      columns.map((c) => c.header),
    );
    expect(headers.filter((h) => RETAILER_EXPORT_ONLY_HEADERS.includes(h as never))).toEqual([
      ...RETAILER_EXPORT_ONLY_HEADERS,
    ]);
  });

  it('writes a row cell for every column, as people read them', () => {
    const view: RetailerView = {
      id: 7,
      licenseNo: '036250100012',
      shopName: '张记便利店',
      ownerName: '张三',
      phone: null,
      address: '人民路1号',
      territoryId: 1,
      territoryCode: 'T001',
      territoryName: '城关一片区',
      serviceCenterId: 2,
      serviceCenterName: '城关客户服务部',
      departmentId: 3,
      businessType: 'B',
      marketType: 'rural',
      scale: 'medium',
      grade: 12,
      gradeSince: '2026-10-01',
      pendingGrade: { grade: 14, effectiveFrom: '2027-01-01' },
      districtType: 'residential',
      bigAccount: true,
      bigAccountSource: 'override',
      bigAccountOverrideReason: '批发兼营',
      orderWeekday: 2,
      reachableSms: true,
      reachableWechat: false,
      reachablePortal: false,
      ownerBirthday: null,
      licenseValidFrom: '2024-01-01',
      licenseValidTo: '2028-12-31',
      status: 'suspended',
      statusReason: '装修',
      statusChangedAt: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    const row = retailerExportRow(view, new Map([['residential', '居民社区']]));
    const headers = retailerExportColumns(12).map((c) => c.header);
    expect(Object.fromEntries(headers.map((h, i) => [h, row[i]]))).toEqual({
      专卖许可证号: '036250100012',
      店铺名称: '张记便利店',
      负责人: '张三',
      联系电话: '',
      经营地址: '人民路1号',
      片区编码: 'T001',
      片区: '城关一片区',
      客户服务部: '城关客户服务部',
      业态: '便利',
      市场类型: '乡村',
      经营规模: '中',
      档位: 12,
      商圈类型: '居民社区',
      订货日: '周二',
      短信可达: '是',
      微信可达: '否',
      订货平台可达: '否',
      负责人生日: '',
      许可证有效期起: '2024-01-01',
      许可证有效期止: '2028-12-31',
      档位生效日: '2026-10-01',
      待生效档位: 14,
      待生效日期: '2027-01-01',
      大户: '是',
      大户依据: '人工认定',
      经营状态: '暂停营业',
      状态原因: '装修',
      系统编号: 7,
    });
  });
});
