import { useState } from 'react';
import { Alert, Button, Card, Drawer, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { ROLE_LABELS, type Role } from '@/lib/access';
import { sentenceOf } from '@/lib/errors';
import { dayAndTime } from '@/lib/format';
import { useAuditTrail, usePeople, type AuditEntry, type AuditFilter } from './inspection-api';

/** What the trail's entries are about, in words (others show their stored name). */
const ENTITY_LABELS: Record<string, string> = {
  user: '用户',
  retailer: '零售户',
  demand: '需求',
  order_cycle: '订货周期',
  territory_order_schedule: '片区订货日',
  retailer_quota: '零售户额度',
  quota_month: '月度额度',
  quota_policy: '额度政策',
  scarce_limits: '紧俏规格限量',
  supply_ratios: '稍紧平衡比例',
  org_unit: '组织单位',
  brand: '规格',
  key_brands: '重点品牌',
  visit: '拜访',
  call: '电话',
  lead: '线索',
  delivery: '送货',
  delivery_feedback: '送货反馈',
  kpi_month: '月度考核',
  kpi_month_correction: '考核更正',
  kpi_targets: '考核目标',
  calendar_year: '节假日日历',
  job: '定时任务',
};

/** Business dates as the instants the API filters on: from the first day's start to the day after the last. */
function instantsOf(fromDate: string, toDate: string): Pick<AuditFilter, 'from' | 'to'> {
  return {
    from: fromDate ? `${fromDate}T00:00:00+08:00` : undefined,
    to: toDate ? `${dayjs(toDate).add(1, 'day').format('YYYY-MM-DD')}T00:00:00+08:00` : undefined,
  };
}

function shown(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '（空）';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * The audit trail 审计日志 of the caller's department: who did what, when, to which record; filtered by each of
 * these. An entry opens its before and after side by side, the changed fields marked.
 */
export default function AuditPage() {
  const people = usePeople();
  const [filter, setFilter] = useState<AuditFilter>({ page: 1 });
  const [dates, setDates] = useState({ fromDate: '', toDate: '' });
  const [text, setText] = useState({ action: '', entityId: '' });
  const [open, setOpen] = useState<AuditEntry>();
  const trail = useAuditTrail(filter);
  const nameOf = new Map((people.data ?? []).map((p) => [p.id, `${p.displayName}（${p.username}）`]));
  const who = (entry: AuditEntry) =>
    entry.actorId === null ? '系统任务' : (nameOf.get(entry.actorId) ?? `用户 #${entry.actorId}`);
  const search = () =>
    setFilter((f) => ({
      ...f,
      ...instantsOf(dates.fromDate, dates.toDate),
      action: text.action.trim() || undefined,
      entityId: text.entityId.trim() || undefined,
      page: 1,
    }));
  const columns: ColumnsType<AuditEntry> = [
    { title: '时间', render: (_, entry) => dayAndTime(entry.at) },
    { title: '操作人', render: (_, entry) => who(entry) },
    { title: '角色', render: (_, entry) => ROLE_LABELS[entry.actorRole as Role] ?? entry.actorRole },
    { title: '操作', dataIndex: 'action' },
    { title: '对象', render: (_, entry) => ENTITY_LABELS[entry.entityType] ?? entry.entityType },
    { title: '编号', dataIndex: 'entityId' },
    {
      title: '详情',
      render: (_, entry) => (
        <Button size="small" onClick={() => setOpen(entry)} aria-label={`查看第 ${entry.id} 条的修改前后`}>
          查看
        </Button>
      ),
    },
  ];
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        审计日志
      </Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select<number>
          aria-label="操作人"
          placeholder="全部操作人"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          options={(people.data ?? []).map((p) => ({
            value: p.id,
            label: `${p.displayName}（${p.username}）`,
          }))}
          onChange={(actorId) => setFilter((f) => ({ ...f, actorId, page: 1 }))}
        />
        <Input
          aria-label="操作"
          placeholder="操作，如 user.disable"
          style={{ width: 180 }}
          value={text.action}
          onChange={(event) => setText((t) => ({ ...t, action: event.target.value }))}
        />
        <Select<string>
          aria-label="对象类型"
          placeholder="全部对象"
          allowClear
          style={{ width: 150 }}
          options={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
          onChange={(entityType) => setFilter((f) => ({ ...f, entityType, page: 1 }))}
        />
        <Input
          aria-label="对象编号"
          placeholder="对象编号"
          style={{ width: 110 }}
          value={text.entityId}
          onChange={(event) => setText((t) => ({ ...t, entityId: event.target.value }))}
        />
        <Input
          type="date"
          aria-label="开始日期"
          value={dates.fromDate}
          onChange={(event) => setDates((d) => ({ ...d, fromDate: event.target.value }))}
        />
        <Input
          type="date"
          aria-label="结束日期"
          value={dates.toDate}
          onChange={(event) => setDates((d) => ({ ...d, toDate: event.target.value }))}
        />
        <Button type="primary" onClick={search}>
          查询
        </Button>
      </Space>
      {trail.isError && <Alert type="error" showIcon role="alert" title={sentenceOf(trail.error)} />}
      <Card>
        <Table<AuditEntry>
          aria-label="审计记录"
          rowKey="id"
          size="small"
          loading={trail.isFetching}
          columns={columns}
          dataSource={trail.data?.items ?? []}
          pagination={{
            current: filter.page,
            pageSize: 20,
            total: trail.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (page) => setFilter((f) => ({ ...f, page })),
          }}
          locale={{ emptyText: <Typography.Text>没有符合条件的记录</Typography.Text> }}
        />
      </Card>
      <Drawer
        open={open !== undefined}
        onClose={() => setOpen(undefined)}
        size="large"
        title={
          open ? `${open.action} · ${ENTITY_LABELS[open.entityType] ?? open.entityType} ${open.entityId}` : ''
        }
      >
        {open && (
          <>
            <Typography.Paragraph>
              {who(open)}，{dayAndTime(open.at)}
            </Typography.Paragraph>
            <BeforeAfter entry={open} />
          </>
        )}
      </Drawer>
    </>
  );
}

/** Every field of the record before and after, side by side; the ones that changed marked. */
function BeforeAfter({ entry }: { entry: AuditEntry }) {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const rows = fields.map((field) => ({
    field,
    before: entry.before ? shown(before[field]) : '',
    after: entry.after ? shown(after[field]) : '',
    changed: JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  }));
  if (!rows.length) return <Typography.Text>这条记录没有保存修改前后的内容。</Typography.Text>;
  return (
    <Table
      aria-label="修改前后对比"
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: '字段',
          render: (_, row) => (
            <Space size="small">
              {row.field}
              {row.changed && <Typography.Text strong>（已变更）</Typography.Text>}
            </Space>
          ),
        },
        { title: '修改前', dataIndex: 'before' },
        { title: '修改后', dataIndex: 'after' },
      ]}
    />
  );
}
