import { Button, List, Skeleton, Tag } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { businessDate, chineseDate } from '@/lib/format';
import { allRetailers } from '@/lib/queries/retailers';
import { useNow } from '@/hooks/use-now';
import { useVisits, VISIT_KIND_LABELS } from '../api/visits-api';

/** The last 30 days' visits, with what the market manager's check said. */
export function VisitsPage() {
  const now = useNow();
  const navigate = useNavigate();
  const to = businessDate(now);
  const from = businessDate(new Date(now.getTime() - 30 * 86_400_000));
  const visits = useVisits(from, to);
  const retailers = useQuery({ queryKey: ['retailers'], queryFn: allRetailers });
  const names = new Map((retailers.data ?? []).map((r) => [r.id, r.shopName]));
  return (
    <>
      <div className="section row">
        <h1 style={{ fontSize: 20, margin: 0 }}>拜访</h1>
        <Button color="primary" size="small" onClick={() => navigate('/am/visits/new')}>
          记录拜访
        </Button>
      </div>
      {visits.isPending ? (
        <Skeleton.Paragraph lineCount={6} animated />
      ) : (
        <List header="近 30 天" aria-label="拜访列表">
          {(visits.data?.items ?? []).map((visit) => (
            <List.Item
              key={visit.id}
              description={`${chineseDate(visit.visitedOn)} · ${VISIT_KIND_LABELS[visit.kind]}${visit.priceCheckCount ? ` · 价格检查 ${visit.priceCheckCount} 个规格，${visit.priceNonCompliantCount} 个高于指导价` : ''}${visit.position ? ' · 已记录位置' : ''}`}
              prefix={
                visit.shelfPhotoId !== null ? (
                  // The session cookie carries the request: the API serves the photo to whoever may read the visit.
                  <img
                    src={`/api/attachments/${visit.shelfPhotoId}`}
                    alt="货架照片"
                    width={48}
                    height={48}
                    style={{ objectFit: 'cover', borderRadius: 4 }}
                  />
                ) : undefined
              }
              extra={
                visit.check ? (
                  <Tag color={visit.check.effective ? 'success' : 'danger'}>
                    {visit.check.effective ? '核查：有效' : '核查：无效'}
                  </Tag>
                ) : visit.kind === 'guidance' ? (
                  <Tag>未核查</Tag>
                ) : undefined
              }
            >
              {names.get(visit.retailerId) ?? `零售户 ${visit.retailerId}`}
            </List.Item>
          ))}
          {visits.data?.items.length === 0 && <List.Item>近 30 天没有拜访记录。</List.Item>}
        </List>
      )}
    </>
  );
}
