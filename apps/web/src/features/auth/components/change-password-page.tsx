import { useState } from 'react';
import { Button, Form, Input } from 'antd-mobile';
import { useLocation, useNavigate } from 'react-router';
import { Notice } from '@/components/notice';
import { sentenceOf } from '@/lib/errors';
import { HOME } from '@/lib/access';
import { useSessionUser } from '@/hooks/use-session';
import { changePassword } from '../api/auth-api';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/** Changing the password: required at the first login with a one-time password, available from "我的". */
export function ChangePasswordPage() {
  const user = useSessionUser();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstLogin = user?.mustChangePassword ?? false;

  const submit = async (values: PasswordValues) => {
    setBusy(true);
    setError(null);
    try {
      const updated = await changePassword(values.currentPassword, values.newPassword);
      navigate(from && from.startsWith('/') ? from : HOME[updated.role], { replace: true });
    } catch (failure) {
      setError(sentenceOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="phone">
      <h1 style={{ textAlign: 'center', fontSize: 18, margin: '16px 0' }}>修改密码</h1>
      <div className="phone-body">
        {firstLogin && <Notice kind="info">您正在使用一次性密码，请先设置自己的新密码。</Notice>}
        {error && <Notice kind="error">{error}</Notice>}
        <Form
          layout="vertical"
          requiredMarkStyle="none"
          onFinish={submit}
          aria-label="修改密码"
          footer={
            <Button block type="submit" color="primary" size="large" loading={busy}>
              保存新密码
            </Button>
          }
        >
          <Form.Item
            name="currentPassword"
            label={firstLogin ? '一次性密码' : '当前密码'}
            rules={[{ required: true, message: '请输入当前密码' }]}
          >
            <Input type="password" autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="新密码"
            description="至少 8 个字符，不能与用户名相同"
            rules={[
              { required: true, message: '请输入新密码' },
              { min: 8, message: '新密码至少需要 8 个字符' },
            ]}
          >
            <Input type="password" autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label="再次输入新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input type="password" autoComplete="new-password" />
          </Form.Item>
        </Form>
      </div>
    </main>
  );
}
