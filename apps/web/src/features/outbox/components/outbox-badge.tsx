import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { onOutboxChange, outboxEntries } from '@/lib/offline/outbox';

/** A line above every page while submissions wait for the connection. */
export function OutboxBadge() {
  const [waiting, setWaiting] = useState(0);
  useEffect(() => {
    const count = () =>
      void outboxEntries().then((entries) =>
        setWaiting(entries.filter((e) => e.state === 'queued' || e.state === 'sending').length),
      );
    count();
    return onOutboxChange(count);
  }, []);
  if (waiting === 0) return null;
  return (
    <div role="status" style={{ background: '#fff7e6', padding: '6px 12px', fontSize: 13 }}>
      <Link to="/outbox">{`${waiting} 项提交等待网络恢复后发送`}</Link>
    </div>
  );
}
