import { useState } from 'react';
import { Button, Card, Form, List, Selector } from 'antd-mobile';
import { DeliveryProblemFields, type DeliveryProblem } from '@/components/delivery-problem-fields';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Notice } from '@/components/notice';
import { idempotencyKey } from '@/lib/api';
import { sentenceOf } from '@/lib/errors';
import { cartons, chineseDate } from '@/lib/format';
import { myDeliveries, myFeedback, raiseFeedback, type Delivery, type Feedback } from '../api/receipt-api';

const DELIVERIES_KEY = ['my-deliveries'];
const FEEDBACK_KEY = ['my-delivery-feedback'];

/**
 * 送货记录: the retailer's recent deliveries, what was short, damaged or refused on each (its own feedback and
 * the driver's, with the answers), and a form to raise a problem about one of them.
 */
export function DeliveriesSection() {
  const deliveries = useQuery({ queryKey: DELIVERIES_KEY, queryFn: myDeliveries });
  const feedback = useQuery({ queryKey: FEEDBACK_KEY, queryFn: myFeedback });
  if (!deliveries.data) return null;
  const byDelivery = new Map<number, Feedback[]>();
  for (const item of feedback.data ?? [])
    byDelivery.set(item.deliveryId, [...(byDelivery.get(item.deliveryId) ?? []), item]);
  return (
    <>
      <section aria-label="送货记录">
        <List header="送货记录">
          {deliveries.data.map((delivery) => (
            <List.Item
              key={delivery.id}
              extra={delivery.statusLabel}
              description={
                <>
                  {delivery.proxyReceipt && <div>代接货：{delivery.receiverName}</div>}
                  {(byDelivery.get(delivery.id) ?? []).map((item) => (
                    <div key={item.id} className="danger-text">
                      {item.kindLabel}：{item.description}（{item.statusLabel}
                      {item.answer ? `，答复：${item.answer}` : ''}）
                    </div>
                  ))}
                </>
              }
            >
              {chineseDate(delivery.deliveryDate)} · {cartons(delivery.cartons)}
            </List.Item>
          ))}
          {deliveries.data.length === 0 && <List.Item>还没有送货记录。</List.Item>}
        </List>
      </section>
      {deliveries.data.length > 0 && <RaiseFeedback deliveries={deliveries.data} />}
    </>
  );
}

function RaiseFeedback({ deliveries }: { deliveries: Delivery[] }) {
  const queryClient = useQueryClient();
  const [deliveryId, setDeliveryId] = useState<number>(deliveries[0].id);
  const [kind, setKind] = useState<DeliveryProblem | null>(null);
  const [description, setDescription] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const send = async () => {
    if (!kind) return;
    setMessage(null);
    try {
      await raiseFeedback(deliveryId, { kind, description }, idempotencyKey());
      setKind(null);
      setDescription('');
      setMessage({ kind: 'success', text: '已提交反馈，客户经理和支点会处理。' });
      await queryClient.invalidateQueries({ queryKey: FEEDBACK_KEY });
    } catch (failure) {
      setMessage({ kind: 'error', text: sentenceOf(failure) });
    }
  };

  return (
    <Card title="反馈送货问题">
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <Form layout="vertical" aria-label="反馈送货问题">
        <Form.Item label="哪一次送货">
          <Selector<number>
            columns={2}
            value={[deliveryId]}
            onChange={(value) => value[0] && setDeliveryId(value[0])}
            options={deliveries.slice(0, 4).map((d) => ({
              label: `${chineseDate(d.deliveryDate)} ${cartons(d.cartons)}`,
              value: d.id,
            }))}
          />
        </Form.Item>
        <DeliveryProblemFields
          offered={['short', 'damaged', 'wrongGoods', 'late', 'other']}
          kind={kind}
          onKind={setKind}
          description={description}
          onDescription={setDescription}
          placeholder="填写问题说明"
        />
      </Form>
      <Button
        block
        color="primary"
        disabled={!kind || description.trim().length < 2}
        onClick={() => void send()}
      >
        提交反馈
      </Button>
    </Card>
  );
}
