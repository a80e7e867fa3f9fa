import { Button, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import { useNavigate } from 'react-router';
import { ROLE_LABELS, type Role } from '@/lib/access';
import { DESK_TOKENS } from '@/lib/theme';
import { cspNonce } from '@/lib/csp';
import { useSessionUser } from '@/hooks/use-session';
import { logout } from '@/features/auth';

/** What each role without console pages yet uses meanwhile. */
const MEANWHILE: Partial<Record<Role, string>> = {
  delivery_staff: '送货与到户确认的手机页面即将上线，期间请按原有流程送货签收。',
};

/** The home of a role whose pages come in a later release (desk layout: antd, the same theme). */
export default function WaitingPage() {
  const user = useSessionUser();
  const navigate = useNavigate();
  if (!user) return null;
  return (
    <ConfigProvider locale={zhCN} theme={{ token: DESK_TOKENS }} csp={{ nonce: cspNonce() }}>
      <main style={{ padding: 24, background: '#fff', minHeight: '100%' }}>
        <Result
          status="info"
          title={`${user.displayName}，您好（${ROLE_LABELS[user.role]}）`}
          subTitle={`您的工作页面尚在建设中。${MEANWHILE[user.role] ?? ''}`}
          extra={[
            <Button key="docs" type="primary" href="/docs">
              打开接口文档页面
            </Button>,
            <Button key="password" onClick={() => navigate('/change-password')}>
              修改密码
            </Button>,
            <Button
              key="logout"
              onClick={() => void logout().then(() => navigate('/login', { replace: true }))}
            >
              退出登录
            </Button>,
          ]}
        />
      </main>
    </ConfigProvider>
  );
}
