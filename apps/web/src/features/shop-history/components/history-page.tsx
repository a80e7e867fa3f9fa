import { List, Skeleton, Tag } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { cartons, chineseDate, dateWithWeekday } from '@/lib/format';
import { allBrands } from '@/lib/queries/brands';
import {
  cyclesAround,
  DEMAND_STATUS_LABELS,
  demandsOf,
  type OrderWeek,
  orderWeeksOf,
} from '@/lib/queries/ordering';
import { outcomeSentence, outcomeTotalSentence } from '@/lib/queries/supply';
import { useSessionUser } from '@/hooks/use-session';

/**
 * What the week's unified order made of the demand: ordered in full, or short — and for each spec it did not
 * get in full (or got under a 稍紧平衡 ratio), by how much and why.
 */
function WeekOutcome({ week, name }: { week: OrderWeek; name: (brandId: number) => string }) {
  const rationed = week.lines.filter((line) => line.ordered < line.asked || line.supplyRatioBp !== null);
  return (
    <div aria-label={`${chineseDate(week.orderDate)}订购结果`} role="note">
      <div>订购结果：{outcomeTotalSentence(week.askedCartons, week.orderedCartons)}</div>
      {rationed.map((line) => (
        <div key={line.brandId}>{outcomeSentence(line, name(line.brandId))}</div>
      ))}
    </div>
  );
}

/** The retailer's orders by week and spec (newest first) and a way to its quota explained. */
export function HistoryPage() {
  const user = useSessionUser();
  const navigate = useNavigate();
  const retailerId = user!.retailerId!;
  const history = useQuery({
    queryKey: ['history', retailerId],
    queryFn: async () => {
      const [demands, brands, cycles, weeks] = await Promise.all([
        demandsOf({ retailerId }),
        allBrands(),
        cyclesAround('2000-01-01', '2100-01-01'),
        orderWeeksOf(retailerId),
      ]);
      const orderDates = new Map(cycles.map((c) => [c.id, c.orderDate]));
      const names = new Map(brands.map((b) => [b.id, b.name]));
      // What each of the last 12 unified orders gave it (one read for the page, not one per week).
      const outcomes = new Map(weeks.filter((w) => w.lines.length > 0).map((w) => [w.orderDate, w]));
      return demands
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((d) => {
          const orderDate = orderDates.get(d.cycleId);
          const week = d.status === 'ordered' && orderDate ? outcomes.get(orderDate) : undefined;
          return { ...d, orderDate, names, week };
        });
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
                description={
                  <>
                    {d.lines
                      .map((line) => `${d.names.get(line.brandId) ?? line.brandId} ${cartons(line.cartons)}`)
                      .join('，')}
                    {d.week && <WeekOutcome week={d.week} name={(id) => d.names.get(id) ?? `规格 ${id}`} />}
                  </>
                }
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
