import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Progress,
  Radio,
  Space,
  Table,
  Typography,
} from 'antd';
import { sentenceOf } from '@/lib/errors';
import { chineseDate, percent } from '@/lib/format';
import { useNow } from '@/hooks/use-now';
import { useSessionUser } from '@/hooks/use-session';
import { GUIDANCE_TOPIC_LABELS } from '@/features/visits';
import { FormModal } from '../form-modal';
import { MonthSelect, recentMonths } from '../month-select';
import { usePeople, useRetailer } from '../inspection/inspection-api';
import { checkVisit, useAttainment, useCheckSample, useVisit, type SampledVisit } from './guidance-api';

interface SampleRow extends SampledVisit {
  accountManagerName: string;
}

/**
 * Guidance checks 经营指导检查: the guidance visits the system drew for checking (per account manager, the size the
 * department's policy sets), progress against the sample, and the check form for a market manager: was the
 * guidance effective (yes/no, as the KPI counts it) with a note. Beside it each account manager's visits and
 * calls against the month's targets.
 */
export default function GuidanceChecksPage() {
  const user = useSessionUser();
  const now = useNow(60_000);
  const months = recentMonths(now, 3, true);
  const [month, setMonth] = useState(months[0]);
  const [checking, setChecking] = useState<SampleRow>();
  const sample = useCheckSample(month);
  const attainment = useAttainment(month);
  const people = usePeople();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const nameOf = (id: number) => people.data?.find((p) => p.id === id)?.displayName ?? `#${id}`;
  const departments = sample.data?.departments ?? [];
  const rows: SampleRow[] = departments.flatMap((d) =>
    d.accountManagers.flatMap((am) =>
      am.sample.map((visit) => ({ ...visit, accountManagerName: nameOf(am.accountManagerId) })),
    ),
  );
  const checked = rows.filter((row) => row.check !== null).length;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        经营指导检查
      </Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        <MonthSelect months={months} value={month} onChange={setMonth} />
      </Space>
      {sample.isError && <Alert type="error" showIcon role="alert" title={sentenceOf(sample.error)} />}
      <Card title="抽查进度" size="small" style={{ marginBottom: 16 }}>
        {departments.map((d) => (
          <Typography.Paragraph key={d.departmentId}>
            每名客户经理抽查 {d.size} 次指导拜访；
            {d.frozen ? '抽样已固定。' : `抽样为暂定，${chineseDate(d.windowClosesOn)}补录截止后固定。`}
          </Typography.Paragraph>
        ))}
        <Progress
          aria-label="已检查"
          percent={rows.length ? Math.round((checked * 100) / rows.length) : 0}
          format={() => `已检查 ${checked} / ${rows.length}`}
        />
      </Card>
      <Card title="抽中的指导拜访" size="small" style={{ marginBottom: 16 }}>
        <Table<SampleRow>
          aria-label="抽中的指导拜访"
          rowKey="id"
          size="small"
          loading={sample.isFetching}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '客户经理', dataIndex: 'accountManagerName' },
            { title: '拜访日', render: (_, row) => chineseDate(row.visitedOn) },
            { title: '零售户', render: (_, row) => <RetailerName id={row.retailerId} /> },
            {
              title: '指导内容',
              render: (_, row) =>
                row.guidance?.topics
                  .map((t) => GUIDANCE_TOPIC_LABELS[t as keyof typeof GUIDANCE_TOPIC_LABELS] ?? t)
                  .join('、') ?? '—',
            },
            {
              title: '检查结果',
              render: (_, row) =>
                row.check ? `${row.check.effective ? '有效' : '无效'}（${row.check.note}）` : '未检查',
            },
            {
              title: '操作',
              render: (_, row) =>
                user?.role === 'market_manager' && !row.check ? (
                  <Button
                    size="small"
                    onClick={() => setChecking(row)}
                    aria-label={`检查${row.accountManagerName}${row.visitedOn}的拜访`}
                  >
                    检查
                  </Button>
                ) : null,
            },
          ]}
          locale={{ emptyText: <Typography.Text>本月没有抽中的指导拜访</Typography.Text> }}
        />
      </Card>
      <Card title="拜访与电话完成情况" size="small">
        {attainment.isError && <Alert type="error" showIcon title={sentenceOf(attainment.error)} />}
        <Table
          aria-label="拜访与电话完成情况"
          rowKey="accountManagerId"
          size="small"
          loading={attainment.isFetching}
          dataSource={attainment.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '客户经理', render: (_, row) => nameOf(row.accountManagerId) },
            {
              title: '拜访（次）',
              align: 'right',
              render: (_, row) => `${row.visits.done} / ${row.visits.targetToDate}`,
            },
            { title: '拜访完成率', align: 'right', render: (_, row) => percent(row.visits.attainment.ratio) },
            {
              title: '电话（次）',
              align: 'right',
              render: (_, row) => `${row.calls.done} / ${row.calls.targetToDate}`,
            },
            { title: '电话完成率', align: 'right', render: (_, row) => percent(row.calls.attainment.ratio) },
          ]}
        />
      </Card>
      {checking && (
        <CheckModal
          visit={checking}
          onClose={() => setChecking(undefined)}
          onChecked={() => {
            setChecking(undefined);
            void message.success('已记录检查结果');
            void queryClient.invalidateQueries({ queryKey: ['check-sample'] });
          }}
        />
      )}
    </>
  );
}

function RetailerName({ id }: { id: number }) {
  const retailer = useRetailer(id);
  return <>{retailer.data ? `${retailer.data.shopName}（${retailer.data.licenseNo}）` : '…'}</>;
}

/** A market manager's check of a sampled visit in the field: was the guidance effective, and why. */
function CheckModal(props: { visit: SampleRow; onClose: () => void; onChecked: () => void }) {
  const visit = useVisit(props.visit.id);
  const data = visit.data;
  return (
    <FormModal<{ effective: boolean; note: string }, unknown>
      title={`检查${props.visit.accountManagerName}的指导拜访`}
      okText="提交检查"
      onClose={props.onClose}
      save={(values) => checkVisit(props.visit.id, values)}
      onSaved={props.onChecked}
      before={
        <>
          {visit.isError && <Alert type="error" showIcon title={sentenceOf(visit.error)} />}
          <Descriptions
            style={{ marginTop: 16 }}
            column={1}
            size="small"
            items={[
              { label: '零售户', children: <RetailerName id={props.visit.retailerId} /> },
              { label: '拜访日', children: chineseDate(props.visit.visitedOn) },
              { label: '指导建议', children: data?.guidance?.advice ?? '—' },
              { label: '拜访记录', children: data?.notes ?? '—' },
            ]}
          />
        </>
      }
    >
      <Form.Item
        name="effective"
        label="指导是否有效"
        rules={[{ required: true, message: '请选择是否有效' }]}
      >
        <Radio.Group
          options={[
            { value: true, label: '有效' },
            { value: false, label: '无效' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label="检查说明"
        rules={[{ required: true, whitespace: true, message: '请填写检查说明' }]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
