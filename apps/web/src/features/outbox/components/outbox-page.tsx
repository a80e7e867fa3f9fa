import { useEffect, useState } from 'react';
import { Button, List, Tag } from 'antd-mobile';
import { dayAndTime } from '@/lib/format';
import {
  flushOutbox,
  onOutboxChange,
  outboxEntries,
  removeEntry,
  type OutboxEntry,
} from '@/lib/offline/outbox';

const STATES: Record<
  OutboxEntry['state'],
  [string, 'default' | 'primary' | 'success' | 'danger' | 'warning']
> = {
  queued: ['待发送', 'warning'],
  sending: ['发送中', 'primary'],
  sent: ['已发送', 'success'],
  refused: ['被退回', 'danger'],
};

/** 待发送: what was submitted without a connection, and what became of it. */
export function OutboxPage() {
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  useEffect(() => {
    const load = () => void outboxEntries().then(setEntries);
    load();
    return onOutboxChange(load);
  }, []);
  return (
    <>
      <div className="section row">
        <h1 style={{ fontSize: 20, margin: 0 }}>待发送</h1>
        <Button size="small" onClick={() => void flushOutbox()}>
          立即重试
        </Button>
      </div>
      <p className="muted section">
        没有网络时提交的内容保存在本机，网络恢复后自动发送，重复发送也只会记录一次。
      </p>
      <section aria-label="待发送列表">
        <List>
          {entries.map((entry) => (
            <List.Item
              key={entry.key}
              description={`${dayAndTime(entry.createdAt)}${entry.reason ? ` · ${entry.reason}` : ''}`}
              extra={
                <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
                  <Tag color={STATES[entry.state][1]}>{STATES[entry.state][0]}</Tag>
                  {(entry.state === 'sent' || entry.state === 'refused') && (
                    <Button
                      size="mini"
                      onClick={() => void removeEntry(entry.key)}
                      aria-label={`移除${entry.title}`}
                    >
                      移除
                    </Button>
                  )}
                </span>
              }
            >
              {entry.title}
            </List.Item>
          ))}
          {entries.length === 0 && <List.Item>没有待发送的内容。</List.Item>}
        </List>
      </section>
    </>
  );
}
