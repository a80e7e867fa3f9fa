import type { InboxItem } from '../desk-api';

const WIDTH = 96;
const HEIGHT = 24;

/** The retailer's last order weeks as small bars, with the figures for screen readers and a tooltip. */
export function OrderWeeks({ weeks }: { weeks: InboxItem['orderWeeks'] }) {
  if (!weeks.length) return <span>无订货记录</span>;
  const most = Math.max(...weeks.map((week) => week.cartons), 1);
  const step = WIDTH / 12;
  const figures = weeks.map((week) => `${week.orderDate.slice(5)} ${week.cartons} 条`).join('，');
  const average = weeks.reduce((sum, week) => sum + week.cartons, 0) / weeks.length;
  return (
    <span title={figures} style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={`近 ${weeks.length} 周订货：${figures}`}>
        {weeks.map((week, index) => {
          const height = Math.max(1, Math.round((week.cartons / most) * HEIGHT));
          return (
            <rect
              key={week.orderDate}
              x={index * step + 1}
              y={HEIGHT - height}
              width={step - 2}
              height={height}
              fill="#0958d9"
            />
          );
        })}
      </svg>
      <span>周均 {average.toFixed(1)} 条</span>
    </span>
  );
}
