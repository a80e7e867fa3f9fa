import { Link } from 'react-router';
import { Alert, Descriptions, Drawer, Table, Typography } from 'antd';
import { sentenceOf } from '@/lib/errors';
import { dayAndTime } from '@/lib/format';
import { useRetailer, useRetailerLeads } from './inspection-api';

const RETAILER_STATUS: Record<string, string> = {
  active: '正常营业',
  suspended: '暂停营业',
  closed: '已注销',
};

/** A retailer as an inspector looks at it: who and where, the leads raised about it, and its three-role timeline. */
export function RetailerDrawer({
  retailerId,
  onClose,
}: {
  retailerId: number | undefined;
  onClose: () => void;
}) {
  const retailer = useRetailer(retailerId);
  const leads = useRetailerLeads(retailerId);
  const data = retailer.data;
  return (
    <Drawer
      open={retailerId !== undefined}
      onClose={onClose}
      size="large"
      title={data?.shopName ?? '零售户'}
      extra={
        retailerId !== undefined && <Link to={`/desk/retailers/${retailerId}/timeline`}>三员时间线</Link>
      }
    >
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
