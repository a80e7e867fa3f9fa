import { Button, ErrorBlock } from 'antd-mobile';
import { useNavigate } from 'react-router';

/** What a page shows for something that does not exist or is out of the user's scope (the API's 404). */
export function NotFoundPage({ what = '页面' }: { what?: string }) {
  const navigate = useNavigate();
  return (
    <ErrorBlock
      status="empty"
      title={`未找到该${what}`}
      description="它不存在，或不在您的管辖范围内。"
      fullPage
    >
      <Button color="primary" onClick={() => navigate('/', { replace: true })}>
        返回首页
      </Button>
    </ErrorBlock>
  );
}
