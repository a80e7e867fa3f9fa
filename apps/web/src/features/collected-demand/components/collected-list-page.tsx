import { Button, List, Skeleton, Tag } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { Notice } from '@/components/notice';
import { cartons, dayAndTime } from '@/lib/format';
import { allRetailers } from '@/lib/queries/retailers';
import { DEMAND_STATUS_LABELS, demandsOf } from '@/lib/queries/ordering';

const STATUS_COLORS: Record<string, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  pending_confirmation: 'warning',
  pending_approval: 'primary',
  approved: 'success',
  ordered: 'success',
  rejected: 'danger',
  expired: 'default',
  cancelled: 'default',
};

/** The collected demands of the territory and their state until ordered. */
export function CollectedListPage() {
  const navigate = useNavigate();
  const sent = (useLocation().state as { sent?: string } | null)?.sent;
  const list = useQuery({
    queryKey: ['collected'],
    // States move on elsewhere (the retailer confirms, the market manager approves): ask again on every visit.
    staleTime: 0,
    queryFn: async () => {
      const [demands, retailers] = await Promise.all([demandsOf({ channel: 'collected' }), allRetailers()]);
      const names = new Map(retailers.map((r) => [r.id, r.shopName]));
      return demands
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, 50)
        .map((d) => ({ ...d, shopName: names.get(d.retailerId) ?? `零售户 ${d.retailerId}` }));
    },
  });
  return (
    <>
      <div className="section row">
        <h1 style={{ fontSize: 20, margin: 0 }}>代收需求</h1>
        <Button color="primary" size="small" onClick={() => navigate('/am/collect/new')}>
          新建代收
        </Button>
      </div>
      {sent && <Notice kind="success">{`已提交${sent}的代收需求。`}</Notice>}
      {list.isPending ? (
        <Skeleton.Paragraph lineCount={6} animated />
      ) : (
        <section aria-label="代收需求列表">
          <List>
            {(list.data ?? []).map((d) => (
              <List.Item
                key={d.id}
                description={`${cartons(d.totalCartons)} · 提交于 ${dayAndTime(d.createdAt)}${d.confirmedVia === 'signature' ? ' · 零售户已手写签名' : ''}${d.rejectReason ? ` · 驳回原因：${d.rejectReason}` : ''}`}
                extra={
                  <Tag color={STATUS_COLORS[d.status] ?? 'default'}>
                    {DEMAND_STATUS_LABELS[d.status] ?? d.status}
                  </Tag>
                }
              >
                {d.shopName}
              </List.Item>
            ))}
            {list.data?.length === 0 && <List.Item>还没有代收需求。</List.Item>}
          </List>
        </section>
      )}
    </>
  );
}
