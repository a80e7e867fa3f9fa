import { Button, List } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { can, ROLE_LABELS, type Page } from '@/lib/access';
import { useSessionUser } from '@/hooks/use-session';
import { logout } from '@/features/auth';

const LINKS: { path: string; title: string; page?: Page }[] = [
  { path: '/am/forecasts', title: '需求预测', page: 'forecasts' },
  { path: '/am/kpis', title: '我的考核', page: 'myKpis' },
  { path: '/outbox', title: '待发送', page: 'outbox' },
  { path: '/change-password', title: '修改密码' },
];

export default function MePage() {
  const user = useSessionUser();
  const navigate = useNavigate();
  if (!user) return null;
  return (
    <>
      <List header="我的">
        <List.Item description={ROLE_LABELS[user.role]}>{user.displayName}</List.Item>
        {user.retailerId !== null && (
          <List.Item onClick={() => navigate(`/retailers/${user.retailerId}`)}>我的店铺与额度</List.Item>
        )}
        {LINKS.filter((link) => !link.page || can(user.role, link.page)).map((link) => (
          <List.Item key={link.path} onClick={() => navigate(link.path)}>
            {link.title}
          </List.Item>
        ))}
      </List>
      <div className="section">
        <Button
          block
          color="danger"
          fill="outline"
          onClick={() => void logout().then(() => navigate('/login', { replace: true }))}
        >
          退出登录
        </Button>
      </div>
    </>
  );
}
