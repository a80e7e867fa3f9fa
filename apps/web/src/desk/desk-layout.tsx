import { Suspense } from 'react';
import { App, Button, ConfigProvider, Layout, Menu, Space, Spin, Typography } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { can, ROLE_LABELS } from '@/lib/access';
import { DESK_TOKENS } from '@/lib/theme';
import { cspNonce } from '@/lib/csp';
import { useSessionUser } from '@/hooks/use-session';
import { logout } from '@/features/auth';
import { useAwaitingProblemCount } from '@/features/problems';
import { usePendingApprovalCount } from './desk-api';
import { deskEntries, selectedEntry } from './nav';

/**
 * The desk pages (market managers, supply clerks, department heads, inspectors, admins): antd with the one
 * theme, a side menu by role and a header with the user, and for market managers the count of collected demand
 * waiting for approval (and for them and inspectors, of three-role problems waiting for an answer), on every page. Usable from a 1024 px tablet up.
 */
export default function DeskLayout() {
  const user = useSessionUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const approver = can(user?.role, 'approvals');
  const pending = usePendingApprovalCount(approver);
  const answerer = user?.role === 'market_manager' || user?.role === 'inspector';
  const awaiting = useAwaitingProblemCount(answerer);
  if (!user) return null;
  const entries = deskEntries(user.role);
  const selected = selectedEntry(pathname, entries);
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ token: DESK_TOKENS }}
      csp={{ nonce: cspNonce() }}
      // "审 批" would not match a button's accessible name "审批…" (and reads oddly in a table).
      button={{ autoInsertSpace: false }}
    >
      <App>
        <Layout style={{ minHeight: '100vh', minWidth: 1000 }}>
          <Layout.Header
            style={{
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              background: '#fff',
              borderBottom: '1px solid #f0f0f0',
              paddingInline: 24,
            }}
          >
            <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
              卷烟零售终端管理
            </Typography.Title>
            <Space size="middle">
              {approver && (
                <Button
                  type={pending.data ? 'primary' : 'default'}
                  onClick={() => navigate('/desk/approvals')}
                >
                  待审批 {pending.data ?? '…'} 条
                </Button>
              )}
              {answerer && (
                <Button
                  type={awaiting.data ? 'primary' : 'default'}
                  onClick={() => navigate('/desk/problems')}
                >
                  待答复问题 {awaiting.data ?? '…'} 条
                </Button>
              )}
              <span>
                {user.displayName}（{ROLE_LABELS[user.role]}）
              </span>
              <Button type="text" onClick={() => navigate('/change-password')}>
                修改密码
              </Button>
              <Button
                type="text"
                onClick={() => void logout().then(() => navigate('/login', { replace: true }))}
              >
                退出登录
              </Button>
            </Space>
          </Layout.Header>
          <Layout>
            <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
              <nav aria-label="桌面导航">
                <Menu
                  mode="inline"
                  selectedKeys={selected ? [selected] : []}
                  items={entries.map((entry) => ({ key: entry.path, label: entry.label }))}
                  onClick={({ key }) => navigate(key)}
                  style={{ borderInlineEnd: 'none' }}
                />
              </nav>
            </Layout.Sider>
            <Layout.Content style={{ padding: 24, background: '#f5f5f5' }}>
              <main>
                <Suspense
                  fallback={
                    <div role="status" aria-label="加载中" style={{ padding: 48, textAlign: 'center' }}>
                      <Spin />
                    </div>
                  }
                >
                  <Outlet />
                </Suspense>
              </main>
            </Layout.Content>
          </Layout>
        </Layout>
      </App>
    </ConfigProvider>
  );
}
