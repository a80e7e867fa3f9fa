import { useState } from 'react';
import { Button, List, Skeleton, Tag } from 'antd-mobile';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Notice } from '@/components/notice';
import { sentenceOf } from '@/lib/errors';
import { dayAndTime } from '@/lib/format';
import { closeProblem, type Problem, useProblems } from '../api/problems-api';

/** The problems I raised, newest first: whom they are about, the deadline, the answer; close once answered. */
export function MyProblemsPage() {
  const problems = useProblems();
  return (
    <>
      <div className="section">
        <h1 style={{ fontSize: 20, margin: 0 }}>我反映的问题</h1>
        <p className="muted" style={{ margin: '4px 0 0' }}>
          在零售户页面点“反映问题”提出；市场经理答复后可关闭。
        </p>
      </div>
      {problems.isPending ? (
        <Skeleton.Paragraph lineCount={6} animated />
      ) : problems.isError ? (
        <Notice kind="error">{sentenceOf(problems.error)}</Notice>
      ) : (
        <section aria-label="我反映的问题">
          <List>
            {problems.data.items.map((problem) => (
              <ProblemItem key={problem.id} problem={problem} />
            ))}
            {problems.data.items.length === 0 && <List.Item>还没有反映过问题。</List.Item>}
          </List>
        </section>
      )}
    </>
  );
}

function ProblemItem({ problem }: { problem: Problem }) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const close = async () => {
    try {
      await closeProblem(problem.id);
      await client.invalidateQueries({ queryKey: ['problems'] });
    } catch (e) {
      setError(sentenceOf(e));
    }
  };
  return (
    <List.Item
      description={
        <>
          <span className={problem.overdue ? 'danger-text' : undefined}>
            {problem.shopName} · 答复期限 {dayAndTime(problem.deadlineAt)}
            {problem.overdue ? '（已逾期）' : ''}
          </span>
          {problem.answer && (
            <p style={{ margin: '4px 0 0' }}>
              {problem.answererName} 答复：{problem.answer}
            </p>
          )}
          {problem.allowedEvents.includes('close') && (
            <Button size="mini" onClick={() => void close()} style={{ marginTop: 4 }}>
              关闭问题
            </Button>
          )}
          {error && <Notice kind="error">{error}</Notice>}
        </>
      }
      extra={<Tag color={problem.status === 'closed' ? 'default' : 'primary'}>{problem.statusLabel}</Tag>}
    >
      <Link to={`/retailers/${problem.retailerId}/timeline`}>
        {problem.kindLabel}（涉及{problem.aboutRoleLabel}）：{problem.description}
      </Link>
    </List.Item>
  );
}
