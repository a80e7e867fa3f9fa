import { useState } from 'react';
import { Button, Form, Selector, TextArea } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Notice } from '@/components/notice';
import { ForRetailer } from '@/components/retailer-picker';
import { useSessionUser } from '@/hooks/use-session';
import { type Role } from '@/lib/access';
import { sentenceOf } from '@/lib/errors';
import { retailer } from '@/lib/queries/retailers';
import {
  PROBLEM_KIND_LABELS,
  PROBLEM_KIND_ROLES,
  type ProblemKind,
  raiseProblem,
  THREE_ROLE_LABELS,
  type ThreeRole,
} from '../api/problems-api';

/**
 * Raising a problem about another role's work at a retailer 三员互动问题 (`?retailerId=`, from the retailer card
 * or a lead; without one, the retailers of the caller's scope to pick from). It goes to the market manager of the retailer's
 * center, who answers by the department's deadline.
 */
export function ProblemNewPage() {
  const user = useSessionUser();
  return (
    <ForRetailer title="反映问题：选择零售户">
      {(retailerId) => <ProblemForm retailerId={retailerId} role={user?.role} />}
    </ForRetailer>
  );
}

function ProblemForm({ retailerId, role }: { retailerId: number; role: Role | undefined }) {
  const navigate = useNavigate();
  const shop = useQuery({ queryKey: ['retailer', retailerId], queryFn: () => retailer(retailerId) });
  const kinds = (Object.keys(PROBLEM_KIND_LABELS) as ProblemKind[]).filter(
    (kind) => kind === 'other' || PROBLEM_KIND_ROLES[kind] !== role,
  );
  const roles = (Object.keys(THREE_ROLE_LABELS) as ThreeRole[]).filter((r) => r !== role);
  const [kind, setKind] = useState<ProblemKind | undefined>();
  const [aboutRole, setAboutRole] = useState<ThreeRole | undefined>();
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    if (!kind) return setError('请选择问题类型。');
    if (kind === 'other' && !aboutRole) return setError('“其他”类问题请选择涉及的岗位。');
    if (description.trim().length < 5) return setError('请描述问题（至少 5 个字）。');
    setBusy(true);
    setError(null);
    try {
      await raiseProblem({
        retailerId,
        kind,
        description: description.trim(),
        ...(kind === 'other' ? { aboutRole } : {}),
      });
      navigate('/problems', { replace: true });
    } catch (e) {
      setError(sentenceOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ paddingBottom: 24 }}>
      <div className="section">
        <h1 style={{ fontSize: 20, margin: 0 }}>反映问题</h1>
        <p className="muted" style={{ margin: '4px 0 0' }}>
          {shop.data ? `${shop.data.shopName} · ` : ''}
          提交后由零售户所属客户服务部的市场经理限时答复，逾期转督察组。
        </p>
      </div>
      <Form layout="vertical" requiredMarkStyle="none">
        <Form.Item label="问题类型">
          <Selector
            aria-label="问题类型"
            columns={2}
            value={kind ? [kind] : []}
            onChange={(value) => setKind(value[0])}
            options={kinds.map((k) => ({ label: PROBLEM_KIND_LABELS[k], value: k }))}
          />
        </Form.Item>
        {kind === 'other' && (
          <Form.Item label="涉及岗位">
            <Selector
              aria-label="涉及岗位"
              columns={2}
              value={aboutRole ? [aboutRole] : []}
              onChange={(value) => setAboutRole(value[0])}
              options={roles.map((r) => ({ label: THREE_ROLE_LABELS[r], value: r }))}
            />
          </Form.Item>
        )}
        <Form.Item label="问题描述">
          <TextArea
            placeholder="什么时间、发生了什么"
            value={description}
            onChange={setDescription}
            rows={4}
            maxLength={2000}
          />
        </Form.Item>
      </Form>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="section">
        <Button block color="primary" size="large" loading={busy} onClick={() => void send()}>
          提交问题
        </Button>
      </div>
    </div>
  );
}
