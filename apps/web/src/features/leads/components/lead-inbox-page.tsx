import { useState } from 'react';
import { List, Skeleton, Tabs, Tag } from 'antd-mobile';
import { Link } from 'react-router';
import { Notice } from '@/components/notice';
import { useSessionUser } from '@/hooks/use-session';
import { sentenceOf } from '@/lib/errors';
import { countdown, dayAndTime } from '@/lib/format';
import { dueAt, INBOX_TABS, useInbox, type InboxTab, type Lead } from '../api/leads-api';

/** The squad's open leads by tab, soonest due first, each with the time left (overdue in red). */
export function LeadInboxPage() {
  const [tab, setTab] = useState<InboxTab>('new');
  const user = useSessionUser();
  const inbox = useInbox(tab, user?.id);
  return (
    <>
      <div className="section">
        <h1 style={{ fontSize: 20, margin: 0 }}>线索</h1>
      </div>
      <Tabs activeKey={tab} onChange={(key) => setTab(key as InboxTab)}>
        {(Object.keys(INBOX_TABS) as InboxTab[]).map((key) => (
          <Tabs.Tab key={key} title={INBOX_TABS[key]} />
        ))}
      </Tabs>
      {inbox.isPending ? (
        <Skeleton.Paragraph lineCount={6} animated />
      ) : inbox.isError ? (
        <Notice kind="error">{sentenceOf(inbox.error)}</Notice>
      ) : (
        <section aria-label={`${INBOX_TABS[tab]}的线索`}>
          <List>
            {inbox.data.map((lead) => (
              <LeadItem key={lead.id} lead={lead} />
            ))}
            {inbox.data.length === 0 && <List.Item>没有{INBOX_TABS[tab]}的线索。</List.Item>}
          </List>
        </section>
      )}
    </>
  );
}

function LeadItem({ lead }: { lead: Lead }) {
  const due = dueAt(lead);
  // The browser's clock only counts down; whether a lead is overdue is the API's word.
  const left = lead.overdue ? '已超期' : `剩余 ${countdown(due, new Date())}`;
  return (
    <List.Item
      description={
        <span className={lead.overdue ? 'danger-text' : undefined}>
          {left} · 期限 {dayAndTime(due)}
        </span>
      }
      extra={<Tag color={lead.importance === 'important' ? 'danger' : 'default'}>{lead.importanceLabel}</Tag>}
    >
      {/* A real link: it opens by keyboard too, and reads as one. */}
      <Link to={`/eo/leads/${lead.id}`}>
        {lead.kindLabel}：{lead.description}
      </Link>
    </List.Item>
  );
}
