import { useState } from 'react';
import { Button, Form, Input } from 'antd-mobile';
import { useLocation, useNavigate } from 'react-router';
import { Notice } from '@/components/notice';
import { sentenceOf } from '@/lib/errors';
import { HOME } from '@/lib/access';
import { session } from '@/lib/session';
import { login } from '../api/auth-api';

interface LoginValues {
  username: string;
  password: string;
}

/** Login by username (retailers: their licence number) and password; back to the page the user was on. */
export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const from = new URLSearchParams(location.search).get('from');
  const [expired] = useState(() => session.takeExpiredMessage());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      const user = await login(values.username.trim(), values.password);
      if (user.mustChangePassword) navigate('/change-password', { replace: true, state: { from } });
      else navigate(from && from.startsWith('/') ? from : HOME[user.role], { replace: true });
    } catch (failure) {
      setError(sentenceOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="phone">
      <div className="phone-body">
        <h1 style={{ textAlign: 'center', margin: '48px 0 8px', fontSize: 22 }}>卷烟零售终端管理</h1>
        <p className="muted" style={{ textAlign: 'center', margin: 0 }}>
          客户经理、零售户及各岗位人员登录
        </p>
        {expired && <Notice kind="alert">{expired}</Notice>}
        {error && <Notice kind="error">{error}</Notice>}
        <Form
          layout="vertical"
          requiredMarkStyle="none"
          onFinish={submit}
          aria-label="登录"
          footer={
            <Button block type="submit" color="primary" size="large" loading={busy}>
              登录
            </Button>
          }
        >
          <Form.Item
            name="username"
            label="用户名"
            description="零售户请输入专卖许可证号"
            rules={[{ required: true, message: '请输入用户名' }]}
          >
            <Input placeholder="用户名或专卖许可证号" autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input type="password" placeholder="密码" autoComplete="current-password" />
          </Form.Item>
        </Form>
      </div>
    </main>
  );
}
