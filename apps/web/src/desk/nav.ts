import { can, type Page, type Role } from '@/lib/access';

export interface NavEntry {
  path: string;
  label: string;
  page: Page;
  /** What the page is for, on the role's home. */
  description: string;
}

/** The desk's pages in menu order; each role sees those the access table gives it. */
const NAV: NavEntry[] = [
  { path: '/desk', label: '工作台', page: 'deskHome', description: '' },
  {
    path: '/desk/approvals',
    label: '代收需求审批',
    page: 'approvals',
    description: '客户经理代收、零售户已确认的需求，逐条或批量审批、驳回。',
  },
  {
    path: '/desk/cycles',
    label: '订货周期看板',
    page: 'cycleBoard',
    description: '本周各片区的订货窗口、截单倒计时，以及尚无动静、需要电话联系的零售户。',
  },
  {
    path: '/desk/quotas',
    label: '额度调剂',
    page: 'quotas',
    description: '片区零售户的月度额度，在表格中调剂上限，合计保持不变。',
  },
  {
    path: '/desk/kpis',
    label: '中心考核',
    page: 'centerKpis',
    description: '本中心客户经理的月度考核指标，以及本中心考核工作簿（Excel）下载。',
  },
  {
    path: '/desk/guidance-checks',
    label: '经营指导检查',
    page: 'guidanceChecks',
    description: '系统抽中的客户经理指导拜访：实地检查是否有效、抽查进度，以及拜访与电话的完成情况。',
  },
  {
    path: '/desk/staff',
    label: '人员管理',
    page: 'staff',
    description: '本部门市场经理、支点、客户经理、专卖管理员和送货员的账号：新建、调动、停用、重置密码。',
  },
  {
    path: '/desk/order-days',
    label: '订货日设置',
    page: 'orderDays',
    description: '各片区每周的订货日与订货窗口，保存后重新排定尚未开放的订货周期。',
  },
  {
    path: '/desk/supply',
    label: '统一订购',
    page: 'supply',
    description: '待汇总的订货周期，按规格的统一订购，以及Ⅳ、Ⅴ类烟按比例供应到每户的明细（可导出）。',
  },
  {
    path: '/desk/retailers',
    label: '零售户',
    page: 'retailers',
    description:
      '按片区、档位、业态、状态等筛选零售户并导出；建档、编辑、变更状态、档位、大户认定和一次性密码。',
  },
  {
    path: '/desk/retailer-import',
    label: '零售户导入',
    page: 'retailerImport',
    description: '按模板填写的零售户工作簿：逐行检查，有误则一行不写，列出每处错误并可下载标注错误的工作簿。',
  },
  {
    path: '/desk/month-close',
    label: '月结',
    page: 'monthClose',
    description: '月度考核的结账状态、月结任务在等待什么、存档的考核工作簿，以及更正的申请与审批。',
  },
  {
    path: '/desk/problems',
    label: '三员互动问题',
    page: 'deskProblems',
    description: '客户经理、专卖管理员和送货员相互反映的问题：限时答复，逾期转督察组。',
  },
  {
    path: '/desk/anomalies',
    label: '异常采购',
    page: 'anomalies',
    description: '一段日期内各订货周期中订购量异常偏高的零售户与规格，可查看该户及相关线索。',
  },
  {
    path: '/desk/prohibitions',
    label: '六不准',
    page: 'prohibitions',
    description: '按月查看代收占比、同一周期相同的需求和同地址确认的代收需求，可查看涉及的零售户。',
  },
  {
    path: '/desk/lead-escalations',
    label: '线索督办',
    page: 'leadEscalations',
    description: '逾期未出核查结果、已升级的重要线索：查看零售户，填写督办意见并限期退回执法中队。',
  },
  {
    path: '/desk/audit',
    label: '审计日志',
    page: 'audit',
    description: '按操作人、操作、时间与对象查询操作记录，逐条对比修改前后。',
  },
];

export function deskEntries(role: Role): NavEntry[] {
  return NAV.filter((entry) => can(role, entry.page));
}

/** The entry of the menu a path belongs to (the longest matching prefix). */
export function selectedEntry(pathname: string, entries: NavEntry[]): string | undefined {
  return entries
    .filter((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
