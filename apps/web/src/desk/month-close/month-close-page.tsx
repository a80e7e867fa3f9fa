import { MonthSelect, recentMonths } from '../month-select';
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, List, Space, Table, Typography } from 'antd';
import { sentenceOf } from '@/lib/errors';
import { chineseMonth, dateWithWeekday, dayAndTime } from '@/lib/format';
import { useSessionUser } from '@/hooks/use-session';
import { useNow } from '@/hooks/use-now';
import { downloadKpiWorkbook } from '../desk-api';
import {
  approveCorrection,
  openCorrection,
  rejectCorrection,
  useCorrections,
  useMonthCloseJob,
  useMonthReadiness,
  useMonthVersions,
  type Correction,
  type Readiness,
} from './month-close-api';

const OUTCOME_LABELS: Record<string, string> = {
  done: '已完成',
  waiting: '等待中',
  'nothing-due': '无需执行',
  failed: '失败',
};

const CYCLE_STATUS_LABELS: Record<string, string> = {
  scheduled: '未开放',
  open: '订货中',
  cut_off: '已截单，待汇总',
};

/**
 * A month's close 月结: whether it is closed (its versions, each correction that made one), what the month-close
 * job still waits for (heads and admins see the job board), the month's workbook (the stored one once closed),
 * and its corrections: a department head opens one with its reason; an inspector approves or rejects it.
 */
export default function MonthClosePage() {
  const user = useSessionUser();
  const now = useNow(60_000);
  const months = recentMonths(now, 6, false);
  const [month, setMonth] = useState(months[0]);
  const versions = useMonthVersions(month);
  const corrections = useCorrections(month);
  const readiness = useMonthReadiness(month);
  const job = useMonthCloseJob(user?.role === 'department_head' || user?.role === 'admin');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const latest = versions.data?.versions.at(-1);
  const open = corrections.data?.find((c) => c.status === 'open');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['corrections'] });
    void queryClient.invalidateQueries({ queryKey: ['month-versions'] });
    void queryClient.invalidateQueries({ queryKey: ['month-readiness'] });
  };
  const download = useMutation({
    mutationFn: () => downloadKpiWorkbook(month),
    onError: (error) => void message.error(sentenceOf(error)),
  });
  if (!user) return null;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        月结
      </Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        <MonthSelect months={months} value={month} onChange={setMonth} />
        <Button loading={download.isPending} onClick={() => download.mutate()}>
          下载{chineseMonth(month)}考核工作簿
        </Button>
      </Space>
      {versions.isError && <Alert type="error" showIcon role="alert" title={sentenceOf(versions.error)} />}
      <Card title="结账状态" size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          column={2}
          size="small"
          items={[
            {
              label: '状态',
              children: latest
                ? `已结账，第 ${latest.version} 版（${dayAndTime(latest.closedAt)}）`
                : versions.isLoading
                  ? '…'
                  : '尚未结账：工作簿为实时计算',
            },
            {
              label: '工作簿',
              children: latest ? `已存档（SHA-256 ${latest.workbookSha256.slice(0, 12)}…）` : '结账时存档',
            },
          ]}
        />
        {(versions.data?.versions.length ?? 0) > 1 && (
          <Table
            aria-label="各版本"
            rowKey="version"
            size="small"
            pagination={false}
            style={{ marginTop: 12 }}
            dataSource={versions.data!.versions}
            columns={[
              {
                title: '版本',
                render: (_, v) => `第 ${v.version} 版${v.supersededBy ? '（已被取代）' : ''}`,
              },
              { title: '结账时间', render: (_, v) => dayAndTime(v.closedAt) },
              { title: '更正原因', render: (_, v) => v.correction?.reason ?? '—' },
            ]}
          />
        )}
      </Card>
      <MonthReadinessCard month={month} readiness={readiness.data} error={readiness.error} />
      {job.isSuccess && job.data && (
        <Card title="月结任务" size="small" style={{ marginBottom: 16 }}>
          <Descriptions
            column={2}
            size="small"
            items={[
              { label: '执行时间', children: job.data.schedule.when },
              { label: '下次执行', children: dayAndTime(job.data.nextDueAt) },
              {
                label: '上次执行',
                children: job.data.lastRuns[0]
                  ? `${dayAndTime(job.data.lastRuns[0].finishedAt)} ${OUTCOME_LABELS[job.data.lastRuns[0].outcome] ?? job.data.lastRuns[0].outcome}`
                  : '尚未执行',
              },
            ]}
          />
        </Card>
      )}
      <Card title="更正" size="small">
        {corrections.isError && <Alert type="error" showIcon title={sentenceOf(corrections.error)} />}
        <Table<Correction>
          aria-label="更正记录"
          rowKey="id"
          size="small"
          pagination={false}
          loading={corrections.isFetching}
          dataSource={corrections.data ?? []}
          columns={[
            { title: '申请时间', render: (_, c) => dayAndTime(c.openedAt) },
            { title: '原因', dataIndex: 'reason' },
            { title: '状态', dataIndex: 'statusLabel' },
            { title: '审批意见', render: (_, c) => c.decisionNote ?? '—' },
            { title: '生成版本', render: (_, c) => (c.version ? `第 ${c.version} 版` : '—') },
          ]}
          locale={{ emptyText: <Typography.Text>本月没有更正</Typography.Text> }}
        />
        {user.role === 'department_head' && latest && !open && (
          <OpenCorrectionForm month={month} onOpened={refresh} />
        )}
        {user.role === 'inspector' && open && <DecideCorrection month={month} onDecided={refresh} />}
      </Card>
    </>
  );
}

/** What the month's close waits for: the month-close job's conditions, and the cycles not final yet. */
function MonthReadinessCard(props: { month: string; readiness: Readiness | undefined; error: Error | null }) {
  const { readiness } = props;
  return (
    <Card title="月结条件" size="small" style={{ marginBottom: 16 }}>
      {props.error && <Alert type="error" showIcon title={sentenceOf(props.error)} />}
      {readiness &&
        (readiness.closed ? (
          <Typography.Text>{chineseMonth(props.month)}已结账，不再等待。</Typography.Text>
        ) : (
          <>
            <Typography.Paragraph>补录宽限期至 {readiness.graceEnd}。</Typography.Paragraph>
            {readiness.waitingFor.length ? (
              <List
                size="small"
                header={<Typography.Text strong>正在等待</Typography.Text>}
                dataSource={readiness.waitingFor}
                renderItem={(wait) => <List.Item>{wait.text}</List.Item>}
              />
            ) : (
              <Typography.Text>条件已齐备：月结任务下次执行时即结账。</Typography.Text>
            )}
            {readiness.unfinishedCycles.length > 0 && (
              <Table
                aria-label="尚未汇总的订货周期"
                rowKey="id"
                size="small"
                style={{ marginTop: 12 }}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={readiness.unfinishedCycles}
                columns={[
                  { title: '片区', render: (_, c) => c.territoryName ?? c.territoryId },
                  { title: '订货日', render: (_, c) => dateWithWeekday(c.orderDate) },
                  { title: '状态', render: (_, c) => CYCLE_STATUS_LABELS[c.status] ?? c.status },
                ]}
              />
            )}
          </>
        ))}
    </Card>
  );
}

function OpenCorrectionForm({ month, onOpened }: { month: string; onOpened: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (reason: string) => openCorrection(month, reason),
    onSuccess: () => {
      void message.success('已提交更正申请，待督察组审批');
      form.resetFields();
      onOpened();
    },
  });
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ marginTop: 16 }}
      onFinish={(values) => save.mutate(values.reason.trim())}
    >
      {save.isError && <Alert type="error" showIcon role="alert" title={sentenceOf(save.error)} />}
      <Form.Item
        name="reason"
        label="更正原因"
        rules={[{ required: true, min: 4, max: 1000, message: '请写明更正原因（4–1000 字）' }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        申请更正
      </Button>
    </Form>
  );
}

function DecideCorrection({ month, onDecided }: { month: string; onDecided: () => void }) {
  const [note, setNote] = useState('');
  const { message } = App.useApp();
  const decide = useMutation({
    mutationFn: (approve: boolean) =>
      approve ? approveCorrection(month, note || undefined) : rejectCorrection(month, note),
    onSuccess: (correction) => {
      void message.success(correction.status === 'approved' ? '已批准，本月已按更正重算' : '已驳回更正');
      onDecided();
    },
  });
  return (
    <Space direction="vertical" style={{ marginTop: 16, width: '100%' }}>
      {decide.isError && <Alert type="error" showIcon role="alert" title={sentenceOf(decide.error)} />}
      <Input.TextArea aria-label="审批意见" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <Space>
        <Button type="primary" loading={decide.isPending} onClick={() => decide.mutate(true)}>
          批准更正
        </Button>
        <Button danger disabled={!note.trim()} onClick={() => decide.mutate(false)}>
          驳回（需填写意见）
        </Button>
      </Space>
    </Space>
  );
}
