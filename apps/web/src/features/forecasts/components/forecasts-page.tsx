import { useState } from 'react';
import { Button, List, Result, Skeleton } from 'antd-mobile';
import { useQueryClient } from '@tanstack/react-query';
import { Notice } from '@/components/notice';
import { sentenceOf } from '@/lib/errors';
import { businessMonth, chineseMonth } from '@/lib/format';
import { dropDraft, loadDraft, saveDraft } from '@/lib/offline/drafts';
import { useBrands } from '@/lib/queries/brands';
import { useNow } from '@/hooks/use-now';
import { shiftMonth, submitForecast, useForecast } from '../api/forecasts-api';

/** Next month's per-spec forecast: a draft on the phone until submitted, history beside each field. */
export function ForecastsPage() {
  const now = useNow();
  const month = shiftMonth(businessMonth(now), 1);
  const queryClient = useQueryClient();
  const forecast = useForecast(month);
  const brands = useBrands();
  const draftName = `forecast:${month}`;
  const [draft, setDraft] = useState<Record<number, string>>(() => loadDraft(draftName) ?? {});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  if (forecast.isPending || brands.isPending) return <Skeleton.Paragraph lineCount={10} animated />;
  if (forecast.isError)
    return <Result status="error" title="加载失败" description={sentenceOf(forecast.error)} />;
  const { locked, saved, history, lastYear } = forecast.data;
  const value = (brandId: number) => draft[brandId] ?? String(saved.get(brandId) ?? '');
  const edit = (brandId: number, text: string) => {
    const next = { ...draft, [brandId]: text.replace(/\D/g, '') };
    setDraft(next);
    saveDraft(draftName, next);
  };
  const submit = async () => {
    setMessage(null);
    const lines = (brands.data ?? [])
      .map((b) => ({ brandId: b.id, cartons: Number(value(b.id) || 0) }))
      .filter((line) => line.cartons > 0);
    try {
      await submitForecast(month, lines);
      dropDraft(draftName);
      setDraft({});
      setMessage({ kind: 'success', text: '预测已提交。' });
      await queryClient.invalidateQueries({ queryKey: ['forecast', month] });
    } catch (failure) {
      setMessage({ kind: 'error', text: sentenceOf(failure) });
    }
  };
  return (
    <div style={{ paddingBottom: 24 }}>
      <h1 className="section" style={{ fontSize: 20 }}>
        {`${chineseMonth(month)}需求预测`}
      </h1>
      {locked ? (
        <Notice kind="info">该月已开始，预测已锁定。</Notice>
      ) : (
        <Notice kind="info">修改先保存在本机（草稿），点“提交预测”后生效；月初锁定。</Notice>
      )}
      <List header="规格（重点品牌在前） · 近三月需求 / 去年同月">
        {(brands.data ?? []).map((b) => (
          <List.Item
            key={b.id}
            description={`近三月 ${history.map((months) => months.get(b.id) ?? 0).join(' / ')} 条 · 去年同月 ${lastYear.get(b.id) ?? 0} 条`}
            extra={
              <input
                className="forecast-input"
                aria-label={`${b.name}预测（条）`}
                inputMode="numeric"
                disabled={locked}
                value={value(b.id)}
                onChange={(event) => edit(b.id, event.target.value)}
              />
            }
          >
            {b.name}
          </List.Item>
        ))}
      </List>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {!locked && (
        <div className="section">
          <Button block color="primary" size="large" onClick={() => void submit()}>
            提交预测
          </Button>
        </div>
      )}
    </div>
  );
}
