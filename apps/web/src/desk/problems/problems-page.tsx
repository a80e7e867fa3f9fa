import { useState } from 'react';
import { Alert, Button, Card, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { answerProblem, useProblems, type Problem } from '@/features/problems';
import { sentenceOf } from '@/lib/errors';
import { dayAndTime } from '@/lib/format';

type Show = 'awaiting' | 'all';

/**
 * Problems between the three roles 三员互动问题 of the center (inspectors: the department), those waiting for an
 * answer first by default: who raised it about which role, at which retailer, by when; answer in a dialog.
 */
export default function ProblemsPage() {
  const [show, setShow] = useState<Show>('awaiting');
  const problems = useProblems(show === 'awaiting' ? { awaitingAnswer: true } : {});
  const [answering, setAnswering] = useState<Problem>();
  const columns: ColumnsType<Problem> = [
    { title: '提出时间', render: (_, row) => dayAndTime(row.raisedAt) },
    {
      title: '零售户',
      render: (_, row) => <Link to={`/desk/retailers/${row.retailerId}/timeline`}>{row.shopName}</Link>,
    },
    { title: '问题', render: (_, row) => `${row.kindLabel}（涉及${row.aboutRoleLabel}）` },
    { title: '描述', dataIndex: 'description' },
    { title: '提出人', render: (_, row) => `${row.raiserName}（${row.raiserRoleLabel}）` },
    {
      title: '答复期限',
      render: (_, row) => (
        <Typography.Text type={row.overdue ? 'danger' : undefined}>
          {dayAndTime(row.deadlineAt)}
          {row.overdue ? '（已逾期）' : ''}
        </Typography.Text>
      ),
    },
    {
      title: '状态',
      render: (_, row) => <Tag color={row.status === 'escalated' ? 'red' : undefined}>{row.statusLabel}</Tag>,
    },
    {
      title: '答复',
      render: (_, row) =>
        row.allowedEvents.includes('answer') ? (
          <Button size="small" type="primary" onClick={() => setAnswering(row)}>
            答复
          </Button>
        ) : (
          `${row.answer ?? ''}${row.answererName ? `（${row.answererName}）` : ''}`
        ),
    },
  ];
  return (
    <Card
      title="三员互动问题"
      extra={
        <Segmented<Show>
          value={show}
          onChange={setShow}
          options={[
            { label: '待答复', value: 'awaiting' },
            { label: '全部', value: 'all' },
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary">
        客户经理、专卖管理员和送货员相互反映的问题，由零售户所属客户服务部的市场经理在期限内答复；逾期未答复的自动转督察组。
      </Typography.Paragraph>
      {problems.isError && <Alert type="error" showIcon message={sentenceOf(problems.error)} />}
      <Table<Problem>
        rowKey="id"
        size="small"
        loading={problems.isPending}
        columns={columns}
        dataSource={problems.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: show === 'awaiting' ? '没有待答复的问题。' : '没有问题。' }}
      />
      {answering && <AnswerDialog problem={answering} onDone={() => setAnswering(undefined)} />}
    </Card>
  );
}

function AnswerDialog({ problem, onDone }: { problem: Problem; onDone: () => void }) {
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (text.trim().length < 2) return setError('请填写答复（至少 2 个字）。');
    setBusy(true);
    try {
      await answerProblem(problem.id, text.trim());
      await client.invalidateQueries({ queryKey: ['problems'] });
      onDone();
    } catch (e) {
      setError(sentenceOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`答复：${problem.kindLabel}（${problem.shopName}）`}
      okText="提交答复"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void send()}
      onCancel={onDone}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>{problem.description}</Typography.Text>
        <Input.TextArea
          aria-label="答复内容"
          rows={4}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {error && <Alert type="error" showIcon message={error} />}
      </Space>
    </Modal>
  );
}
