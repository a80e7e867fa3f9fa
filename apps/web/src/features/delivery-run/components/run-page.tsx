import { List, ProgressBar, Result, Skeleton, Tag } from 'antd-mobile';
import { Link } from 'react-router';
import { Figures } from '@/components/figures';
import { cartons, chineseDate, timeOfDay } from '@/lib/format';
import { sentenceOf } from '@/lib/errors';
import { useBrands } from '@/lib/queries/brands';
import { isOpen, mapLink, useDriverRun, useQueuedStops, type Stop } from '../api/run-api';

/**
 * 今日送货: the driver's stops of today in route order, each with its cartons by specification, a call button
 * and a map button, and how much of the run is done.
 */
export function RunPage() {
  const run = useDriverRun();
  const brands = useBrands();
  const queued = useQueuedStops();
  if (run.isPending) return <Skeleton.Paragraph lineCount={8} animated />;
  // Without a signal the run last loaded stays on the screen.
  if (!run.data) return <Result status="error" title="加载失败" description={sentenceOf(run.error)} />;
  const names = new Map((brands.data ?? []).map((b) => [b.id, b.name]));
  const stops = run.data.items;
  // A step queued on this phone is done at the door; the server has it once the signal returns.
  const done = stops.filter((stop) => !isOpen(stop) || queued.has(stop.id)).length;
  const total = stops.reduce((sum, stop) => sum + stop.cartons, 0);
  return (
    <div style={{ display: 'grid', gap: 12, paddingBottom: 24 }}>
      <div className="section">
        <h1 style={{ fontSize: 20, margin: '0 0 4px' }}>今日送货</h1>
        <p className="muted" style={{ margin: 0 }}>
          {chineseDate(run.data.date)} · {stops.length} 个站点 · 共 {cartons(total)}
        </p>
      </div>
      {stops.length > 0 && (
        <div
          className="section"
          role="progressbar"
          aria-label="送货进度"
          aria-valuemin={0}
          aria-valuemax={stops.length}
          aria-valuenow={done}
        >
          <ProgressBar percent={(done / stops.length) * 100} text={`已完成 ${done}/${stops.length}`} />
        </div>
      )}
      {stops.length > 0 && <RunSummary stops={stops} />}
      {stops.length === 0 ? (
        <p className="muted section">今天没有送货任务。</p>
      ) : (
        <section aria-label="送货站点">
          <List>
            {stops.map((stop) => (
              <StopItem
                key={stop.id}
                stop={stop}
                queued={isOpen(stop) && queued.has(stop.id)}
                brandName={(id) => names.get(id) ?? `规格 ${id}`}
              />
            ))}
          </List>
        </section>
      )}
    </div>
  );
}

function StopItem({
  stop,
  queued,
  brandName,
}: {
  stop: Stop;
  queued: boolean;
  brandName: (id: number) => string;
}) {
  const { retailer } = stop;
  return (
    <List.Item
      aria-label={`第 ${stop.position} 站 ${retailer.shopName}`}
      prefix={<span aria-hidden="true">{stop.position}</span>}
      extra={
        queued ? (
          <Tag color="warning">待发送</Tag>
        ) : (
          <Tag color={isOpen(stop) ? 'primary' : stop.status === 'failed' ? 'danger' : 'success'}>
            {stop.statusLabel}
          </Tag>
        )
      }
      description={
        <div style={{ display: 'grid', gap: 6 }}>
          <span>
            {timeOfDay(stop.windowStart)}–{timeOfDay(stop.windowEnd)} · {retailer.address}
          </span>
          <span>
            {cartons(stop.cartons)}：
            {stop.lines.map((line) => `${brandName(line.brandId)} ${cartons(line.cartons)}`).join('，')}
          </span>
          {stop.proxyReceipt && (
            <span className="danger-text">
              代接货：{stop.receiverName}
              {stop.receiverRelation && `（${stop.receiverRelation}）`}
            </span>
          )}
          <span className="row" style={{ justifyContent: 'flex-start', gap: 16 }}>
            {retailer.phone && (
              <a
                href={`tel:${retailer.phone}`}
                aria-label={`拨打电话 ${retailer.shopName} ${retailer.phone}`}
              >
                <span aria-hidden="true">☎ </span>拨打电话
              </a>
            )}
            <a href={mapLink(retailer.address)} aria-label={`地图导航 ${retailer.shopName}`}>
              <span aria-hidden="true">⌖ </span>地图导航
            </a>
          </span>
        </div>
      }
    >
      <Link to={`/dv/stops/${stop.id}`}>
        {retailer.shopName}（{retailer.ownerName}）
      </Link>
    </List.Item>
  );
}

/** 收车小结: what was delivered, what comes back, what is flagged (as the server has it). */
function RunSummary({ stops }: { stops: Stop[] }) {
  const sum = (of: Stop[]) => cartons(of.reduce((total, stop) => total + stop.cartons, 0));
  const delivered = stops.filter((stop) => stop.status === 'delivered' || stop.status === 'confirmed');
  const failed = stops.filter((stop) => stop.status === 'failed');
  const proxy = stops.filter((stop) => stop.proxyReceipt);
  return (
    <div className="section">
      <Figures
        label="收车小结"
        figures={[
          { label: `已送达 ${delivered.length} 站`, value: sum(delivered) },
          { label: `未送达带回 ${failed.length} 站`, value: sum(failed), alarming: failed.length > 0 },
          { label: '代接货（已标记）', value: `${proxy.length} 站`, alarming: proxy.length > 0 },
        ]}
      />
    </div>
  );
}
