import { useState } from 'react';
import { Button, Form, Input, List, Selector, Skeleton, Result, Tag, TextArea } from 'antd-mobile';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { NotFoundPage } from '@/components/not-found-page';
import { SignaturePad } from '@/components/signature-pad';
import { Notice } from '@/components/notice';
import { idempotencyKey } from '@/lib/api';
import { sentenceOf } from '@/lib/errors';
import { cartons, dayAndTime, timeOfDay } from '@/lib/format';
import { dropDraft, loadDraft, saveDraft } from '@/lib/offline/drafts';
import { useBrands } from '@/lib/queries/brands';
import {
  isOpen,
  mapLink,
  RUN_KEY,
  sendOrQueue,
  useDriverRun,
  type Completion,
  type DoorStep,
  type Stop,
} from '../api/run-api';
import { DoorFeedback } from './door-feedback';

type Receiver = Completion['receiver'];

/** What the driver has entered at this door so far, kept on the phone until sent. */
interface DoorDraft {
  /** The Idempotency-Key of this stop's step: a retry, or the outbox sending it later, records it once. */
  key: string;
  /** The phone's time when the driver pressed 到达. */
  arrivedAt?: string;
  receiver: Receiver;
  /** How the retailer confirms receipt on this phone: its door code, or its signature drawn on the screen. */
  via: 'code' | 'signature';
  doorCode: string;
  /** The phone's time when the six digits of the code were entered. */
  doorCodeEnteredAt?: string;
  receiverName: string;
  receiverRelation: string;
  reason: string;
  failureReason: string;
}

const emptyDraft = (): DoorDraft => ({
  key: idempotencyKey(),
  receiver: 'retailer',
  via: 'code',
  doorCode: '',
  receiverName: '',
  receiverRelation: '',
  reason: '',
  failureReason: '',
});

/** 到店交货: one stop of the run — arrive, hand over with the retailer's code (or to a proxy), or fail. */
export function StopPage() {
  const id = Number(useParams().id);
  const run = useDriverRun();
  if (run.isPending) return <Skeleton.Paragraph lineCount={10} animated />;
  if (!run.data) return <Result status="error" title="加载失败" description={sentenceOf(run.error)} />;
  const stop = run.data.items.find((item) => item.id === id);
  if (!stop) return <NotFoundPage what="送货站点" />;
  return <Door key={stop.id} stop={stop} />;
}

function Door({ stop }: { stop: Stop }) {
  const draftName = `door:${stop.id}`;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const brands = useBrands();
  const names = new Map((brands.data ?? []).map((b) => [b.id, b.name]));
  const [draft, setDraft] = useState<DoorDraft>(() => loadDraft<DoorDraft>(draftName) ?? emptyDraft());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The signature stays in memory (not in the draft): it is sent after the hand-over, or queued with it.
  const [signature, setSignature] = useState<Blob | null>(null);
  const update = (changes: Partial<DoorDraft>) => {
    const next = { ...draft, ...changes };
    setDraft(next);
    saveDraft(draftName, next);
  };
  const { retailer } = stop;

  const submit = async (step: DoorStep, title: string, signed?: Blob) => {
    setBusy(true);
    setError(null);
    try {
      // Without a signal the step waits on the phone with its key and times, and goes out when it returns.
      await sendOrQueue(step, draft.key, `${title} · ${retailer.shopName}`, signed);
      await queryClient.invalidateQueries({ queryKey: RUN_KEY });
    } catch (failure) {
      setError(sentenceOf(failure));
      return;
    } finally {
      setBusy(false);
    }
    dropDraft(draftName);
    navigate('/dv/run', { replace: true });
  };

  const bySignature =
    draft.receiver === 'retailer' && draft.via === 'signature' && stop.status !== 'received';
  const handOver = () =>
    submit(
      {
        deliveryId: stop.id,
        step: 'complete',
        body: {
          arrivedAt: draft.arrivedAt!,
          receiver: draft.receiver,
          ...(draft.receiver === 'proxy'
            ? {
                receiverName: draft.receiverName,
                receiverRelation: draft.receiverRelation,
                reason: draft.reason,
              }
            : !bySignature && draft.doorCode
              ? { doorCode: draft.doorCode, doorCodeEnteredAt: draft.doorCodeEnteredAt }
              : {}),
        } as Completion,
      },
      draft.receiver === 'proxy' ? '代接货交货' : bySignature ? '交货（已签名）' : '交货',
      bySignature && signature ? signature : undefined,
    );

  return (
    <div style={{ display: 'grid', gap: 12, paddingBottom: 24 }}>
      <div className="section">
        <h1 style={{ fontSize: 20, margin: '0 0 4px' }}>
          第 {stop.position} 站 · {retailer.shopName}
        </h1>
        <p className="muted" style={{ margin: 0 }}>
          {retailer.ownerName} · {retailer.address} · 约定 {timeOfDay(stop.windowStart)}–
          {timeOfDay(stop.windowEnd)}
        </p>
        <p className="row" style={{ justifyContent: 'flex-start', gap: 16, margin: '8px 0 0' }}>
          {retailer.phone && (
            <a href={`tel:${retailer.phone}`}>
              <span aria-hidden="true">☎ </span>拨打电话 {retailer.phone}
            </a>
          )}
          <a href={mapLink(retailer.address)}>
            <span aria-hidden="true">⌖ </span>地图导航
          </a>
        </p>
      </div>
      <List header="货品">
        {stop.lines.map((line) => (
          <List.Item key={line.brandId} extra={cartons(line.cartons)}>
            {names.get(line.brandId) ?? `规格 ${line.brandId}`}
          </List.Item>
        ))}
        <List.Item extra={cartons(stop.cartons)}>合计</List.Item>
      </List>
      {error && <Notice kind="error">{error}</Notice>}
      {!isOpen(stop) ? (
        <p role="status" className="section">
          <Tag color={stop.status === 'failed' ? 'danger' : 'success'}>{stop.statusLabel}</Tag>{' '}
          {stop.completedAt && `于 ${dayAndTime(stop.completedAt)} 完成`}
        </p>
      ) : !draft.arrivedAt ? (
        <div className="section">
          <Button block color="primary" onClick={() => update({ arrivedAt: new Date().toISOString() })}>
            到达
          </Button>
        </div>
      ) : (
        <>
          <p role="status" className="section" style={{ margin: 0 }}>
            已于 {timeOfDay(draft.arrivedAt)} 到达
          </p>
          {stop.status === 'received' && <Notice kind="success">零售户已在自己的手机上确认收货。</Notice>}
          <Form layout="vertical" aria-label="交货">
            <Form.Item label="收货人">
              <Selector<Receiver>
                columns={2}
                value={[draft.receiver]}
                onChange={(value) => value[0] && update({ receiver: value[0] })}
                options={[
                  { label: '零售户本人', value: 'retailer' },
                  { label: '代接货', value: 'proxy' },
                ]}
              />
            </Form.Item>
            {draft.receiver === 'retailer' ? (
              stop.status !== 'received' && (
                <>
                  <Form.Item label="确认方式">
                    <Selector<DoorDraft['via']>
                      columns={2}
                      value={[draft.via]}
                      onChange={(value) => value[0] && update({ via: value[0] })}
                      options={[
                        { label: '到户确认码', value: 'code' },
                        { label: '手写签名', value: 'signature' },
                      ]}
                    />
                  </Form.Item>
                  {draft.via === 'code' ? (
                    <Form.Item label="到户确认码" help="零售户手机“收货”页上的 6 位数字">
                      <Input
                        aria-label="到户确认码"
                        inputMode="numeric"
                        maxLength={6}
                        value={draft.doorCode}
                        onChange={(doorCode) =>
                          update({
                            doorCode,
                            doorCodeEnteredAt: doorCode.length === 6 ? new Date().toISOString() : undefined,
                          })
                        }
                      />
                    </Form.Item>
                  ) : (
                    <Form.Item label="零售户签名" help="请零售户在下方签名确认收货">
                      <SignaturePad label="零售户签名区" onChange={setSignature} />
                    </Form.Item>
                  )}
                </>
              )
            ) : (
              <>
                <p className="danger-text section">
                  代接货原则上不允许：须登记代收人姓名、与店主关系和原因，并将被标记核查。
                </p>
                <Form.Item label="代收人姓名">
                  <Input
                    aria-label="代收人姓名"
                    value={draft.receiverName}
                    onChange={(receiverName) => update({ receiverName })}
                  />
                </Form.Item>
                <Form.Item label="与店主关系">
                  <Input
                    aria-label="与店主关系"
                    placeholder="如 店员、配偶、隔壁店主"
                    value={draft.receiverRelation}
                    onChange={(receiverRelation) => update({ receiverRelation })}
                  />
                </Form.Item>
                <Form.Item label="代接货原因">
                  <TextArea
                    placeholder="填写代接货原因"
                    rows={2}
                    value={draft.reason}
                    onChange={(reason) => update({ reason })}
                  />
                </Form.Item>
              </>
            )}
          </Form>
          <div className="section" style={{ display: 'grid', gap: 12 }}>
            <Button
              block
              color="primary"
              loading={busy}
              disabled={bySignature && !signature}
              onClick={() => void handOver()}
            >
              确认交货
            </Button>
          </div>
          {stop.status === 'planned' && (
            <Form layout="vertical" aria-label="未能送达">
              <Form.Item label="未能送达的原因">
                <TextArea
                  placeholder="填写未能送达的原因"
                  rows={2}
                  value={draft.failureReason}
                  onChange={(failureReason) => update({ failureReason })}
                />
              </Form.Item>
              <div className="section">
                <Button
                  block
                  color="danger"
                  fill="outline"
                  disabled={draft.failureReason.trim().length < 2}
                  loading={busy}
                  onClick={() =>
                    void submit(
                      { deliveryId: stop.id, step: 'fail', reason: draft.failureReason },
                      '未能送达',
                    )
                  }
                >
                  未能送达，货品带回
                </Button>
              </div>
            </Form>
          )}
        </>
      )}
      <DoorFeedback stop={stop} />
    </div>
  );
}
