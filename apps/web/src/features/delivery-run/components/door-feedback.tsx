import { useState } from 'react';
import { Button, Form } from 'antd-mobile';
import { DeliveryProblemFields, type DeliveryProblem } from '@/components/delivery-problem-fields';
import { Notice } from '@/components/notice';
import { idempotencyKey } from '@/lib/api';
import { sentenceOf } from '@/lib/errors';
import { sendOrQueue, type Stop } from '../api/run-api';

/**
 * 货品问题: short, damaged or refused goods recorded at the door as feedback on the stop; the account manager
 * and the supply point see it. Without a signal it waits in the outbox like the other door steps.
 */
export function DoorFeedback({ stop }: { stop: Stop }) {
  const [kind, setKind] = useState<DeliveryProblem | null>(null);
  const [description, setDescription] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    if (!kind) return;
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await sendOrQueue(
        { deliveryId: stop.id, step: 'feedback', body: { kind, description } },
        idempotencyKey(),
        `货品问题 · ${stop.retailer.shopName}`,
      );
      setKind(null);
      setDescription('');
      setMessage({
        kind: 'success',
        text:
          outcome === 'sent'
            ? '已记录货品问题，客户经理和支点订货员可以看到。'
            : '货品问题已保存在本机，网络恢复后自动发送。',
      });
    } catch (failure) {
      setMessage({ kind: 'error', text: sentenceOf(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" aria-label="货品问题">
      <Form.Header>货品问题（少送、破损、拒收）</Form.Header>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <DeliveryProblemFields
        offered={['short', 'damaged', 'refused', 'wrongGoods', 'other']}
        kind={kind}
        onKind={setKind}
        description={description}
        onDescription={setDescription}
        placeholder="填写货品问题说明，如少了哪个规格几条"
      />
      <div className="section">
        <Button
          block
          fill="outline"
          disabled={!kind || description.trim().length < 2}
          loading={busy}
          onClick={() => void send()}
        >
          记录货品问题
        </Button>
      </div>
    </Form>
  );
}
