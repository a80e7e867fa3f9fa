import { useParams } from 'react-router';
import { NotFoundPage } from '@/components/not-found-page';
import { ApiError, sentenceOf } from '@/lib/errors';
import { ROLE_LABELS, type Role } from '@/lib/access';
import { dayAndTime } from '@/lib/format';
import { useTimeline, type TimelineEvent } from '../api/timeline-api';

/**
 * The three-role timeline of a retailer 三员互动记录: what the account manager, enforcement and delivery did there,
 * newest first, with who and when; more on demand. Plain markup, so the phone and the desk show the same page.
 * A retailer outside the caller's scope is the API's 404: "not found", as for any other.
 */
export function TimelinePage() {
  const id = Number(useParams().id);
  const timeline = useTimeline(id);
  if (timeline.isPending) return <p className="muted">加载中…</p>;
  if (timeline.isError) {
    if (timeline.error instanceof ApiError && timeline.error.status === 404)
      return <NotFoundPage what="零售户" />;
    return (
      <p role="alert" className="danger-text">
        {sentenceOf(timeline.error)}
      </p>
    );
  }
  const [first] = timeline.data.pages;
  const events = timeline.data.pages.flatMap((page) => page.items);
  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <h1 id="timeline-title" style={{ fontSize: 20, margin: '12px 0 4px' }}>
        三员互动记录
      </h1>
      <p className="muted" style={{ margin: 0 }}>
        {first.shopName} · 许可证号 {first.licenseNo}
      </p>
      {events.length === 0 ? (
        <p>暂无记录。</p>
      ) : (
        <ol aria-label="互动记录" className="timeline-list">
          {events.map((event) => (
            <Step key={event.key} event={event} />
          ))}
        </ol>
      )}
      {timeline.hasNextPage && (
        <button
          type="button"
          className="timeline-more"
          disabled={timeline.isFetchingNextPage}
          onClick={() => void timeline.fetchNextPage()}
        >
          {timeline.isFetchingNextPage ? '加载中…' : '加载更早的记录'}
        </button>
      )}
    </section>
  );
}

function Step({ event }: { event: TimelineEvent }) {
  const who = event.actor
    ? `${event.actor.name}（${ROLE_LABELS[event.actor.role as Role] ?? event.actor.role}）`
    : '系统';
  return (
    <li className="timeline-step">
      <strong>{event.title}</strong>
      <div className="muted">
        <time dateTime={event.at}>{dayAndTime(event.at)}</time> · {who}
      </div>
      {event.detail && <div>{event.detail}</div>}
    </li>
  );
}
