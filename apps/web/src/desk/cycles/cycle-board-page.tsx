import { useState } from 'react';
import { Alert, Button, Card, Col, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { sentenceOf } from '@/lib/errors';
import dayjs from 'dayjs';
import { businessDate, chineseDate, countdown, dateWithWeekday, dayAndTime } from '@/lib/format';
import { useNow } from '@/hooks/use-now';
import { useCycleBoard, useWaitingRetailers, type BoardRow } from '../desk-api';

/** Where a cycle stands for a person: before its window, counting down to the cutoff, or past it. */
function windowState(row: BoardRow, now: Date): { label: string; color: string } {
  if (row.status === 'consolidated') return { label: '已汇总', color: 'default' };
  if (row.status === 'cut_off' || new Date(row.cutoffAt) <= now) return { label: '已截单', color: 'default' };
  if (new Date(row.opensAt) > now) return { label: `${dayAndTime(row.opensAt)} 开放`, color: 'default' };
  return { label: `距截单 ${countdown(row.cutoffAt, now)}`, color: 'processing' };
}

const sum = (rows: BoardRow[], pick: (row: BoardRow) => number) => rows.reduce((n, row) => n + pick(row), 0);

/**
 * This week's cycles of the market manager's territories: the window and cutoff countdown, and per territory and
 * account manager how many retailers submitted, were collected for (by step), said no demand or did nothing yet;
 * a row opens the retailers who still need a call.
 */
export default function CycleBoardPage() {
  const now = useNow();
  const [date, setDate] = useState(() => businessDate(now));
  const board = useCycleBoard(date);
  const rows = board.data?.cycles ?? [];
  const columns: ColumnsType<BoardRow> = [
    { title: '片区', dataIndex: 'territoryName' },
    { title: '客户经理', render: (_, row) => row.accountManagerName ?? '（空缺）' },
    { title: '订货日', render: (_, row) => dateWithWeekday(row.orderDate) },
    {
      title: '窗口',
      render: (_, row) => {
        const state = windowState(row, now);
        return (
          <>
            <div>
              {dayAndTime(row.opensAt)} – {dayAndTime(row.cutoffAt)}
            </div>
            <Tag color={state.color}>{state.label}</Tag>
          </>
        );
      },
    },
    { title: '零售户', dataIndex: 'retailers', align: 'right' },
    { title: '自主提报', dataIndex: 'submitted', align: 'right' },
    {
      title: '代收（待确认 / 待审批 / 已审批）',
      align: 'right',
      render: (_, row) => `${row.pendingConfirmation} / ${row.pendingApproval} / ${row.approved}`,
    },
    { title: '无需求', dataIndex: 'noDemand', align: 'right' },
    {
      title: '尚无动静',
      align: 'right',
      render: (_, row) =>
        row.nothingYet ? (
          <Typography.Text strong type="danger">
            {row.nothingYet}
          </Typography.Text>
        ) : (
          0
        ),
    },
    {
      title: '进度',
      width: 140,
      render: (_, row) => (
        <Progress
          percent={row.retailers ? Math.round(((row.retailers - row.nothingYet) / row.retailers) * 100) : 100}
          size="small"
          aria-label={`${row.territoryName}已有动静的零售户比例`}
        />
      ),
    },
  ];
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        订货周期看板
      </Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        <Button onClick={() => setDate(dayjs(date).subtract(7, 'day').format('YYYY-MM-DD'))}>上一周</Button>
        <Button onClick={() => setDate(businessDate(now))}>本周</Button>
        <Button onClick={() => setDate(dayjs(date).add(7, 'day').format('YYYY-MM-DD'))}>下一周</Button>
        <span aria-live="polite">{board.data ? `${chineseDate(board.data.weekStart)}起的一周` : ''}</span>
      </Space>
      {board.isError && <Alert type="error" showIcon title={sentenceOf(board.error)} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(
          [
            ['零售户', sum(rows, (row) => row.retailers)],
            ['自主提报', sum(rows, (row) => row.submitted)],
            ['代收', sum(rows, (row) => row.pendingConfirmation + row.pendingApproval + row.approved)],
            ['无需求', sum(rows, (row) => row.noDemand)],
            ['尚无动静', sum(rows, (row) => row.nothingYet)],
          ] as const
        ).map(([title, value]) => (
          <Col key={title} flex="1">
            <Card size="small">
              <Statistic title={title} value={value} suffix="户" />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Table<BoardRow>
          aria-label="本周订货周期"
          rowKey="cycleId"
          size="small"
          loading={board.isFetching}
          columns={columns}
          dataSource={rows}
          pagination={false}
          expandable={{
            expandedRowRender: (row) => <WaitingList cycleId={row.cycleId} />,
            rowExpandable: (row) => row.nothingYet > 0,
            expandIcon: ({ expanded, onExpand, record, expandable }) =>
              expandable ? (
                <Button size="small" type="link" onClick={(event) => onExpand(record, event)}>
                  {expanded ? '收起' : `待联系 ${record.nothingYet} 户`}
                </Button>
              ) : null,
          }}
          locale={{ emptyText: <Typography.Text>这一周没有订货周期</Typography.Text> }}
        />
      </Card>
    </>
  );
}

/** Who still needs a call in a cycle, those never called since the window opened first. */
function WaitingList({ cycleId }: { cycleId: number }) {
  const waiting = useWaitingRetailers(cycleId);
  if (waiting.isError) return <Alert type="error" showIcon title={sentenceOf(waiting.error)} />;
  return (
    <Table
      aria-label="待联系的零售户"
      rowKey="id"
      size="small"
      loading={waiting.isLoading}
      dataSource={waiting.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: '零售户', dataIndex: 'shopName' },
        { title: '许可证号', dataIndex: 'licenseNo' },
        { title: '经营者', dataIndex: 'ownerName' },
        {
          title: '电话',
          render: (_, retailer) =>
            retailer.phone ? <a href={`tel:${retailer.phone}`}>{retailer.phone}</a> : '—',
        },
        {
          title: '本周期致电',
          render: (_, retailer) => (retailer.calledAt ? dayAndTime(retailer.calledAt) : '未联系'),
        },
      ]}
    />
  );
}
