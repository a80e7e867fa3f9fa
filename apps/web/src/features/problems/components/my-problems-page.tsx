import { useState } from 'react';
import { Button, List, Skeleton, Tag } from 'antd-mobile';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { Notice } from '@/components/notice';
import { sentenceOf } from '@/lib/errors';
import { dayAndTime } from '@/lib/format';
import { closeProblem, type Problem, useProblems } from '../api/problems-api';

/** The problems I raised, newest first: whom they are about, the deadline, the answer; close once answered. */
export function MyProblemsPage() {
  const problems = useProblems();
  const navigate = useNavigate();
  return (
    <>
      <div className="section">
        <h1 style={{ fontSize: 20, margin: 0 }}>我反映的问题</h1>
        <p className="muted" style={{ margin: '4px 0 0' }}>
          由零售户所属客户服务部的市场经理限时答复；答复后可关闭。
        </p>
        <Button
          color="primary"
          size="small"
          style={{ marginTop: 8 }}
          onClick={() => navigate('/problems/new')}
        >
          反映问题
        </Button>
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
