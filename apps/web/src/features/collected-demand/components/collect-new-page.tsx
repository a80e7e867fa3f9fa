import { useCallback, useMemo, useState } from 'react';
import { Button, Card, Form, Input, Result, Selector, Skeleton } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { Figures } from '@/components/figures';
import { Notice } from '@/components/notice';
import { DemandLinesEditor } from '@/components/demand-lines-editor';
import { checkLines, toLines } from '@/lib/demand-checks';
import { ApiError, sentenceOf } from '@/lib/errors';
import { cartons, countdown, dayAndTime } from '@/lib/format';
import { idempotencyKey } from '@/lib/api';
import { dropDraft, loadDraft, saveDraft } from '@/lib/offline/drafts';
import { enqueue } from '@/lib/offline/outbox';
import { useBrands } from '@/lib/queries/brands';
import { useNow } from '@/hooks/use-now';
import { SignaturePad } from '@/components/signature-pad';
import { sendCollected, useCollectContext } from '../api/collect-api';
import { ForRetailer } from '@/components/retailer-picker';

type Confirmation = 'code' | 'signature';

interface Draft {
  lines: Record<number, number>;
  /** How the retailer confirms on this phone: its one-time code, or its signature drawn on the screen. */
  via: Confirmation;
  code: string;
  /** Kept from the first press of "send", so a retry (or the outbox) never makes a second demand. */
  key: string;
}

/**
 * 代收需求: the account manager records the retailer's own choices, checked live, confirmed on this phone by
 * the retailer's code or signature (or later in its own account).
 */
export function CollectNewPage() {
  return (
    <ForRetailer title="代收需求：选择零售户">
      {(retailerId) => <CollectForm retailerId={retailerId} />}
    </ForRetailer>
  );
}

function CollectForm({ retailerId }: { retailerId: number }) {
  const now = useNow();
  const navigate = useNavigate();
  const context = useCollectContext(retailerId, now);
  const brands = useBrands();
  const draftName = `collect:${retailerId}`;
  const [draft, setDraft] = useState<Draft>((): Draft => ({
    lines: {},
    code: '',
    key: idempotencyKey(),
    // An older draft has no `via`: it was a code.
    via: 'code',
    ...loadDraft<Draft>(draftName),
  }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The signature stays in memory (not in the draft): it is sent with the demand, or queued with it offline.
  const [signature, setSignature] = useState<Blob | null>(null);
  const update = useCallback(
    (next: Draft) => {
      setDraft(next);
      saveDraft(draftName, next);
    },
    [draftName],
  );
  const names = useMemo(() => new Map((brands.data ?? []).map((b) => [b.id, b.name])), [brands.data]);

  if (context.isPending || brands.isPending) return <Skeleton.Paragraph lineCount={10} animated />;
  if (context.isError || brands.isError) {
    return <Result status="error" title="加载失败" description={sentenceOf(context.error ?? brands.error)} />;
  }
  const { profile, quota, cycle, late, limits } = context.data;
  const bySignature = draft.via === 'signature';
  const check = checkLines({
    lines: draft.lines,
    allowance: quota.cycleAllowance,
    scarceLimits: limits,
    brandName: (id) => names.get(id) ?? `规格 ${id}`,
    grade: profile.grade,
  });

  const send = async () => {
    setBusy(true);
    setError(null);
    const body = {
      retailerId,
      channel: 'collected' as const,
      lines: toLines(draft.lines),
      ...(!bySignature && draft.code ? { confirmationCode: draft.code } : {}),
    };
    const signed = bySignature && signature ? signature : undefined;
    try {
      await sendCollected(body, draft.key, signed);
      dropDraft(draftName);
      navigate('/am/collect', { replace: true, state: { sent: profile.shopName } });
    } catch (failure) {
      if (failure instanceof ApiError && failure.offline) {
        // Queued with its signature: both go out, with their keys, when the connection returns.
        await enqueue({
          key: draft.key,
          kind: 'collected-demand',
          title: `代收需求 · ${profile.shopName} · ${cartons(check.total)}${signed ? ' · 已签名' : ''}`,
          body,
          file: signed,
        });
        dropDraft(draftName);
        navigate('/outbox', { replace: true });
        return;
      }
      setError(sentenceOf(failure, (id) => names.get(id)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ display: 'grid', gap: 12, paddingBottom: 24 }}>
      <div className="section">
        <h1 style={{ fontSize: 20, margin: '0 0 4px' }}>代收需求</h1>
        <p className="muted" style={{ margin: 0 }}>
          {profile.shopName} · {profile.ownerName} · {profile.grade} 档
        </p>
      </div>
      {!cycle && <Notice kind="alert">该零售户当前没有开放的订货周期，暂不能代收需求。</Notice>}
      {cycle && late && (
        <Notice kind="alert">{`本周期已于 ${dayAndTime(cycle.cutoffAt)} 截单，零售户错过了提报窗口：代收需求仍可补录，经零售户确认、市场经理在统一订购前审批后，并入本周期的统一订购。`}</Notice>
      )}
      {cycle && (
        <Card title="本次额度">
          <Figures
            label="额度"
            figures={[
              { label: '本周期可订', value: cartons(quota.cycleAllowance) },
              { label: '已选', value: cartons(check.total) },
              { label: '本周期还可订', value: cartons(check.remaining), alarming: check.remaining < 0 },
            ]}
          />
          <p className="muted">
            本月上限 {cartons(quota.cap)}，已用 {cartons(quota.used)}，已占用 {cartons(quota.reserved)}，剩余{' '}
            {cartons(quota.remaining)}。
            {!late && (
              <>
                截单 {dayAndTime(cycle.cutoffAt)}（还有 {countdown(cycle.cutoffAt, now)}）
              </>
            )}
          </p>
        </Card>
      )}
      <p className="muted section" style={{ margin: '0 12px' }}>
        请按零售户本人的选择逐项录入，不得代为决定品种和数量。
      </p>
      <DemandLinesEditor
        brands={brands.data}
        lines={draft.lines}
        onChange={(lines) => update({ ...draft, lines })}
        scarceLimits={limits}
        overLimit={check.overLimit}
      />
      {check.problems.length > 0 && <Notice kind="error">{check.problems.join(' ')}</Notice>}
      <Form layout="vertical" requiredMarkStyle="none">
        <Form.Item label="零售户确认方式">
          <Selector
            aria-label="零售户确认方式"
            columns={2}
            value={[draft.via]}
            onChange={(value) => value[0] && update({ ...draft, via: value[0] })}
            options={[
              { label: '确认码', value: 'code' as const },
              { label: '手写签名', value: 'signature' as const },
            ]}
          />
        </Form.Item>
        {bySignature ? (
          <Form.Item label="零售户签名" description="请零售户核对明细后，在下框内手写签名。">
            <SignaturePad label="零售户签名区" onChange={setSignature} />
          </Form.Item>
        ) : (
          <Form.Item
            label="零售户确认码"
            description="请零售户在自己的手机“确认”页生成 6 位确认码；不填则提交后由零售户在手机上确认。"
          >
            <Input
              value={draft.code}
              onChange={(code) => update({ ...draft, code: code.replace(/\D/g, '').slice(0, 6) })}
              inputMode="numeric"
              placeholder="6 位数字"
              aria-label="零售户确认码"
            />
          </Form.Item>
        )}
      </Form>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="section">
        <Button
          block
          color="primary"
          size="large"
          loading={busy}
          disabled={!cycle || check.total === 0 || check.problems.length > 0 || (bySignature && !signature)}
          onClick={() => void send()}
        >
          提交代收需求
        </Button>
      </div>
    </div>
  );
}
