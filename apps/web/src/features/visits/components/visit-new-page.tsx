import { useCallback, useEffect, useState } from 'react';
import { Button, Form, Input, Result, Selector, Skeleton, Switch, TextArea } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Notice } from '@/components/notice';
import { ForRetailer } from '@/components/retailer-picker';
import { idempotencyKey } from '@/lib/api';
import { sentenceOf } from '@/lib/errors';
import { compressPhoto, currentPosition } from '@/lib/images';
import { dropDraft, loadDraft, saveDraft } from '@/lib/offline/drafts';
import { useBrands } from '@/lib/queries/brands';
import { retailer } from '@/lib/queries/retailers';
import {
  addVisitPhoto,
  businessInstant,
  GUIDANCE_TOPIC_LABELS,
  recordVisit,
  VISIT_KIND_LABELS,
  type NewVisit,
  type VisitKind,
  type VisitPosition,
} from '../api/visits-api';

type Topic = keyof typeof GUIDANCE_TOPIC_LABELS;

interface Draft {
  kind: VisitKind;
  topics: Topic[];
  advice: string;
  shelf: number[];
  /** Observed pack prices in yuan as typed, per spec of the price-check sample. */
  prices: Record<number, string>;
  floatingQuota: boolean;
  selfReporting: boolean;
  notes: string;
  /** Where the phone was, if its user allowed it when asked (never required). */
  position: VisitPosition | null;
  key: string;
}

/** The two awareness questions of the seed's 知晓率: floating quota and self-reporting. */
const AWARENESS: ['floatingQuota' | 'selfReporting', string][] = [
  ['floatingQuota', '知道“总量浮动、只设上限”'],
  ['selfReporting', '知道可以“自主提报”'],
];

const EMPTY: Omit<Draft, 'key'> = {
  kind: 'routine',
  topics: [],
  advice: '',
  shelf: [],
  prices: {},
  floatingQuota: true,
  selfReporting: true,
  notes: '',
  position: null,
};

/** Recording a visit in under a minute: kind, the checks, advice; kept as a draft on the phone until sent. */
export function VisitNewPage() {
  return (
    <ForRetailer title="记录拜访：选择零售户">
      {(retailerId) => <VisitForm retailerId={retailerId} />}
    </ForRetailer>
  );
}

function VisitForm({ retailerId }: { retailerId: number }) {
  const navigate = useNavigate();
  const profile = useQuery({ queryKey: ['retailer', retailerId], queryFn: () => retailer(retailerId) });
  const brands = useBrands();
  const draftName = `visit:${retailerId}`;
  const [draft, setDraft] = useState<Draft>(
    () => loadDraft<Draft>(draftName) ?? { ...EMPTY, key: idempotencyKey() },
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The photo stays in memory (too big for the draft); once the visit is saved, only the photo is left to send.
  const [photo, setPhoto] = useState<Blob | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [savedVisitId, setSavedVisitId] = useState<number | null>(null);
  const [locating, setLocating] = useState(false);
  const [positionNote, setPositionNote] = useState<string | null>(null);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);
  const update = useCallback(
    (change: Partial<Draft>) =>
      setDraft((current) => {
        const next = { ...current, ...change };
        saveDraft(draftName, next);
        return next;
      }),
    [draftName],
  );
  if (profile.isPending || brands.isPending) return <Skeleton.Paragraph lineCount={10} animated />;
  if (profile.isError)
    return <Result status="error" title="加载失败" description={sentenceOf(profile.error)} />;
  const keyBrands = (brands.data ?? []).filter((b) => b.keyBrand !== null).slice(0, 12);
  // The price check samples five key brands (the industry's weekly check asks five at random).
  const sample = keyBrands.slice(0, 5);

  const takePhoto = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      const small = await compressPhoto(file);
      setPhoto(small);
      setPreview(URL.createObjectURL(small));
    } catch {
      setError('无法读取这张照片，请重新拍摄。');
    }
  };

  const locate = async () => {
    setLocating(true);
    const position = await currentPosition();
    setLocating(false);
    if (position) update({ position });
    setPositionNote(position ? null : '未能获取位置（未授权或信号弱），可不记录位置。');
  };

  const sendPhoto = async (visitId: number) => {
    if (photo) await addVisitPhoto(visitId, photo);
    dropDraft(draftName);
    navigate('/am/visits', { replace: true });
  };

  const send = async () => {
    setBusy(true);
    setError(null);
    if (savedVisitId !== null) {
      try {
        await sendPhoto(savedVisitId);
      } catch (failure) {
        setError(`拜访已保存，照片未上传：${sentenceOf(failure)}`);
      } finally {
        setBusy(false);
      }
      return;
    }
    const priceChecks = sample
      .filter((b) => draft.prices[b.id]?.trim())
      .map((b) => ({ brandId: b.id, observedPackFen: Math.round(Number(draft.prices[b.id]) * 100) }));
    const body: NewVisit = {
      retailerId,
      visitedAt: businessInstant(new Date()),
      kind: draft.kind,
      ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
      ...(draft.kind === 'guidance'
        ? { guidance: { topics: draft.topics, advice: draft.advice.trim() } }
        : {}),
      ...(priceChecks.length ? { priceChecks } : {}),
      shelfCheck: { brandIds: draft.shelf },
      awareness: { floatingQuota: draft.floatingQuota, selfReporting: draft.selfReporting },
      ...(draft.position ? { position: draft.position } : {}),
    };
    let visitId: number;
    try {
      visitId = (await recordVisit(body, draft.key)).id;
    } catch (failure) {
      setError(sentenceOf(failure));
      setBusy(false);
      return;
    }
    setSavedVisitId(visitId);
    try {
      await sendPhoto(visitId);
    } catch (failure) {
      setError(`拜访已保存，照片未上传：${sentenceOf(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ paddingBottom: 24 }}>
      <div className="section">
        <h1 style={{ fontSize: 20, margin: 0 }}>记录拜访</h1>
        <p className="muted" style={{ margin: '4px 0 0' }}>
          {profile.data.shopName} · {profile.data.ownerName}
        </p>
      </div>
      <Form layout="vertical" requiredMarkStyle="none">
        <Form.Item label="拜访类型">
          <Selector
            aria-label="拜访类型"
            columns={2}
            value={[draft.kind]}
            onChange={(value) => value[0] && update({ kind: value[0] })}
            options={(Object.keys(VISIT_KIND_LABELS) as VisitKind[])
              .filter((kind) => kind !== 'big_account_inspection' || profile.data.bigAccount)
              .map((kind) => ({ label: VISIT_KIND_LABELS[kind], value: kind }))}
          />
        </Form.Item>
        {draft.kind === 'guidance' && (
          <>
            <Form.Item label="指导主题">
              <Selector
                aria-label="指导主题"
                multiple
                columns={3}
                value={draft.topics}
                onChange={(topics) => update({ topics })}
                options={(Object.keys(GUIDANCE_TOPIC_LABELS) as Topic[]).map((topic) => ({
                  label: GUIDANCE_TOPIC_LABELS[topic],
                  value: topic,
                }))}
              />
            </Form.Item>
            <Form.Item label="指导建议">
              <TextArea
                placeholder="填写指导建议"
                value={draft.advice}
                onChange={(advice) => update({ advice })}
                rows={3}
              />
            </Form.Item>
          </>
        )}
        <Form.Item label="重点品牌上柜（在柜的打勾）">
          <Selector
            aria-label="重点品牌上柜"
            multiple
            columns={2}
            value={draft.shelf}
            onChange={(shelf) => update({ shelf })}
            options={keyBrands.map((b) => ({ label: b.name, value: b.id }))}
          />
        </Form.Item>
        {sample.map((b) => (
          <Form.Item key={b.id} label={`${b.name} 实际售价（元/盒，不填则不检查）`}>
            <Input
              aria-label={`${b.name}实际售价`}
              inputMode="decimal"
              value={draft.prices[b.id] ?? ''}
              onChange={(price) =>
                update({ prices: { ...draft.prices, [b.id]: price.replace(/[^\d.]/g, '') } })
              }
              placeholder={`指导价 ${(b.retailPricePackFen / 100).toFixed(2)}`}
            />
          </Form.Item>
        ))}
        {AWARENESS.map(([field, question]) => (
          <Form.Item key={field} label={question} childElementPosition="right">
            <Switch
              aria-label={question}
              checked={draft[field]}
              onChange={(yes) => update({ [field]: yes })}
            />
          </Form.Item>
        ))}
        <Form.Item label="备注">
          {/* The placeholder names the textarea itself (an aria-label would stay on antd-mobile's wrapper div). */}
          <TextArea
            placeholder="填写备注（选填）"
            value={draft.notes}
            onChange={(notes) => update({ notes })}
            rows={2}
          />
        </Form.Item>
        <Form.Item label="货架照片（可选）" description="用手机相机拍摄，上传前在手机上压缩。">
          <label className="adm-button adm-button-default adm-button-block" style={{ display: 'block' }}>
            {photo ? '重新拍摄货架照片' : '拍摄货架照片'}
            <input
              type="file"
              accept="image/*"
              capture="environment"
              aria-label="货架照片"
              style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
              onChange={(event) => void takePhoto(event.target.files?.[0])}
            />
          </label>
          {preview && (
            <img
              src={preview}
              alt="货架照片预览"
              style={{ marginTop: 8, width: '100%', maxHeight: 240, objectFit: 'contain' }}
            />
          )}
        </Form.Item>
        <Form.Item label="拜访位置（可选）">
          {draft.position ? (
            <p style={{ margin: 0 }}>
              已记录位置（精度约 {draft.position.accuracyMeters ?? '—'} 米）{' '}
              <Button size="mini" fill="none" onClick={() => update({ position: null })}>
                不记录位置
              </Button>
            </p>
          ) : (
            <Button block loading={locating} onClick={() => void locate()}>
              记录当前位置
            </Button>
          )}
          {positionNote && <p className="muted">{positionNote}</p>}
        </Form.Item>
      </Form>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="section">
        <Button block color="primary" size="large" loading={busy} onClick={() => void send()}>
          {savedVisitId !== null ? '重新上传照片' : '保存拜访'}
        </Button>
      </div>
    </div>
  );
}
