import { Button, Card, Col, Row, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { can, ROLE_LABELS, type Role } from '@/lib/access';
import { useSessionUser } from '@/hooks/use-session';
import { usePendingApprovalCount } from '../desk-api';
import { deskEntries } from '../nav';

/** What each desk role still does through the API documentation until its pages come. */
const MEANWHILE: Partial<Record<Role, string>> = {
  market_manager:
    '周期看板、额度调剂、零售户维护与经营指导核查的桌面页面陆续上线，期间请通过接口文档页面（/docs）完成。',
  department_head: '政策设置（档位、额度、目标等）的桌面页面陆续上线，期间请通过接口文档页面（/docs）完成。',
  admin: '组织架构与订货周期请暂时通过接口文档页面（/docs）维护。',
  inspector: '六不准报告与线索督办请暂时通过接口文档页面（/docs）查询。',
};

/** A desk role's home: its figures for today and the way to each of its pages. */
export default function DeskHomePage() {
  const user = useSessionUser();
  const navigate = useNavigate();
  const approver = can(user?.role, 'approvals');
  const pending = usePendingApprovalCount(approver);
  if (!user) return null;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        工作台
      </Typography.Title>
      <Typography.Paragraph>
        {user.displayName}，您好（{ROLE_LABELS[user.role]}）。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {approver && (
          <Col xs={24} md={12} xl={8}>
            <Card title="代收需求审批">
              <Statistic title="待审批" value={pending.data ?? '…'} suffix="条" />
              <Button type="primary" style={{ marginTop: 16 }} onClick={() => navigate('/desk/approvals')}>
                去审批
              </Button>
            </Card>
          </Col>
        )}
        {deskEntries(user.role)
          .filter((entry) => entry.page !== 'deskHome' && entry.page !== 'approvals')
          .map((entry) => (
            <Col key={entry.path} xs={24} md={12} xl={8}>
              <Card title={entry.label}>
                <Typography.Paragraph>{entry.description}</Typography.Paragraph>
                <Button onClick={() => navigate(entry.path)}>打开{entry.label}</Button>
              </Card>
            </Col>
          ))}
        {MEANWHILE[user.role] && (
          <Col xs={24} md={12} xl={8}>
            <Card title="其他工作">
              <Typography.Paragraph>{MEANWHILE[user.role]}</Typography.Paragraph>
              <Button href="/docs">打开接口文档页面</Button>
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
