import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { sentenceOf } from '@/lib/errors';
import { useTerritories } from '../desk-api';
import { putOrderSchedule, useOrderSchedules, type OrderSchedule } from './people-api';

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

interface Row {
  territoryId: number;
  code: string;
  name: string;
  serviceCenterName: string;
  schedule: OrderSchedule | undefined;
}

type ScheduleForm = Omit<OrderSchedule, 'territoryId'>;

/** The window in words: "周一订货，前 1 天 12:00 开放，当天 16:00 截单". */
function windowText(schedule: OrderSchedule): string {
  const opens = schedule.opensDaysBefore ? `前 ${schedule.opensDaysBefore} 天` : '当天';
  return `${opens} ${schedule.opensAtTime} 开放，订货日 ${schedule.cutoffTime} 截单`;
}

/**
 * Each territory's weekly order day and window times. Saving one replans the territory's coming cycles at once
 * (those not yet open), as the page says.
 */
export default function OrderDaysPage() {
  const territories = useTerritories();
  const schedules = useOrderSchedules();
  const [editing, setEditing] = useState<Row>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const byTerritory = new Map((schedules.data ?? []).map((s) => [s.territoryId, s]));
  const rows: Row[] = (territories.data ?? []).map((territory) => ({
    territoryId: territory.id,
    code: territory.code,
    name: territory.name,
    serviceCenterName: territory.serviceCenterName,
    schedule: byTerritory.get(territory.id),
  }));
  const columns: ColumnsType<Row> = [
    { title: '客户服务部', dataIndex: 'serviceCenterName' },
    { title: '片区', render: (_, row) => `${row.name}（${row.code}）` },
    {
      title: '订货日',
      render: (_, row) => (row.schedule ? WEEKDAYS[row.schedule.orderWeekday - 1] : '未设置'),
    },
    { title: '订货窗口', render: (_, row) => (row.schedule ? windowText(row.schedule) : '—') },
    {
      title: '操作',
      render: (_, row) => (
        <Button size="small" onClick={() => setEditing(row)} aria-label={`设置${row.name}的订货日`}>
          设置
        </Button>
      ),
    },
  ];
  const error = territories.error ?? schedules.error;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        订货日设置
      </Typography.Title>
      <Typography.Paragraph>
        保存后即按新的订货日重新排定该片区尚未开放的订货周期；已开放的周期不受影响。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={sentenceOf(error)} />}
      <Card>
        <Table<Row>
          aria-label="片区订货日"
          rowKey="territoryId"
          size="small"
          loading={territories.isFetching || schedules.isFetching}
          columns={columns}
          dataSource={rows}
          pagination={false}
        />
      </Card>
      {editing && (
        <ScheduleModal
          row={editing}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            void message.success(`${editing.name}改为每${WEEKDAYS[saved.orderWeekday - 1]}订货`);
            void queryClient.invalidateQueries({ queryKey: ['order-schedules'] });
            void queryClient.invalidateQueries({ queryKey: ['cycle-board'] });
          }}
        />
      )}
    </>
  );
}

function ScheduleModal(props: { row: Row; onClose: () => void; onSaved: (saved: OrderSchedule) => void }) {
  const [form] = Form.useForm<ScheduleForm>();
  const save = useMutation({
    mutationFn: (values: ScheduleForm) => putOrderSchedule(props.row.territoryId, values),
    onSuccess: props.onSaved,
  });
  const time = [{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: '时间格式如 16:00' }];
  return (
    <Modal
      open
      title={`设置${props.row.name}的订货日`}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => void form.validateFields().then((values) => save.mutate(values))}
      onCancel={props.onClose}
    >
      {save.isError && <Alert type="error" showIcon role="alert" title={sentenceOf(save.error)} />}
      <Form<ScheduleForm>
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        initialValues={
          props.row.schedule ?? {
            orderWeekday: 1,
            opensDaysBefore: 1,
            opensAtTime: '12:00',
            cutoffTime: '16:00',
          }
        }
      >
        <Form.Item name="orderWeekday" label="订货日" rules={[{ required: true }]}>
          <Select options={WEEKDAYS.map((label, index) => ({ value: index + 1, label }))} />
        </Form.Item>
        <Form.Item name="opensDaysBefore" label="提前开放天数" rules={[{ required: true }]}>
          <InputNumber min={0} max={6} precision={0} />
        </Form.Item>
        <Form.Item name="opensAtTime" label="开放时间" rules={[{ required: true }, ...time]}>
          <Input />
        </Form.Item>
        <Form.Item name="cutoffTime" label="截单时间" rules={[{ required: true }, ...time]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
