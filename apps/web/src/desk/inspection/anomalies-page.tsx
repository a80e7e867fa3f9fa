import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { sentenceOf } from '@/lib/errors';
import { businessDate, dateWithWeekday } from '@/lib/format';
import { useNow } from '@/hooks/use-now';
import { useAnomalies, type Anomaly } from './inspection-api';
import { RetailerDrawer } from './retailer-drawer';

/**
 * Purchase anomalies 异常采购 over a range of order dates, across every cycle in scope: a spec ordered above
 * 2.2× the retailer's average of its previous three cycles. A row opens the retailer with its leads.
 */
export default function AnomaliesPage() {
  const now = useNow(60_000);
  const today = businessDate(now);
  const [range, setRange] = useState({
    fromDate: dayjs(today).subtract(27, 'day').format('YYYY-MM-DD'),
    toDate: today,
  });
  const [draft, setDraft] = useState(range);
  const [retailerId, setRetailerId] = useState<number>();
  const anomalies = useAnomalies(range.fromDate, range.toDate);
  const columns: ColumnsType<Anomaly> = [
    { title: '订货日', render: (_, row) => dateWithWeekday(row.orderDate) },
    { title: '片区', dataIndex: 'territoryName' },
    {
      title: '零售户',
      render: (_, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setRetailerId(row.retailerId)}>
          {row.shopName}（{row.licenseNo}）
        </Button>
      ),
    },
    { title: '规格', render: (_, row) => `${row.brandName}（${row.brandCode}）` },
    { title: '本期（条）', dataIndex: 'cartons', align: 'right' },
    {
      title: '前三期（条，近者在前）',
      render: (_, row) => row.priorCycleCartons.join(' / '),
    },
    {
      title: '倍数',
      align: 'right',
      render: (_, row) => (row.ratio === null ? '—' : `${row.ratio.toFixed(2)} 倍`),
    },
  ];
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        异常采购
      </Typography.Title>
      <Typography.Paragraph>
        某规格本期订购量超过该零售户前三期平均量 2.2 倍的记录（跨越所选日期内的全部订货周期，最长 92 天）。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input
          type="date"
          aria-label="开始日期"
          value={draft.fromDate}
          onChange={(event) => setDraft((d) => ({ ...d, fromDate: event.target.value }))}
        />
        <span>至</span>
        <Input
          type="date"
          aria-label="结束日期"
          value={draft.toDate}
          onChange={(event) => setDraft((d) => ({ ...d, toDate: event.target.value }))}
        />
        <Button type="primary" onClick={() => setRange(draft)}>
          查询
        </Button>
      </Space>
      {anomalies.isError && <Alert type="error" showIcon role="alert" title={sentenceOf(anomalies.error)} />}
      <Card>
        <Table<Anomaly>
          aria-label="异常采购记录"
          rowKey={(row) => `${row.demandId}-${row.brandId}`}
          size="small"
          loading={anomalies.isFetching}
          columns={columns}
          dataSource={anomalies.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Typography.Text>所选日期内没有异常采购</Typography.Text> }}
        />
      </Card>
      <RetailerDrawer retailerId={retailerId} onClose={() => setRetailerId(undefined)} />
    </>
  );
}
