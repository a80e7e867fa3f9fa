import { useState } from 'react';
import { Button, Card, List, Skeleton } from 'antd-mobile';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Notice } from '@/components/notice';
import { sentenceOf } from '@/lib/errors';
import { cartons, chineseDate, dayAndTime, timeOfDay } from '@/lib/format';
import { useBrands } from '@/lib/queries/brands';
import { confirmReceipt, todayDeliveries, type TodayDelivery } from '../api/receipt-api';
import { DeliveriesSection } from './deliveries-section';

const TODAY_KEY = ['deliveries-today'];

/**
 * The retailer's delivery of today on its phone: the door code to give the driver, and 确认收货 once the goods
 * are in the shop. Confirming here records the server's time, which is what the driver's punctuality is
 * judged by, so the retailer confirms when the goods arrive rather than later.
 */
export function ReceiptPage() {
  const queryClient = useQueryClient();
  const today = useQuery({ queryKey: TODAY_KEY, queryFn: todayDeliveries });
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const confirm = async (id: number) => {
    setMessage(null);
    try {
      await confirmReceipt(id);
      setMessage({ kind: 'success', text: '已确认收货。' });
    } catch (failure) {
      setMessage({ kind: 'error', text: sentenceOf(failure) });
    }
    await queryClient.invalidateQueries({ queryKey: TODAY_KEY });
  };

  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <h1 className="section" style={{ fontSize: 20, marginBottom: 0 }}>
        今日收货
      </h1>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {today.isPending && <Skeleton.Paragraph lineCount={4} animated />}
      {today.isError && <Notice kind="error">{sentenceOf(today.error)}</Notice>}
      {today.data && today.data.items.length === 0 && (
        <p className="muted">{chineseDate(today.data.date)}没有给您的送货。</p>
      )}
      {today.data?.items.map((delivery) => (
        <DeliveryCard key={delivery.id} delivery={delivery} onConfirm={() => void confirm(delivery.id)} />
      ))}
      <DeliveriesSection />
    </div>
  );
}

function DeliveryCard({ delivery, onConfirm }: { delivery: TodayDelivery; onConfirm: () => void }) {
  const brands = useBrands();
  const names = new Map((brands.data ?? []).map((b) => [b.id, b.name]));
  const { code } = delivery.doorCode;
  return (
    <Card title="今日送货" aria-label="今日送货">
      <List>
        <List.Item extra={delivery.statusLabel}>状态</List.Item>
        <List.Item extra={`${timeOfDay(delivery.windowStart)}–${timeOfDay(delivery.windowEnd)}`}>
          预计送达
        </List.Item>
        <List.Item
          extra={cartons(delivery.cartons)}
          description={delivery.lines
            .map((line) => `${names.get(line.brandId) ?? line.brandId} ${cartons(line.cartons)}`)
            .join('，')}
        >
          货品
        </List.Item>
      </List>
      {code && (
        <p>
          到户确认码{' '}
          <output style={{ fontSize: 28, letterSpacing: 4, fontWeight: 700 }} aria-label="到户确认码">
            {code}
          </output>
          <br />
          <span className="muted">送货员到店交货时，把确认码告诉他；仅今天、仅这一单有效。</span>
        </p>
      )}
      {delivery.confirmedAt ? (
        <p role="status">已于 {dayAndTime(delivery.confirmedAt)} 确认收货</p>
      ) : (
        delivery.status !== 'failed' && (
          <Button block color="primary" onClick={onConfirm}>
            确认收货
          </Button>
        )
      )}
    </Card>
  );
}
