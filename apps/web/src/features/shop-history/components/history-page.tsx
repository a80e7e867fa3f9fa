import { List, Skeleton, Tag } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { cartons, chineseDate, dateWithWeekday } from '@/lib/format';
import { allBrands } from '@/lib/queries/brands';
import { cyclesAround, DEMAND_STATUS_LABELS, demandsOf } from '@/lib/queries/ordering';
import { useSessionUser } from '@/hooks/use-session';

/** The retailer's orders by week and spec (newest first) and a way to its quota explained. */
export function HistoryPage() {
  const user = useSessionUser();
  const navigate = useNavigate();
  const retailerId = user!.retailerId!;
  const history = useQuery({
    queryKey: ['history', retailerId],
    queryFn: async () => {
      const [demands, brands, cycles] = await Promise.all([
        demandsOf({ retailerId }),
        allBrands(),
        cyclesAround('2000-01-01', '2100-01-01'),
      ]);
      const orderDates = new Map(cycles.map((c) => [c.id, c.orderDate]));
      const names = new Map(brands.map((b) => [b.id, b.name]));
      return demands
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((d) => ({ ...d, orderDate: orderDates.get(d.cycleId), names }));
    },
  });
  return (
    <>
      <h1 className="section" style={{ fontSize: 20 }}>
        订货历史
      </h1>
      <List>
        <List.Item onClick={() => navigate(`/retailers/${retailerId}`)}>我的额度说明</List.Item>
      </List>
      {history.isPending ? (
        <Skeleton.Paragraph lineCount={8} animated />
      ) : (
        <section aria-label="订货历史">
          <List header="按订货日">
            {(history.data ?? []).map((d) => (
              <List.Item
                key={d.id}
                description={d.lines
                  .map((line) => `${d.names.get(line.brandId) ?? line.brandId} ${cartons(line.cartons)}`)
                  .join('，')}
                extra={
                  <Tag color={d.status === 'ordered' ? 'success' : 'default'}>
                    {DEMAND_STATUS_LABELS[d.status] ?? d.status}
                  </Tag>
                }
              >
                {`${d.orderDate ? dateWithWeekday(d.orderDate) : chineseDate(d.createdAt)} · ${cartons(d.totalCartons)}${d.channel === 'collected' ? ' · 代收' : ''}`}
              </List.Item>
            ))}
            {history.data?.length === 0 && <List.Item>还没有订货记录。</List.Item>}
          </List>
        </section>
      )}
    </>
  );
}
