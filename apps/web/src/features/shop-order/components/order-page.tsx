import { useMemo, useState } from 'react';
import { Button, Card, Dialog, Result, Skeleton, Tag } from 'antd-mobile';
import { useQueryClient } from '@tanstack/react-query';
import { Figures } from '@/components/figures';
import { Notice } from '@/components/notice';
import { DemandLinesEditor } from '@/components/demand-lines-editor';
import { checkLines, toLines } from '@/lib/demand-checks';
import { sentenceOf } from '@/lib/errors';
import { cartons, countdown, dateWithWeekday, dayAndTime } from '@/lib/format';
import { idempotencyKey } from '@/lib/api';
import { useBrands } from '@/lib/queries/brands';
import {
  amendDemand,
  cancelDemand,
  cycleState,
  DEMAND_STATUS_LABELS,
  submitDemand,
} from '@/lib/queries/ordering';
import { useNow } from '@/hooks/use-now';
import { useSessionUser } from '@/hooks/use-session';
import { SupplyWeekCard } from '@/components/supply-week-card';
import { useOrderContext } from '../api/order-api';
import { OutcomeCard } from './outcome-card';

/** 自主提报: the retailer's own demand for this cycle — submit, amend or withdraw until cutoff. */
export function OrderPage() {
  const user = useSessionUser();
  const now = useNow();
  const queryClient = useQueryClient();
  const retailerId = user!.retailerId!;
  const context = useOrderContext(retailerId, now);
  const brands = useBrands();
  // What the user changed; until then, the lines of its demand in this cycle.
  const [edited, setLines] = useState<Record<number, number> | null>(null);
  const [key] = useState(idempotencyKey);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const existing = context.data?.demand;
  const lines: Record<number, number> =
    edited ?? Object.fromEntries((existing?.lines ?? []).map((line) => [line.brandId, line.cartons]));
  const names = useMemo(() => new Map((brands.data ?? []).map((b) => [b.id, b.name])), [brands.data]);

  if (context.isPending || brands.isPending) return <Skeleton.Paragraph lineCount={10} animated />;
  if (context.isError || brands.isError) {
    return <Result status="error" title="加载失败" description={sentenceOf(context.error ?? brands.error)} />;
  }
  const { profile, quota, cycle, limits, tight, last } = context.data;
  const brandName = (id: number) => names.get(id) ?? `规格 ${id}`;
  const open = cycle !== undefined && cycleState(cycle, now) === 'open';
  // Amending: what this demand already holds counts as available again.
  const held = existing && existing.status !== 'cancelled' ? existing.totalCartons : 0;
  const allowance = quota.cycleAllowance + held;
  const check = checkLines({
    lines,
    allowance,
    scarceLimits: limits,
    brandName,
    grade: profile.grade,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['order-context', retailerId] });

  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await run();
      setMessage({ kind: 'success', text: done });
      await refresh();
      setLines(null);
    } catch (failure) {
      setMessage({ kind: 'error', text: sentenceOf(failure, brandName) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ display: 'grid', gap: 12, paddingBottom: 24 }}>
      <h1 className="section" style={{ fontSize: 20, marginBottom: 0 }}>
        自主提报
      </h1>
      <section aria-label="本周订货">
        <Card title="本周订货">
          {cycle ? (
            <>
              <div className="row">
                <strong>订货日 {dateWithWeekday(cycle.orderDate)}</strong>
                <Tag color={open ? 'success' : 'default'}>{open ? '可以提报' : '未开放'}</Tag>
              </div>
              <p className="muted">
                {dayAndTime(cycle.opensAt)} 开放，{dayAndTime(cycle.cutoffAt)} 截单
                {open
                  ? `（还有 ${countdown(cycle.cutoffAt, now)}）`
                  : `（${countdown(cycle.opensAt, now)}后开放）`}
              </p>
            </>
          ) : (
            <p>本周没有订货周期。</p>
          )}
        </Card>
      </section>
      <Card title="我的额度">
        <Figures
          label="我的额度"
          figures={[
            { label: '本月上限', value: cartons(quota.cap) },
            { label: '本月剩余', value: cartons(quota.remaining) },
            { label: '本周期还可订', value: cartons(check.remaining), alarming: check.remaining < 0 },
          ]}
        />
        <p className="muted">
          本周期最多可订 {cartons(quota.cycleAllowance)}（本月还剩 {quota.remainingCycles}{' '}
          个订货周期，平均分配防止月初集中）。
        </p>
      </Card>
      {cycle && <SupplyWeekCard grade={profile.grade} limits={limits} tight={tight} brands={brands.data} />}
      {existing && (
        <Notice kind="success">
          {`本周期已提报 ${cartons(existing.totalCartons)}（${DEMAND_STATUS_LABELS[existing.status] ?? existing.status}）${open ? '，截单前可修改或撤回。' : '。'}`}
        </Notice>
      )}
      {last && <OutcomeCard {...last} brandName={brandName} />}
      {open && (
        <>
          <DemandLinesEditor
            brands={brands.data}
            lines={lines}
            onChange={setLines}
            scarceLimits={limits}
            overLimit={check.overLimit}
          />
          {check.problems.length > 0 && <Notice kind="error">{check.problems.join(' ')}</Notice>}
          {message && <Notice kind={message.kind}>{message.text}</Notice>}
          <div className="section" style={{ display: 'grid', gap: 8 }}>
            <Button
              block
              color="primary"
              size="large"
              loading={busy}
              disabled={check.total === 0 || check.problems.length > 0}
              onClick={() =>
                void (existing
                  ? act(() => amendDemand(existing.id, toLines(lines)), '已修改本周期需求。')
                  : act(
                      () => submitDemand({ retailerId, channel: 'self', lines: toLines(lines) }, key),
                      '已提交本周期需求。',
                    ))
              }
            >
              {existing ? '修改需求' : '提交需求'}
            </Button>
            {existing && (
              <Button
                block
                color="danger"
                fill="outline"
                disabled={busy}
                onClick={() =>
                  void Dialog.confirm({ content: '确定撤回本周期的需求吗？撤回后可在截单前重新提报。' }).then(
                    (yes) => {
                      if (yes) void act(() => cancelDemand(existing.id), '已撤回本周期需求。');
                    },
                  )
                }
              >
                撤回需求
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
