import { List, Result, Skeleton } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import type { EChartsCoreOption } from 'echarts/core';
import { Chart } from '@/components/chart/chart';
import { myKpis } from '@/lib/queries/kpis';
import { KPI_SHOWN as SHOWN } from '@/lib/kpis';
import { sentenceOf } from '@/lib/errors';
import { businessMonth, percent } from '@/lib/format';
import { useNow } from '@/hooks/use-now';

function monthsUpTo(month: string): string[] {
  const [year, m] = month.split('-').map(Number);
  return Array.from({ length: m }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** My KPIs: this month against targets, and the year so far month by month. */
export function KpisPage() {
  const now = useNow();
  const month = businessMonth(now);
  const kpis = useQuery({
    queryKey: ['my-kpis', month],
    queryFn: async () => {
      const months = monthsUpTo(month).slice(-6);
      const answers = await Promise.all(months.map(myKpis));
      return months.map((m, i) => ({ month: m, kpis: answers[i] }));
    },
  });
  if (kpis.isPending) return <Skeleton.Paragraph lineCount={10} animated />;
  if (kpis.isError) return <Result status="error" title="加载失败" description={sentenceOf(kpis.error)} />;
  const current = kpis.data[kpis.data.length - 1].kpis;
  const shown = SHOWN.flatMap(([code, label]) => {
    const cell = current[code];
    return cell ? [{ code, label, cell }] : [];
  });
  const bars: EChartsCoreOption = {
    grid: { left: 96, right: 16, top: 24, bottom: 24 },
    tooltip: {},
    xAxis: { type: 'value', max: 1.2, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    yAxis: { type: 'category', data: shown.map(({ label }) => label) },
    series: [
      { type: 'bar', name: '本月', data: shown.map(({ cell }) => cell.value ?? 0) },
      { type: 'bar', name: '目标', data: shown.map(({ cell }) => cell.target?.value ?? null) },
    ],
  };
  const trend: EChartsCoreOption = {
    grid: { left: 40, right: 16, top: 32, bottom: 24 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: kpis.data.map((row) => `${Number(row.month.slice(5))}月`) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: shown.slice(0, 3).map(({ code, label }) => ({
      type: 'line',
      name: label,
      data: kpis.data.map((row) => row.kpis[code]?.value ?? null),
    })),
  };
  return (
    <div style={{ paddingBottom: 24 }}>
      <h1 className="section" style={{ fontSize: 20 }}>
        我的考核
      </h1>
      <Chart option={bars} label="本月各项指标与目标" />
      <List header="本月（目标）">
        {shown.map(({ code, label, cell }) => (
          <List.Item
            key={code}
            extra={
              <span className={cell.status === 'below' ? 'danger-text' : undefined}>
                {percent(cell.value)}
                {cell.target?.value !== undefined ? `（${percent(cell.target.value)}）` : ''}
              </span>
            }
          >
            {label}
          </List.Item>
        ))}
      </List>
      <Chart option={trend} label="今年以来各月的指导面、有效指导率与拜访达成率" />
    </div>
  );
}
