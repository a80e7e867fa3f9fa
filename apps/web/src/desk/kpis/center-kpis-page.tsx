import { MonthSelect, recentMonths } from '../month-select';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { EChartsCoreOption } from 'echarts/core';
import { Chart } from '@/components/chart/chart';
import { api, ask, type Schemas } from '@/lib/api';
import { sentenceOf } from '@/lib/errors';
import { percent } from '@/lib/format';
import { KPI_SHOWN } from '@/lib/kpis';
import { useNow } from '@/hooks/use-now';
import { downloadKpiWorkbook } from '../desk-api';

type KpiItem = Schemas['KpiRowResponse'];

/**
 * The center's KPIs: its account managers' month against the targets (a table and a chart), and the center's
 * KPI workbook to download.
 */
export default function CenterKpisPage() {
  const now = useNow(60_000);
  const months = recentMonths(now, 6, true);
  const [month, setMonth] = useState(months[0]);
  const [downloading, setDownloading] = useState(false);
  const { message } = App.useApp();
  const kpis = useQuery({
    queryKey: ['center-kpis', month],
    queryFn: () => ask(api.GET('/api/kpi/account-managers', { params: { query: { month } } })),
  });
  const items = kpis.data?.items ?? [];
  const shown = KPI_SHOWN.filter(([code]) => items.some((item) => item.kpis[code]));
  const columns: ColumnsType<KpiItem> = [
    { title: '片区', render: (_, item) => item.subject.name },
    { title: '客户经理', render: (_, item) => item.subject.accountManager?.displayName ?? '（空缺）' },
    ...shown.map(([code, label]) => ({
      title: label,
      align: 'right' as const,
      render: (_: unknown, item: KpiItem) => {
        const kpi = item.kpis[code];
        if (!kpi || kpi.value === null) return '—';
        return kpi.status === 'below' ? (
          <Typography.Text type="danger" title={`未达目标 ${percent(kpi.target?.value)}`}>
            {percent(kpi.value)}（未达标）
          </Typography.Text>
        ) : (
          percent(kpi.value)
        );
      },
    })),
  ];
  const chart: EChartsCoreOption = {
    grid: { left: 48, right: 16, top: 40, bottom: 24 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: items.map((item) => item.subject.accountManager?.displayName ?? item.subject.name),
    },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: shown.slice(0, 4).map(([code, label]) => ({
      type: 'bar',
      name: label,
      data: items.map((item) => item.kpis[code]?.value ?? null),
    })),
  };
  const download = async () => {
    setDownloading(true);
    try {
      await downloadKpiWorkbook(month);
    } catch (error) {
      void message.error(sentenceOf(error));
    } finally {
      setDownloading(false);
    }
  };
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        中心考核
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <label>
            月份 <MonthSelect months={months} value={month} onChange={setMonth} />
          </label>
          <Button type="primary" loading={downloading} onClick={() => void download()}>
            下载本中心考核工作簿（Excel）
          </Button>
        </Space>
      </Card>
      {kpis.isError && <Alert type="error" showIcon title={sentenceOf(kpis.error)} />}
      {items.length > 0 && (
        <Card title="客户经理本月指标" style={{ marginBottom: 16 }}>
          <Chart option={chart} label={`${month} 各客户经理主要考核指标柱状图（数值见下表）`} />
        </Card>
      )}
      <Card>
        <Table<KpiItem>
          aria-label="客户经理考核指标"
          rowKey={(item) => item.subject.id}
          size="small"
          loading={kpis.isFetching}
          columns={columns}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <Typography.Text>本月暂无考核数据</Typography.Text> }}
        />
      </Card>
    </>
  );
}
