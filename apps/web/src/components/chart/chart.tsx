import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd-mobile';
import type { EChartsCoreOption } from 'echarts/core';

const EChartsChart = lazy(() => import('./echarts-chart'));

/**
 * A chart, with ECharts loaded the first time one is shown. `label` describes it for screen readers (the
 * figures are also given as text beside every chart).
 */
export function Chart(props: { option: EChartsCoreOption; label: string }) {
  return (
    <Suspense fallback={<Skeleton.Paragraph lineCount={5} animated />}>
      <EChartsChart {...props} />
    </Suspense>
  );
}
