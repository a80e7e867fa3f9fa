import { useMemo, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { sentenceOf, errorSentence, type ErrorDetails } from '@/lib/errors';
import { cartons, chineseDate, dayAndTime } from '@/lib/format';
import { useBrands } from '@/lib/queries/brands';
import { VISIT_KIND_LABELS, type VisitKind } from '@/features/visits';
import {
  approveMany,
  approveOne,
  rejectMany,
  rejectOne,
  useApprovalInbox,
  type DecisionResults,
  type InboxItem,
} from '../desk-api';
import { OrderWeeks } from './order-weeks';

const CONFIRMED_VIA: Record<string, string> = {
  code: '确认码',
  account: '零售户本人账号',
  signature: '手写签名',
};

const OUTCOME_TAGS = {
  approved: (
    <Tag color="success" variant="solid">
      已审批
    </Tag>
  ),
  rejected: (
    <Tag color="warning" variant="solid">
      已驳回
    </Tag>
  ),
  refused: (
    <Tag color="error" variant="solid">
      未处理
    </Tag>
  ),
};

interface Outcome {
  action: '审批' | '驳回';
  response: DecisionResults;
  /** The demands as they were listed when decided (the inbox no longer lists the decided ones). */
  items: Map<number, InboxItem>;
}

/** Whose demand a rejection is for: the selection (many) or one row. */
interface Rejection {
  ids: number[];
  single?: InboxItem;
}

/**
 * The market manager's approval inbox: collected demand of its center awaiting approval, oldest first, with what
 * the decision needs beside each; approve or reject one by one, or select many and decide them in one request,
 * each result shown (the refused ones say why).
 */
export default function ApprovalsPage() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [selected, setSelected] = useState<number[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [rejection, setRejection] = useState<Rejection | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const inbox = useApprovalInbox(page, pageSize);
  const brands = useBrands();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const brandName = useMemo(() => {
    const names = new Map((brands.data ?? []).map((brand) => [brand.id, brand.name]));
    return (id: number) => names.get(id) ?? `规格 ${id}`;
  }, [brands.data]);
  const items = inbox.data?.items ?? [];

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['approval-inbox'] });

  const many = useMutation({
    mutationFn: (input: { ids: number[]; reason?: string }) =>
      input.reason === undefined ? approveMany(input.ids) : rejectMany(input.ids, input.reason),
    onSuccess: (response, input) => {
      setOutcome({
        action: input.reason === undefined ? '审批' : '驳回',
        response,
        items: new Map(items.filter((item) => input.ids.includes(item.id)).map((item) => [item.id, item])),
      });
      setSelected([]);
      setRejection(null);
      void refresh();
    },
    onError: (error) => void message.error(sentenceOf(error)),
  });

  const one = useMutation({
    mutationFn: (input: { item: InboxItem; reason?: string }) =>
      input.reason === undefined ? approveOne(input.item.id) : rejectOne(input.item.id, input.reason),
    onSuccess: (_answer, input) => {
      void message.success(`${input.reason === undefined ? '已审批' : '已驳回'}：${input.item.shopName}`);
      setSelected((ids) => ids.filter((id) => id !== input.item.id));
      setRejection(null);
      void refresh();
    },
    onError: (error, input) => void message.error(`${input.item.shopName}：${sentenceOf(error)}`),
  });

  const approveSelected = () =>
    modal.confirm({
      title: `审批选中的 ${selected.length} 条代收需求？`,
      content: '每条的结果会逐条列出，未通过的说明原因。',
      okText: '审批',
      cancelText: '取消',
      onOk: () => many.mutateAsync({ ids: selected }),
    });

  const submitRejection = async () => {
    const { reason } = await form.validateFields();
    if (rejection?.single) one.mutate({ item: rejection.single, reason });
    else if (rejection) many.mutate({ ids: rejection.ids, reason });
  };

  const columns: ColumnsType<InboxItem> = [
    {
      title: '零售户',
      key: 'retailer',
      render: (_, item) => (
        <>
          <div>{item.shopName}</div>
          <Typography.Text type="secondary">
            {item.licenseNo} · {item.grade} 档
          </Typography.Text>
        </>
      ),
    },
    {
      title: '片区 / 客户经理',
      key: 'territory',
      render: (_, item) => (
        <>
          <div>{item.territoryName}</div>
          <Typography.Text type="secondary">{item.submittedByName}</Typography.Text>
        </>
      ),
    },
    {
      title: '提交时间',
      key: 'createdAt',
      render: (_, item) => (
        <>
          <div>{dayAndTime(item.createdAt)}</div>
          <Typography.Text type="secondary">截单 {dayAndTime(item.cutoffAt)}</Typography.Text>
        </>
      ),
    },
    {
      title: '需求',
      key: 'lines',
      render: (_, item) => (
        <>
          <div>{cartons(item.totalCartons)}</div>
          <Typography.Text type="secondary">
            {item.lines.map((line) => `${brandName(line.brandId)} ${line.cartons} 条`).join('、')}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '近 12 周订货',
      key: 'weeks',
      render: (_, item) => <OrderWeeks weeks={item.orderWeeks} />,
    },
    {
      title: '本月额度',
      key: 'quota',
      render: (_, item) =>
        item.quota ? (
          <>
            <div>剩余 {cartons(item.quota.remaining)}</div>
            <Typography.Text type="secondary">
              上限 {item.quota.cap} · 已用 {item.quota.used} · 预留 {item.quota.reserved}
            </Typography.Text>
          </>
        ) : (
          '—'
        ),
    },
    {
      title: '客户经理拜访',
      key: 'visit',
      render: (_, item) =>
        item.visit ? (
          <>
            <div>{chineseDate(item.visit.visitedAt)}</div>
            <Typography.Text type="secondary">
              {VISIT_KIND_LABELS[item.visit.kind as VisitKind] ?? item.visit.kind}
            </Typography.Text>
          </>
        ) : (
          <Tag color="warning" variant="solid">
            无拜访记录
          </Tag>
        ),
    },
    {
      title: '零售户确认',
      key: 'confirmed',
      render: (_, item) => (
        <>
          <div>{CONFIRMED_VIA[item.confirmedVia ?? ''] ?? item.confirmedVia ?? '—'}</div>
          {item.signatureAttachmentId !== null && (
            // Served through the session cookie to whoever may read the demand.
            <img
              src={`/api/attachments/${item.signatureAttachmentId}`}
              alt={`${item.shopName} 的手写签名`}
              style={{ display: 'block', width: 120, height: 40, objectFit: 'contain', background: '#fff' }}
            />
          )}
          {item.confirmedAt && (
            <Typography.Text type="secondary">{dayAndTime(item.confirmedAt)}</Typography.Text>
          )}
        </>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, item) => (
        <Space>
          <Button
            size="small"
            type="primary"
            aria-label={`审批 ${item.shopName}`}
            loading={one.isPending && one.variables?.item.id === item.id}
            onClick={() => one.mutate({ item })}
          >
            审批
          </Button>
          <Button
            size="small"
            danger
            aria-label={`驳回 ${item.shopName}`}
            onClick={() => {
              form.resetFields();
              setRejection({ ids: [item.id], single: item });
            }}
          >
            驳回
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        代收需求审批
      </Typography.Title>
      {outcome && <OutcomeCard outcome={outcome} onClose={() => setOutcome(null)} brandName={brandName} />}
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <span aria-live="polite">
            待审批共 {inbox.data?.total ?? '…'} 条，已选 {selected.length} 条
          </span>
          <Button
            type="primary"
            disabled={!selected.length}
            loading={many.isPending && many.variables?.reason === undefined}
            onClick={approveSelected}
          >
            批量审批
          </Button>
          <Button
            danger
            disabled={!selected.length}
            onClick={() => {
              form.resetFields();
              setRejection({ ids: selected });
            }}
          >
            批量驳回
          </Button>
        </Space>
        {inbox.isError && <Alert type="error" showIcon title={sentenceOf(inbox.error)} />}
        <Table<InboxItem>
          aria-label="待审批代收需求"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          loading={inbox.isFetching}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as number[]),
            getCheckboxProps: (item) => ({ 'aria-label': `选择 ${item.shopName}` }) as never,
            getTitleCheckboxProps: () => ({ 'aria-label': '全选当页' }) as never,
            columnWidth: 40,
          }}
          pagination={{
            current: page,
            pageSize,
            total: inbox.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => `共 ${total} 条`,
            onChange: (next, size) => {
              setPage(size === pageSize ? next : 1);
              setPageSize(size);
              setSelected([]);
            },
          }}
          locale={{ emptyText: <Typography.Text>没有待审批的代收需求</Typography.Text> }}
        />
      </Card>
      <Modal
        title={
          rejection?.single
            ? `驳回${rejection.single.shopName}的代收需求`
            : `驳回选中的 ${rejection?.ids.length ?? 0} 条代收需求`
        }
        open={rejection !== null}
        okText="驳回"
        cancelText="取消"
        okButtonProps={{ danger: true, loading: many.isPending || one.isPending }}
        onOk={() => void submitRejection()}
        onCancel={() => setRejection(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label="驳回原因"
            rules={[
              { required: true, message: '请填写驳回原因' },
              { min: 2, message: '驳回原因至少 2 个字' },
              { max: 500, message: '驳回原因不超过 500 个字' },
            ]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** What one bulk decision did: a count and each demand's result, the refused ones with their reason. */
function OutcomeCard({
  outcome,
  onClose,
  brandName,
}: {
  outcome: Outcome;
  onClose: () => void;
  brandName: (id: number) => string;
}) {
  const { response, action } = outcome;
  return (
    <Card
      title="本次处理结果"
      extra={<Button onClick={onClose}>关闭</Button>}
      style={{ marginBottom: 16 }}
      role="region"
      aria-label="本次处理结果"
    >
      <Alert
        type={response.refused ? 'warning' : 'success'}
        showIcon
        title={`已${action} ${response.decided} 条${response.refused ? `，未处理 ${response.refused} 条（原因见下表）` : ''}`}
        style={{ marginBottom: 16 }}
      />
      <Table
        aria-label="逐条结果"
        rowKey="demandId"
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={response.results}
        columns={[
          {
            title: '零售户',
            key: 'retailer',
            render: (_, result) => outcome.items.get(result.demandId)?.shopName ?? `需求 ${result.demandId}`,
          },
          { title: '结果', key: 'outcome', render: (_, result) => OUTCOME_TAGS[result.outcome] },
          {
            title: '原因',
            key: 'reason',
            render: (_, result) =>
              result.code
                ? errorSentence(result.code, result.details as ErrorDetails | undefined, brandName)
                : '',
          },
        ]}
      />
    </Card>
  );
}
