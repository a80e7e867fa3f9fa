import { MonthSelect, recentMonths } from '../month-select';
import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { sentenceOf } from '@/lib/errors';
import { dateWithWeekday, percent } from '@/lib/format';
import { useNow } from '@/hooks/use-now';
import { useProhibitions, type Prohibitions } from './inspection-api';
import { RetailerDrawer } from './retailer-drawer';

type Group = Prohibitions['identicalGroups'][number];

/**
 * The month's six-prohibitions report 六不准: each territory's share of demand collected by its account manager,
 * groups of five or more retailers asking the very same lines in one cycle, and collected demands confirmed
 * from the address they were submitted from. Each retailer opens its card with the leads about it.
 */
export default function ProhibitionsPage() {
  const now = useNow(60_000);
  const months = recentMonths(now, 7, true);
  const [month, setMonth] = useState(months[0]);
  const [retailerId, setRetailerId] = useState<number>();
  const report = useProhibitions(month);
  const retailer = (id: number, shopName: string, licenseNo: string) => (
    <Button type="link" style={{ padding: 0 }} onClick={() => setRetailerId(id)}>
      {shopName}（{licenseNo}）
    </Button>
  );
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        六不准
      </Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        <MonthSelect months={months} value={month} onChange={setMonth} />
      </Space>
      {report.isError && <Alert type="error" showIcon role="alert" title={sentenceOf(report.error)} />}
      <Card title="代收占比（按片区）" size="small" style={{ marginBottom: 16 }}>
        <Table
          aria-label="代收占比"
          rowKey="territoryId"
          size="small"
          loading={report.isFetching}
          dataSource={report.data?.collectedShare ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: '片区', dataIndex: 'territoryName' },
            { title: '需求（笔）', dataIndex: 'demands', align: 'right' },
            { title: '客户经理代收（笔）', dataIndex: 'collected', align: 'right' },
            { title: '代收占比', align: 'right', render: (_, row) => percent(row.collectedShare) },
          ]}
          locale={{ emptyText: <Typography.Text>本月没有需求</Typography.Text> }}
        />
      </Card>
      <Card title="相同需求（同一周期五户及以上提报完全相同）" size="small" style={{ marginBottom: 16 }}>
        <Table<Group>
          aria-label="相同需求"
          rowKey={(row) => `${row.cycleId}-${row.signature}`}
          size="small"
          loading={report.isFetching}
          dataSource={report.data?.identicalGroups ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: '订货日', render: (_, row) => dateWithWeekday(row.orderDate) },
            { title: '片区', dataIndex: 'territoryName' },
            { title: '户数', dataIndex: 'retailers', align: 'right' },
            { title: '其中代收', dataIndex: 'collected', align: 'right' },
            {
              title: '零售户',
              render: (_, row) => (
                <Space size={[8, 0]} wrap>
                  {row.members.map((m) => (
                    <span key={m.retailerId}>{retailer(m.retailerId, m.shopName, m.licenseNo)}</span>
                  ))}
                </Space>
              ),
            },
          ]}
          locale={{ emptyText: <Typography.Text>本月没有相同需求</Typography.Text> }}
        />
      </Card>
      <Card title="代收需求由提报地址确认" size="small">
        <Table
          aria-label="同地址确认"
          rowKey="demandId"
          size="small"
          loading={report.isFetching}
          dataSource={report.data?.selfConfirmed ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: '订货日', render: (_, row) => dateWithWeekday(row.orderDate) },
            { title: '片区', dataIndex: 'territoryName' },
            { title: '零售户', render: (_, row) => retailer(row.retailerId, row.shopName, row.licenseNo) },
            { title: '客户经理', render: (_, row) => row.accountManagerName ?? row.accountManagerId },
          ]}
          locale={{ emptyText: <Typography.Text>本月没有同地址确认的代收需求</Typography.Text> }}
        />
      </Card>
      <RetailerDrawer retailerId={retailerId} onClose={() => setRetailerId(undefined)} />
    </>
  );
}
