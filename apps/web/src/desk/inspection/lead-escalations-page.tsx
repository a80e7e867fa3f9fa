import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Alert, Button, Card, Checkbox, Form, Input, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { sentenceOf } from '@/lib/errors';
import { dayAndTime } from '@/lib/format';
import { useSessionUser } from '@/hooks/use-session';
import { FormModal } from '../form-modal';
import { inspectLead, useEscalatedLeads, type Lead } from './inspection-api';
import { RetailerDrawer } from './retailer-drawer';

interface Inspection {
  comment: string;
  requireAction: boolean;
}

/**
 * Lead escalations 线索督办: important leads the squads left without a result past their due time. Each opens
 * its retailer; an inspector comments and may send it back to the squad (督办) with a new due time.
 */
export default function LeadEscalationsPage() {
  const user = useSessionUser();
  const [page, setPage] = useState(1);
  const [retailerId, setRetailerId] = useState<number>();
  const [inspecting, setInspecting] = useState<Lead>();
  const leads = useEscalatedLeads(page);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const columns: ColumnsType<Lead> = [
    { title: '上报时间', render: (_, lead) => dayAndTime(lead.reportedAt) },
    { title: '类型', dataIndex: 'kindLabel' },
    { title: '内容', dataIndex: 'description' },
    {
      title: '零售户',
      render: (_, lead) =>
        lead.retailerId === null ? (
          '—'
        ) : (
          <Button type="link" style={{ padding: 0 }} onClick={() => setRetailerId(lead.retailerId!)}>
            查看零售户
          </Button>
        ),
    },
    { title: '期限', render: (_, lead) => dayAndTime(lead.deadlineAt) },
    { title: '升级时间', render: (_, lead) => (lead.escalatedAt ? dayAndTime(lead.escalatedAt) : '—') },
    { title: '升级次数', dataIndex: 'escalationCount', align: 'right' },
    {
      title: '操作',
      render: (_, lead) =>
        user?.role === 'inspector' ? (
          <Button size="small" onClick={() => setInspecting(lead)} aria-label={`督办线索 ${lead.id}`}>
            督办
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        线索督办
      </Typography.Title>
      <Typography.Paragraph>重要线索逾期未出核查结果，已升级至督察组。</Typography.Paragraph>
      {leads.isError && <Alert type="error" showIcon role="alert" title={sentenceOf(leads.error)} />}
      <Card>
        <Table<Lead>
          aria-label="已升级的线索"
          rowKey="id"
          size="small"
          loading={leads.isFetching}
          columns={columns}
          dataSource={leads.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: leads.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: setPage,
          }}
          locale={{ emptyText: <Typography.Text>没有已升级的线索</Typography.Text> }}
        />
      </Card>
      <RetailerDrawer retailerId={retailerId} onClose={() => setRetailerId(undefined)} />
      {inspecting && (
        <FormModal<Inspection, Lead>
          title={`督办线索 ${inspecting.id}`}
          okText="提交"
          initialValues={{ requireAction: true }}
          onClose={() => setInspecting(undefined)}
          save={(values) => inspectLead(inspecting.id, values)}
          onSaved={(lead) => {
            setInspecting(undefined);
            void message.success(
              lead.status === 'escalated' ? '已记录意见' : `已督办，状态：${lead.statusLabel}`,
            );
            void queryClient.invalidateQueries({ queryKey: ['leads'] });
          }}
        >
          <Form.Item
            name="comment"
            label="督办意见"
            rules={[{ required: true, min: 2, max: 2000, message: '请填写督办意见（2–2000 字）' }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="requireAction" valuePropName="checked">
            <Checkbox>退回执法中队限期处理</Checkbox>
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
