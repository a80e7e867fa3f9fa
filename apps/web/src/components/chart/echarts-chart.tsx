import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { THEME } from '@/lib/theme';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/**
 * The canvas draws text in its own font, not the page's: the console's, so Chinese labels have glyphs everywhere.
 * Charts grow into place unless the phone asks for reduced motion.
 */
const CHART_THEME = {
  textStyle: { fontFamily: THEME.fontFamily },
  animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
};

/** An ECharts canvas (this module is its own chunk: only pages that show a chart load ECharts). */
export default function EChartsChart({ option, label }: { option: EChartsCoreOption; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(element.current!, CHART_THEME, { renderer: 'canvas' });
    chart.setOption(option);
    // A canvas keeps what it drew with the fonts of that moment: once the page's web font is in, draw again.
    void document.fonts.ready.then(() => {
      if (!chart.isDisposed()) chart.setOption(option, true);
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={element} className="chart" role="img" aria-label={label} />;
}
