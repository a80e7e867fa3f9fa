import { useMemo, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { sentenceOf } from '@/lib/errors';
import { businessMonth, cartons } from '@/lib/format';
import { SCALE_LABELS } from '@/lib/queries/retailers';
import { useNow } from '@/hooks/use-now';
import { rebalance, useTerritories, useTerritoryQuotas, type QuotaRow } from '../desk-api';

const SOURCE_LABELS: Record<string, string> = {
  market_manager: '市场经理商定',
  grade_policy: '档位政策',
  floating: '按历史浮动',
};

/** What the edits move: out of the caps lowered, into those raised, and the net (kept at zero). */
function moved(deltas: Map<number, number>) {
  let out = 0;
  let into = 0;
  for (const delta of deltas.values()) {
    if (delta < 0) out -= delta;
    else into += delta;
  }
  return { out, into, net: into - out };
}

/**
 * A territory's quotas of a month: agreed total, float, cap, used, reserved, remaining and this cycle's
 * allowance; rebalancing by typing how much each cap moves, with the moved total shown as it is typed (it must
 * net to zero: a rebalance never changes the total), a preview, then one request.
 */
export default function QuotasPage() {
  const now = useNow(60_000);
  const months = [
    businessMonth(now),
    dayjs(`${businessMonth(now)}-01`)
      .add(1, 'month')
      .format('YYYY-MM'),
  ];
  const territories = useTerritories();
  const [territoryId, setTerritoryId] = useState<number>();
  const [month, setMonth] = useState(months[0]);
  const chosen = territoryId ?? territories.data?.[0]?.id;
  const quotas = useTerritoryQuotas(chosen, month);
  const [deltas, setDeltas] = useState<Map<number, number>>(new Map());
  const [previewing, setPreviewing] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const rows = quotas.data?.retailers ?? [];
  const { out, into, net } = moved(deltas);
  const changed = rows.filter((row) => deltas.get(row.retailerId));

  const save = useMutation({
    mutationFn: (reason: string) =>
      rebalance({
        month,
        reason,
        caps: changed.map((row) => ({
          retailerId: row.retailerId,
          cap: row.cap + deltas.get(row.retailerId)!,
        })),
      }),
    onSuccess: () => {
      void message.success(`已调剂 ${changed.length} 户的额度上限，合计不变`);
      setDeltas(new Map());
      setPreviewing(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['territory-quotas'] });
    },
    onError: (error) => void message.error(sentenceOf(error)),
  });

  const setDelta = (retailerId: number, value: number | null) =>
    setDeltas((current) => {
      const next = new Map(current);
      if (value) next.set(retailerId, value);
      else next.delete(retailerId);
      return next;
    });

  const columns: ColumnsType<QuotaRow> = useMemo(
    () => [
      {
        title: '零售户',
        render: (_, row) => (
          <>
            <div>{row.shopName}</div>
            <Typography.Text type="secondary">{row.licenseNo}</Typography.Text>
          </>
        ),
      },
      {
        title: '档位 / 规模',
        render: (_, row) =>
          `${row.grade} 档 · ${SCALE_LABELS[row.scale as keyof typeof SCALE_LABELS] ?? row.scale}${row.bigAccount ? ' · 大户' : ''}`,
      },
      {
        title: '商定总量',
        render: (_, row) => (
          <>
            <div>{cartons(row.agreedTotal)}</div>
            <Typography.Text type="secondary">
              {SOURCE_LABELS[row.agreedTotalSource] ?? row.agreedTotalSource}
            </Typography.Text>
          </>
        ),
      },
      { title: '浮动', align: 'right', render: (_, row) => `${row.floatBp / 100}%` },
      { title: '上限', dataIndex: 'cap', align: 'right' },
      { title: '已用', dataIndex: 'used', align: 'right' },
      { title: '预留', dataIndex: 'reserved', align: 'right' },
      { title: '剩余', dataIndex: 'remaining', align: 'right' },
      { title: '本周期可订', dataIndex: 'cycleAllowance', align: 'right' },
      {
        title: '调整（条）',
        width: 130,
        render: (_, row) => (
          <InputNumber
            aria-label={`调整${row.shopName}（${row.licenseNo}）的上限`}
            value={deltas.get(row.retailerId) ?? null}
            min={-(row.cap - row.used - row.reserved)}
            precision={0}
            placeholder="0"
            style={{ width: 100 }}
            onChange={(value) => setDelta(row.retailerId, value)}
          />
        ),
      },
      {
        title: '新上限',
        align: 'right',
        render: (_, row) => {
          const delta = deltas.get(row.retailerId);
          return delta ? <Typography.Text strong>{row.cap + delta}</Typography.Text> : row.cap;
        },
      },
    ],
    [deltas],
  );

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        额度调剂
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <label>
            片区{' '}
            <Select
              aria-label="片区"
              style={{ width: 200 }}
              value={chosen}
              loading={territories.isLoading}
              options={(territories.data ?? []).map((t) => ({
                value: t.id,
                label: `${t.name}（${t.code}）`,
              }))}
              onChange={(value) => {
                setTerritoryId(value);
                setDeltas(new Map());
              }}
            />
          </label>
          <label>
            月份{' '}
            <Select
              aria-label="月份"
              style={{ width: 140 }}
              value={month}
              options={months.map((value) => ({ value, label: value.replace('-', ' 年 ') + ' 月' }))}
              onChange={(value) => {
                setMonth(value);
                setDeltas(new Map());
              }}
            />
          </label>
          {quotas.data && (
            <span>
              上限合计 {cartons(quotas.data.totalCap)}，本月剩余 {quotas.data.remainingCycles} 个订货周期
            </span>
          )}
        </Space>
      </Card>
      <Card>
        <Alert
          role="status"
          type={net === 0 ? (changed.length ? 'success' : 'info') : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={`调出 ${out} 条，调入 ${into} 条，净变动 ${net > 0 ? '+' : ''}${net} 条`}
          description={
            net === 0
              ? '调剂只在零售户之间移动上限，合计保持不变。'
              : `净变动须为 0：还需${net > 0 ? '调出' : '调入'} ${Math.abs(net)} 条。`
          }
        />
        <Space style={{ marginBottom: 16 }}>
          <Button
            type="primary"
            disabled={net !== 0 || changed.length < 2}
            onClick={() => setPreviewing(true)}
          >
            预览调剂
          </Button>
          <Button disabled={!deltas.size} onClick={() => setDeltas(new Map())}>
            清空调整
          </Button>
        </Space>
        {quotas.isError && <Alert type="error" showIcon title={sentenceOf(quotas.error)} />}
        <Table<QuotaRow>
          aria-label="片区额度"
          rowKey="retailerId"
          size="small"
          loading={quotas.isFetching}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (total) => `共 ${total} 户` }}
          locale={{ emptyText: <Typography.Text>该月额度尚未计算</Typography.Text> }}
        />
      </Card>
      <Modal
        title="预览额度调剂"
        open={previewing}
        okText="确认调剂"
        cancelText="返回修改"
        okButtonProps={{ loading: save.isPending }}
        onOk={() => void form.validateFields().then(({ reason }) => save.mutate(reason))}
        onCancel={() => setPreviewing(false)}
        width={640}
      >
        <Table<QuotaRow>
          aria-label="调剂明细"
          rowKey="retailerId"
          size="small"
          pagination={false}
          dataSource={changed}
          columns={[
            { title: '零售户', dataIndex: 'shopName' },
            { title: '原上限', dataIndex: 'cap', align: 'right' },
            {
              title: '调整',
              align: 'right',
              render: (_, row) => {
                const delta = deltas.get(row.retailerId)!;
                return `${delta > 0 ? '+' : ''}${delta}`;
              },
            },
            { title: '新上限', align: 'right', render: (_, row) => row.cap + deltas.get(row.retailerId)! },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 16 }}>
          片区上限合计 {cartons(quotas.data?.totalCap ?? 0)} → {cartons((quotas.data?.totalCap ?? 0) + net)}
          （不变）
        </Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label="调剂原因"
            rules={[
              { required: true, message: '请填写调剂原因' },
              { min: 2, message: '调剂原因至少 2 个字' },
              { max: 500, message: '调剂原因不超过 500 个字' },
            ]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
