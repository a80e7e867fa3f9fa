import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Drawer, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { sentenceOf } from '@/lib/errors';
import { businessDate, dateWithWeekday, dayAndTime } from '@/lib/format';
import { useNow } from '@/hooks/use-now';
import { useAnomalies, useRetailer, useRetailerLeads, type Anomaly } from './inspection-api';

const RETAILER_STATUS: Record<string, string> = {
  active: '正常营业',
  suspended: '暂停营业',
  closed: '已注销',
};

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

/** A retailer as an inspector looks at it: who and where, and the leads raised about it. */
function RetailerDrawer({ retailerId, onClose }: { retailerId: number | undefined; onClose: () => void }) {
  const retailer = useRetailer(retailerId);
  const leads = useRetailerLeads(retailerId);
  const data = retailer.data;
  return (
    <Drawer open={retailerId !== undefined} onClose={onClose} size="large" title={data?.shopName ?? '零售户'}>
      {retailer.isError && <Alert type="error" showIcon title={sentenceOf(retailer.error)} />}
      {data && (
        <Descriptions
          column={2}
          size="small"
          items={[
            { label: '许可证号', children: data.licenseNo },
            { label: '经营者', children: data.ownerName },
            { label: '电话', children: data.phone ?? '—' },
            { label: '状态', children: RETAILER_STATUS[data.status] ?? data.status },
            { label: '片区', children: data.territoryName ?? '—' },
            { label: '客户服务部', children: data.serviceCenterName ?? '—' },
            { label: '档位', children: `${data.grade} 档${data.bigAccount ? '（大户）' : ''}` },
            { label: '地址', children: data.address, span: 2 },
          ]}
        />
      )}
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
        涉及该户的线索
      </Typography.Title>
      <Table
        aria-label="涉及该户的线索"
        rowKey="id"
        size="small"
        loading={leads.isLoading}
        dataSource={leads.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '上报时间', render: (_, lead) => dayAndTime(lead.reportedAt) },
          { title: '类型', dataIndex: 'kindLabel' },
          { title: '状态', dataIndex: 'statusLabel' },
          { title: '内容', dataIndex: 'description' },
        ]}
        locale={{ emptyText: <Typography.Text>暂无线索</Typography.Text> }}
      />
    </Drawer>
  );
}
