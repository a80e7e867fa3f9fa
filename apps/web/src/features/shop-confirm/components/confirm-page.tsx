import { useState } from 'react';
import { Button, Card, List, Skeleton } from 'antd-mobile';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Notice } from '@/components/notice';
import { sentenceOf } from '@/lib/errors';
import { cartons, dayAndTime } from '@/lib/format';
import { useBrands } from '@/lib/queries/brands';
import { confirmDemand, demandsOf, newConfirmationCode, type ConfirmationCode } from '@/lib/queries/ordering';
import { useSessionUser } from '@/hooks/use-session';

/**
 * The retailer confirms what its account manager collected: a one-time code to give the account manager
 * (confirmation on the AM's phone), or confirming a collected demand here, line by line.
 */
export function ConfirmPage() {
  const user = useSessionUser();
  const retailerId = user!.retailerId!;
  const queryClient = useQueryClient();
  const brands = useBrands();
  const pending = useQuery({
    queryKey: ['pending-confirmation', retailerId],
    queryFn: () => demandsOf({ retailerId, channel: 'collected', status: 'pending_confirmation' }),
  });
  const [code, setCode] = useState<ConfirmationCode | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const names = new Map((brands.data ?? []).map((b) => [b.id, b.name]));

  const issue = async () => {
    setMessage(null);
    try {
      setCode(await newConfirmationCode());
    } catch (failure) {
      setMessage({ kind: 'error', text: sentenceOf(failure) });
    }
  };
  const confirm = async (id: number) => {
    setMessage(null);
    try {
      await confirmDemand(id);
      setMessage({ kind: 'success', text: '已确认，需求将提交市场经理审批。' });
      await queryClient.invalidateQueries({ queryKey: ['pending-confirmation', retailerId] });
    } catch (failure) {
      setMessage({ kind: 'error', text: sentenceOf(failure) });
    }
  };

  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <h1 className="section" style={{ fontSize: 20, marginBottom: 0 }}>
        确认代收需求
      </h1>
      <Card title="给客户经理的确认码">
        <p className="muted">客户经理在店里代您录入需求时，把确认码告诉他，即表示需求是您本人的选择。</p>
        {code ? (
          <p>
            确认码{' '}
            <output style={{ fontSize: 28, letterSpacing: 4, fontWeight: 700 }} aria-label="确认码">
              {code.code}
            </output>
            <br />
            <span className="muted">{dayAndTime(code.expiresAt)} 前有效，只能使用一次</span>
          </p>
        ) : null}
        <Button color="primary" onClick={() => void issue()}>
          生成确认码
        </Button>
      </Card>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <List header="待我确认的代收需求">
        {pending.isPending && <Skeleton.Paragraph lineCount={3} animated />}
        {(pending.data ?? []).map((d) => (
          <List.Item
            key={d.id}
            description={d.lines
              .map((line) => `${names.get(line.brandId) ?? line.brandId} ${cartons(line.cartons)}`)
              .join('，')}
            extra={
              <Button size="small" color="primary" onClick={() => void confirm(d.id)}>
                确认
              </Button>
            }
          >
            {`${cartons(d.totalCartons)} · ${dayAndTime(d.createdAt)} 录入`}
          </List.Item>
        ))}
        {pending.data?.length === 0 && <List.Item>没有待确认的代收需求。</List.Item>}
      </List>
    </div>
  );
}
