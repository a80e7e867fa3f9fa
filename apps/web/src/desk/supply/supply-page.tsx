import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { sentenceOf } from '@/lib/errors';
import { businessDate, cartons, dateWithWeekday, dayAndTime, percent } from '@/lib/format';
import { useNow } from '@/hooks/use-now';
import { useTerritories } from '../desk-api';
import {
  consolidate,
  useBrandNames,
  useCyclesAwaitingConsolidation,
  useRationing,
  useSupplyOrders,
  type OrderCycle,
  type RationedRetailer,
  type Rationing,
} from './supply-api';

const ROMAN = ['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ'];

/** The rationing as a CSV a spreadsheet opens (UTF-8 with a byte-order mark, so Excel reads the Chinese). */
function rationingCsv(groups: Rationing[]): string {
  const header = [
    '供货点',
    '规格编码',
    '规格',
    '价类',
    '零售户',
    '许可证号',
    '片区',
    '需求（条）',
    '按比例取整（条）',
    '余数',
    '分得余下的一条',
    '实供（条）',
  ];
  const quote = (value: string | number) => `"${String(value).replaceAll('"', '""')}"`;
  const rows = groups.flatMap((group) =>
    group.retailers.map((r) => [
      group.supplyPointName,
      group.brandCode,
      group.brandName,
      ROMAN[group.priceClass],
      r.shopName,
      r.licenseNo,
      r.territoryName,
      r.requested,
      r.floorShare,
      r.remainder.toFixed(4),
      r.gotLeftOver ? '是' : '否',
      r.ordered,
    ]),
  );
  return '\ufeff' + [header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n');
}

function download(text: string, name: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * The supply point's day (支点): the cycles past their cutoff waiting for the unified order (made from here),
 * the unified order of an order date by spec, and the class IV/V rationing (稍紧平衡) retailer by retailer:
 * asked, the ratio as applied, the floor share, the remainder that decided who got a left-over carton, allotted;
 * exportable as CSV.
 */
export default function SupplyPage() {
  const now = useNow(60_000);
  const [date, setDate] = useState(() => businessDate(now));
  const orders = useSupplyOrders(date);
  const rationing = useRationing(date);
  const brands = useBrandNames();
  const lines = (orders.data ?? []).flatMap((order) =>
    order.lines.map((line) => ({ ...line, supplyPointId: order.supplyPointId })),
  );
  const error = orders.error ?? rationing.error;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        统一订购
      </Typography.Title>
      <AwaitingConsolidation />
      <Space style={{ margin: '16px 0' }}>
        <Input
          type="date"
          aria-label="订货日"
          value={date}
          onChange={(event) => event.target.value && setDate(event.target.value)}
        />
        <span>{dateWithWeekday(date)}的统一订购</span>
      </Space>
      {error && <Alert type="error" showIcon role="alert" title={sentenceOf(error)} />}
      <Card title="按规格汇总" size="small" style={{ marginBottom: 16 }}>
        <Table
          aria-label="按规格汇总"
          rowKey={(line) => `${line.supplyPointId}-${line.brandId}`}
          size="small"
          loading={orders.isFetching}
          dataSource={lines}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '规格', render: (_, line) => brands.data?.get(line.brandId) ?? `#${line.brandId}` },
            { title: '需求', align: 'right', render: (_, line) => cartons(line.requested) },
            { title: '订购', align: 'right', render: (_, line) => cartons(line.cartons) },
            {
              title: '满足率',
              align: 'right',
              render: (_, line) => percent(line.requested ? line.cartons / line.requested : null),
            },
          ]}
          locale={{ emptyText: <Typography.Text>这一天还没有统一订购</Typography.Text> }}
        />
      </Card>
      <Card
        title="Ⅳ、Ⅴ类烟按比例供应（稍紧平衡）"
        size="small"
        extra={
          <Button
            disabled={!rationing.data?.length}
            onClick={() => download(rationingCsv(rationing.data ?? []), `稍紧平衡-${date}.csv`)}
          >
            导出 CSV
          </Button>
        }
      >
        <Typography.Paragraph>
          每个规格按比例压减后的总量，先按“需求 × 总量 ÷
          总需求”取整分给各户，余下的条数按余数从大到小每户一条。
        </Typography.Paragraph>
        <Table<Rationing>
          aria-label="按比例供应的规格"
          rowKey={(group) => `${group.supplyPointId}-${group.brandId}`}
          size="small"
          loading={rationing.isFetching}
          dataSource={rationing.data ?? []}
          pagination={false}
          expandable={{ expandedRowRender: (group) => <RationedRetailers group={group} /> }}
          columns={[
            { title: '供货点', dataIndex: 'supplyPointName' },
            { title: '规格', render: (_, g) => `${g.brandName}（${g.brandCode}）` },
            { title: '价类', render: (_, g) => `${ROMAN[g.priceClass]}类` },
            { title: '需求', align: 'right', render: (_, g) => cartons(g.totalRequested) },
            { title: '实供', align: 'right', render: (_, g) => cartons(g.totalOrdered) },
            { title: '比例', align: 'right', render: (_, g) => percent(g.ratio) },
            { title: '按余数分出', align: 'right', render: (_, g) => cartons(g.leftOver) },
            { title: '零售户', align: 'right', render: (_, g) => `${g.retailers.length} 户` },
          ]}
          locale={{ emptyText: <Typography.Text>这一天没有Ⅳ、Ⅴ类烟的订购</Typography.Text> }}
        />
      </Card>
    </>
  );
}

function RationedRetailers({ group }: { group: Rationing }) {
  const columns: ColumnsType<RationedRetailer> = [
    { title: '零售户', render: (_, r) => `${r.shopName}（${r.licenseNo}）` },
    { title: '片区', dataIndex: 'territoryName' },
    { title: '需求', align: 'right', render: (_, r) => cartons(r.requested) },
    { title: '按比例取整', align: 'right', render: (_, r) => cartons(r.floorShare) },
    { title: '余数', align: 'right', render: (_, r) => r.remainder.toFixed(4) },
    {
      title: '余下的一条',
      render: (_, r) => (r.gotLeftOver ? <Typography.Text strong>分得</Typography.Text> : '—'),
    },
    { title: '实供', align: 'right', render: (_, r) => cartons(r.ordered) },
  ];
  return (
    <Table<RationedRetailer>
      aria-label={`${group.brandName}的各户分配`}
      rowKey="retailerId"
      size="small"
      dataSource={group.retailers}
      columns={columns}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
    />
  );
}

/** Cycles past their cutoff still waiting for the unified order, each with a button that makes it. */
function AwaitingConsolidation() {
  const cycles = useCyclesAwaitingConsolidation();
  const territories = useTerritories();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const name = new Map((territories.data ?? []).map((t) => [t.id, t.name]));
  const make = useMutation({
    mutationFn: (cycle: OrderCycle) => consolidate(cycle.id),
    onSuccess: (result, cycle) => {
      void message.success(
        `${name.get(cycle.territoryId) ?? '该片区'}已汇总：订购明细 ${result.orderLines} 行，需求 ${result.demands} 笔`,
      );
      void queryClient.invalidateQueries({ queryKey: ['order-cycles'] });
      void queryClient.invalidateQueries({ queryKey: ['supply-orders'] });
      void queryClient.invalidateQueries({ queryKey: ['rationing'] });
    },
    onError: (error) => void message.error(sentenceOf(error)),
  });
  return (
    <Card title="待汇总的订货周期" size="small">
      {cycles.isError && <Alert type="error" showIcon title={sentenceOf(cycles.error)} />}
      <Table<OrderCycle>
        aria-label="待汇总的订货周期"
        rowKey="id"
        size="small"
        loading={cycles.isFetching}
        dataSource={cycles.data ?? []}
        pagination={false}
        columns={[
          { title: '片区', render: (_, c) => name.get(c.territoryId) ?? `#${c.territoryId}` },
          { title: '订货日', render: (_, c) => dateWithWeekday(c.orderDate) },
          { title: '截单', render: (_, c) => dayAndTime(c.cutoffAt) },
          { title: '状态', render: () => <Tag>已截单，待汇总</Tag> },
          {
            title: '操作',
            render: (_, c) => (
              <Button
                size="small"
                type="primary"
                loading={make.isPending && make.variables?.id === c.id}
                onClick={() => make.mutate(c)}
                aria-label={`汇总${name.get(c.territoryId) ?? ''}${c.orderDate}的订货`}
              >
                汇总
              </Button>
            ),
          },
        ]}
        locale={{ emptyText: <Typography.Text>没有待汇总的订货周期</Typography.Text> }}
      />
    </Card>
  );
}
