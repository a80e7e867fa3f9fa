/**
 * The schedule table: every scheduled job of the application, once. It drives the cron registration (business
 * time, the configured zone), the job board and the simulated month (test/simulated-months.e2e-spec.ts), so the
 * test steps through production's order, not a copy of it. Pure data.
 */
export interface JobScheduleEntry {
  /** Stable name: `context.job`; the work is the method marked `@ScheduledJob(name)`. */
  readonly name: string;
  /** Chinese name for the board. */
  readonly label: string;
  /** When, as a cron expression (minute hour day-of-month month day-of-week) in business time. */
  readonly cron: string;
  /** The same in words. */
  readonly when: string;
  /** What it reads. */
  readonly reads: readonly string[];
  /** Jobs whose work must be finished before this one's input is complete (they run earlier in the day). */
  readonly after: readonly string[];
  /** `department`: a run is per department (department heads may rerun their own); `all`: admins only. */
  readonly scope: 'all' | 'department';
  /** Also run when the application starts (a replica down at the scheduled time catches up). */
  readonly atStart?: boolean;
  /** It waits for its inputs; an admin may force it with a reason. */
  readonly forceable?: boolean;
}

export const JOB_SCHEDULE: readonly JobScheduleEntry[] = [
  {
    name: 'ordering.open-and-cut-off',
    label: '订货窗口开放与截单',
    cron: '* * * * *',
    when: '每分钟',
    reads: ['订货周期的开放、截单时间', '有效需求（截单时没有需求的零售户记无需求）'],
    after: ['ordering.generate-cycles'],
    scope: 'all',
  },
  {
    name: 'retailers.grades-and-big-accounts',
    label: '零售户档位生效、上月大户评定',
    cron: '*/10 * * * *',
    when: '每 10 分钟（上月大户评定：上月订货周期全部汇总或取消后）',
    reads: ['档位调整（生效日已到）', '上月订单量（上月订货周期须全部汇总或取消）'],
    after: ['ordering.consolidate'],
    scope: 'all',
    atStart: true,
  },
  {
    name: 'quotas.compute-next-month',
    label: '下月协议量计算',
    cron: '30 1 25 * *',
    when: '每月 25 日 01:30',
    reads: ['零售户档位', '最近三个完整月（已汇总或取消的订货周期）的订单量'],
    after: ['ordering.consolidate'],
    scope: 'all',
  },
  {
    name: 'ordering.generate-cycles',
    label: '生成订货周期',
    cron: '0 2 * * *',
    when: '每天 02:00',
    reads: ['片区订货日', '部门节假日与调休', '已有订货周期（按订货周）'],
    after: [],
    scope: 'all',
    atStart: true,
  },
  {
    name: 'kpi.cultivation-tasks',
    label: '新品分析任务',
    cron: '30 2 * * *',
    when: '每天 02:30',
    reads: ['近 30 天上市的新品规格', '片区'],
    after: [],
    scope: 'all',
    atStart: true,
  },
  {
    name: 'shared.idempotency-sweep',
    label: '清理幂等键',
    cron: '15 3 * * *',
    when: '每天 03:15',
    reads: ['48 小时前的幂等键'],
    after: [],
    scope: 'all',
  },
  {
    name: 'jobs.prune-runs',
    label: '清理任务运行记录',
    cron: '20 3 * * *',
    when: '每天 03:20',
    reads: ['7 天前“无事可做”的运行记录'],
    after: [],
    scope: 'all',
  },
  {
    name: 'backup.nightly',
    label: '数据库夜间备份',
    cron: '30 3 * * *',
    when: '每天 03:30',
    reads: ['整个数据库（一个一致的快照）'],
    after: [],
    scope: 'all',
  },
  {
    name: 'ordering.consolidate',
    label: '统一订单汇总（订货日次日）',
    cron: '0 6 * * *',
    when: '每天 06:00',
    reads: [
      '订货日在今天之前的订货周期（先截单到期的；须全部截单）',
      '已审核的需求；代客采集需求（统一订单时未审核的作废，退回额度）',
    ],
    after: ['ordering.open-and-cut-off'],
    scope: 'all',
  },
  {
    name: 'delivery.plan',
    label: '送货计划',
    cron: '5,35 6-20 * * *',
    when: '每天 06:05–20:35，每半小时',
    reads: ['近 7 天未排送货的统一订单', '送货线路'],
    after: ['ordering.consolidate'],
    scope: 'all',
  },
  {
    name: 'leads.escalate',
    label: '重要线索逾期上报督察组',
    cron: '0 8 * * *',
    when: '每天 08:00',
    reads: ['重要线索的办理期限与结果'],
    after: [],
    scope: 'all',
  },
  {
    name: 'problems.escalate',
    label: '三员互动问题逾期上报督察组',
    cron: '15 * * * *',
    when: '每小时第 15 分钟',
    reads: ['三员互动问题的答复期限与答复'],
    after: [],
    scope: 'all',
  },
  {
    name: 'reports.month-close',
    label: '月结（KPI 快照与报表）',
    cron: '10 * * * *',
    when: '每小时第 10 分钟（上月订货周期全部汇总或取消、且过了宽限期后月结）',
    reads: [
      '上月订货日的订货周期（须全部汇总或取消）',
      '部门月结宽限期（默认次月第 3 个工作日 09:00）',
      '上月的订单、走访检查、线索结果、送货确认',
    ],
    after: ['ordering.consolidate'],
    scope: 'department',
    atStart: true,
    forceable: true,
  },
];

/** The entry of a job by name; undefined for a name the table does not hold. */
export function scheduleEntry(name: string): JobScheduleEntry | undefined {
  return JOB_SCHEDULE.find((entry) => entry.name === name);
}

/** Names the table's `after` lists that it does not hold, and names it holds twice: both must be empty. */
export function scheduleProblems(table: readonly JobScheduleEntry[] = JOB_SCHEDULE): string[] {
  const names = table.map((entry) => entry.name);
  const twice = names.filter((name, i) => names.indexOf(name) !== i).map((name) => `${name} twice`);
  const unknown = table.flatMap((entry) =>
    entry.after.filter((name) => !names.includes(name)).map((name) => `${entry.name} after unknown ${name}`),
  );
  const self = table.filter((entry) => entry.after.includes(entry.name)).map((e) => `${e.name} after itself`);
  return [...twice, ...unknown, ...self];
}
